from .events import EventIndexPage, EventPage
from .guides import GuideIndexPage, GuidePage
from .home import HomePage
from .hubs import HubIndexPage, HubPage
from .news import NewsIndexPage, NewsPage
from .registrations import EventRegistration, RegistrationEvent, RegistrationStatus

__all__ = [
    "EventIndexPage",
    "EventPage",
    "EventRegistration",
    "GuideIndexPage",
    "GuidePage",
    "HomePage",
    "HubIndexPage",
    "HubPage",
    "NewsIndexPage",
    "NewsPage",
    "RegistrationEvent",
    "RegistrationStatus",
]
