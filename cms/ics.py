"""The calendar file attached to a registration confirmation."""

from icalendar import Calendar, Event


def event_ics(*, event, url: str, uid: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Carres des innovateurs//cms//FR")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    entry = Event()
    entry.add("uid", uid)
    entry.add("summary", event.title)
    entry.add("dtstart", event.start)
    entry.add("dtend", event.end)
    entry.add("dtstamp", event.last_published_at or event.start)
    entry.add("location", event.venue or event.online_url)
    entry.add("url", url)
    if event.intro:
        entry.add("description", event.intro)
    calendar.add_component(entry)
    return calendar.to_ical()
