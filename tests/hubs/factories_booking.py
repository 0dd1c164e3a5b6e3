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
