"""Emails about an appointment, in the recipient's language, with the calendar file attached."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .booking_ics import appointment_ics
from .booking_selectors import HUB_TIME_ZONE, appointment_manage_token
from .models import Appointment

KINDS = ("booked", "rescheduled", "cancelled", "reminder_day_before", "reminder_two_hours")


def _send(appointment: Appointment, *, kind: str, recipient, manage_url: str | None) -> None:
    with translation.override(recipient.preferred_language or settings.LANGUAGE_CODE):
        context = {
            "appointment": appointment,
            "kind": kind,
            "recipient": recipient,
            "local_start": appointment.starts_at.astimezone(HUB_TIME_ZONE),
            "local_end": appointment.ends_at.astimezone(HUB_TIME_ZONE),
            "manage_url": manage_url,
            "time_zone": HUB_TIME_ZONE.key,
        }
        subject = render_to_string("emails/appointment_subject.txt", context).strip()
        body = render_to_string("emails/appointment_body.txt", context)
        html = render_to_string("emails/appointment_body.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=body, to=[recipient.email]
    )
    message.attach_alternative(html, "text/html")
    method = "CANCEL" if appointment.status == Appointment.Status.CANCELLED else "REQUEST"
    message.attach(
        "rendez-vous.ics", appointment_ics(appointment), f"text/calendar; method={method}"
    )
    message.send()


def send_appointment_email(appointment: Appointment, *, kind: str) -> None:
    """To the entrepreneur (with a signed link to change it) and, except reminders, the advisor."""
    if kind not in KINDS:
        raise ValueError(kind)
    entrepreneur_lang = appointment.entrepreneur.preferred_language or settings.LANGUAGE_CODE
    with translation.override(entrepreneur_lang):
        manage_url = settings.SITE_URL + reverse(
            "hubs:appointment_manage", kwargs={"token": appointment_manage_token(appointment)}
        )
    _send(appointment, kind=kind, recipient=appointment.entrepreneur, manage_url=manage_url)
    if not kind.startswith("reminder"):
        _send(appointment, kind=kind, recipient=appointment.advisor, manage_url=None)
