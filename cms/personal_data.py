"""The public site's part of "Download my data" and of the deletion of an account."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.personal_data import Record, record_of, register_personal_data

from .models import EventPage, EventRegistration, RegistrationStatus
from .services import registration_cancel


def export_registrations(user) -> list[Record]:
    registrations = list(EventRegistration.objects.filter(user=user).order_by("created_at"))
    titles = dict(
        EventPage.objects.filter(
            translation_key__in=[r.event_key for r in registrations]
        ).values_list("translation_key", "title")
    )
    return [
        record_of(
            r,
            ("status", "created_at"),
            [("event", _("Event"), titles.get(r.event_key, str(r.event_key)))],
        )
        for r in registrations
    ]


def erase(*, user, actor) -> None:
    """Seats at events still to come are freed (the waiting list moves up); past registrations
    stay, counted, on the tombstone account."""
    now = timezone.now()
    upcoming_keys = EventPage.objects.filter(end__gte=now).values_list("translation_key", flat=True)
    active = EventRegistration.objects.filter(
        user=user,
        event_key__in=upcoming_keys,
        status__in=(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED),
    )
    for registration in active:
        registration_cancel(registration=registration, actor=actor)


def register() -> None:
    register_personal_data(
        key="cms_event_registrations",
        title=gettext_lazy("Event registrations"),
        export=export_registrations,
        erase=erase,
        order=60,
    )
