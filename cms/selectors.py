from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from .models import EventPage, EventRegistration, RegistrationStatus


def event_registration_counts(*, event: EventPage) -> dict[str, int]:
    counts = EventRegistration.objects.filter(event_key=event.translation_key).aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
    )
    return {key: value or 0 for key, value in counts.items()}


def registration_of_user(*, event: EventPage, user) -> EventRegistration | None:
    return EventRegistration.objects.filter(event_key=event.translation_key, user=user).first()


def event_get_live(*, page_id: int) -> EventPage:
    return get_object_or_404(EventPage.objects.live(), pk=page_id)


def event_for_registration(*, registration: EventRegistration, language: str | None = None):
    """The event page in the registrant's language, else any live translation."""
    pages = list(
        EventPage.objects.live()
        .filter(translation_key=registration.event_key)
        .select_related("locale")
    )
    language = language or get_language()
    for page in pages:
        if page.locale.language_code == language:
            return page
    return pages[0] if pages else None


def pages_search(*, query: str, language: str):
    return (
        Page.objects.live()
        .public()
        .filter(locale=Locale.objects.get(language_code=language), depth__gt=2)
        .specific()
        .search(query)
    )
