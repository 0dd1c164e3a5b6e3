from datetime import datetime, time
from zoneinfo import ZoneInfo

from hubs.models import AdvisorBookingProfile, AvailabilityRule, Topic

CASABLANCA = ZoneInfo("Africa/Casablanca")
UTC = ZoneInfo("UTC")


def local(year, month, day, hour=0, minute=0) -> datetime:
    """An instant given as Casablanca wall-clock time."""
    return datetime(year, month, day, hour, minute, tzinfo=CASABLANCA)


def open_hours(
    advisor,
    hub,
    *,
    weekdays=range(7),
    start=time(9, 0),
    end=time(12, 0),
    slot_minutes=60,
    buffer_minutes=0,
    horizon_days=28,
    min_notice_hours=2,
    modes=("hub", "phone", "video"),
    topics=tuple(Topic.values),
    daily_cap=6,
):
    AdvisorBookingProfile.objects.update_or_create(
        advisor=advisor,
        defaults={
            "topics": list(topics),
            "daily_cap": daily_cap,
            "video_link": "https://visio.example.ma/room",
        },
    )
    for weekday in weekdays:
        AvailabilityRule.objects.create(
            advisor=advisor,
            hub=hub,
            weekday=weekday,
            start_time=start,
            end_time=end,
            slot_minutes=slot_minutes,
            buffer_minutes=buffer_minutes,
            horizon_days=horizon_days,
            min_notice_hours=min_notice_hours,
            modes=list(modes),
        )


def book_a_meeting(*, entrepreneur, advisor, hub):
    """Tuesday 5 May 2026 at 10:00 (Casablanca), booked on the Friday before, at the hub."""
    from hubs.models import Topic
    from hubs.services import booking

    open_hours(advisor, hub, weekdays=range(5), start=time(9), end=time(13))
    return booking.appointment_book(
        entrepreneur=entrepreneur,
        hub=hub,
        starts_at=local(2026, 5, 5, 10),
        now=local(2026, 5, 1, 8),
        topic=Topic.TRADEMARK,
        mode="hub",
        description="Protéger ma marque",
    )
