"""iCalendar files of appointments: one event per meeting, identified by its stable UID."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from .models import Appointment, Mode

PRODID = "-//Carres des innovateurs//Booking//FR"


def _where(appointment: Appointment) -> str:
    if appointment.mode == Mode.AT_HUB:
        hub = appointment.hub
        return ", ".join(part for part in (hub.name, hub.address, hub.city) if part)
    if appointment.mode == Mode.VIDEO:
        profile = getattr(appointment.advisor, "booking_profile", None)
        return (profile.video_link if profile else "") or _("Video link sent by your advisor")
    return _("By phone: the advisor calls you")


def _person(user, role: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{user.email}")
    address.params["cn"] = vText(user.get_full_name() or user.email)
    address.params["role"] = vText(role)
    return address


def appointment_event(appointment: Appointment, *, cancelled: bool = False) -> Event:
    event = Event()
    event.add("uid", appointment.ics_uid)
    event.add("sequence", appointment.ics_sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", appointment.starts_at)
    event.add("dtend", appointment.ends_at)
    event.add(
        "summary",
        _("Meeting with %(advisor)s — %(topic)s")
        % {
            "advisor": appointment.advisor.get_full_name() or appointment.advisor.email,
            "topic": appointment.get_topic_display(),
        },
    )
    event.add("description", appointment.description)
    event.add("location", _where(appointment))
    if appointment.mode == Mode.VIDEO:
        link = getattr(getattr(appointment.advisor, "booking_profile", None), "video_link", "")
        if link:
            event.add("url", link)
    event.add("organizer", _person(appointment.advisor, "CHAIR"))
    event.add("attendee", _person(appointment.entrepreneur, "REQ-PARTICIPANT"))
    is_cancelled = cancelled or appointment.status == Appointment.Status.CANCELLED
    event.add("status", "CANCELLED" if is_cancelled else "CONFIRMED")
    return event


def _calendar(method: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    return calendar


def appointment_ics(appointment: Appointment) -> bytes:
    """REQUEST for a booked (or moved) meeting, CANCEL once cancelled."""
    cancelled = appointment.status == Appointment.Status.CANCELLED
    calendar = _calendar("CANCEL" if cancelled else "REQUEST")
    calendar.add_component(appointment_event(appointment, cancelled=cancelled))
    return calendar.to_ical()


def agenda_feed_ics(appointments, *, name: str) -> bytes:
    calendar = _calendar("PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for appointment in appointments:
        calendar.add_component(appointment_event(appointment))
    return calendar.to_ical()
