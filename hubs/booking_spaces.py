"""The booking sections of "My space" and of the staff area."""

from datetime import timedelta

from django.utils import timezone

from accounts.roles import is_advisor
from accounts.spaces import Section, register_my_space_section, register_staff_area_section


def _my_appointments(user):
    from .booking_selectors import entrepreneur_appointments

    now = timezone.now()
    appointments = list(entrepreneur_appointments(user=user)[:20])
    return {
        "upcoming": sorted(
            (a for a in appointments if a.ends_at >= now and a.status == "booked"),
            key=lambda a: a.starts_at,
        ),
        "past": [a for a in appointments if not (a.ends_at >= now and a.status == "booked")],
    }


def _advisor_today(user):
    if not is_advisor(user):
        return None
    from .booking_selectors import HUB_TIME_ZONE, _aware, advisor_agenda

    today = timezone.localdate()
    start = _aware(today, timezone.datetime.min.time(), HUB_TIME_ZONE)
    return {"today": list(advisor_agenda(user=user, start=start, end=start + timedelta(days=1)))}


def register() -> None:
    register_my_space_section(
        Section(
            key="appointments",
            template="hubs/booking/my_space_section.html",
            context=_my_appointments,
            order=30,
        )
    )
    register_staff_area_section(
        Section(
            key="agenda",
            template="hubs/booking/staff_section.html",
            context=_advisor_today,
            order=20,
        )
    )
