"""Emails about an appointment, in the recipient's language, with the calendar file attached."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.bidi import isolate
from core.formats import format_datetime
from core.mail import sender
from core.translated import in_every_language, in_reader_language

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
        }
        subject = render_to_string("emails/appointment_subject.txt", context).strip()
        body = render_to_string("emails/appointment_body.txt", context)
        html = render_to_string("emails/appointment_body.html", context)
        from_email = sender()
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=body, from_email=from_email, to=[recipient.email]
    )
    message.attach_alternative(html, "text/html")
    method = "CANCEL" if appointment.status == Appointment.Status.CANCELLED else "REQUEST"
    message.attach(
        "rendez-vous.ics", appointment_ics(appointment), f"text/calendar; method={method}"
    )
    message.send()


def _manage_url(appointment: Appointment) -> str:
    entrepreneur_lang = appointment.entrepreneur.preferred_language or settings.LANGUAGE_CODE
    with translation.override(entrepreneur_lang):
        return settings.SITE_URL + reverse(
            "hubs:appointment_manage", kwargs={"token": appointment_manage_token(appointment)}
        )


# --- Through the platform's notifications: under the bell, and emailed once per event ----------

NOTIFIED_KINDS = ("booked", "rescheduled", "cancelled")


def _appointment_text(params: dict) -> str:
    from django.utils.translation import gettext as _

    texts = {
        "booked": _("Meeting booked on %(date)s at %(hub)s."),
        "rescheduled": _("Meeting moved to %(date)s at %(hub)s."),
        "cancelled": _("Meeting of %(date)s at %(hub)s cancelled."),
    }
    return texts[params["event"]] % {
        "date": isolate(format_datetime(params["date"])),
        "hub": isolate(in_reader_language(params["hub"])),
    }


def _appointment_email(notification) -> None:
    appointment = (
        Appointment.objects.select_related("hub", "advisor__booking_profile", "entrepreneur")
        .filter(pk=notification.params["appointment_id"])
        .first()
    )
    if appointment is None:
        return
    recipient = notification.user
    is_entrepreneur = recipient.pk == appointment.entrepreneur_id
    _send(
        appointment,
        kind=notification.params["event"],
        recipient=recipient,
        manage_url=_manage_url(appointment) if is_entrepreneur else None,
    )


def register_notification_kinds() -> None:
    from django.utils.translation import gettext_lazy

    from accounts.notifications import NotificationKind, register_notification_kind

    # The confirmation and the cancellation of a meeting are part of the process: always sent.
    register_notification_kind(
        NotificationKind(
            key="appointment",
            label=gettext_lazy("My meetings: booked, moved, cancelled"),
            text=_appointment_text,
            required=True,
            email=_appointment_email,
        )
    )


def notify_appointment(appointment: Appointment, *, kind: str) -> None:
    """One notification per person and event (the calendar sequence tells two moves apart)."""
    from accounts.notifications import notification_create

    params = {
        "appointment_id": appointment.pk,
        "event": kind,
        # The instant, written in each reader's language when shown.
        "date": appointment.starts_at.isoformat(),
        "hub": in_every_language(appointment.hub, "name"),
    }
    for recipient, url in (
        (
            appointment.entrepreneur,
            reverse("hubs:appointment_detail", args=[appointment.public_id]),
        ),
        (appointment.advisor, reverse("hubs:appointment_detail", args=[appointment.public_id])),
    ):
        notification_create(
            user=recipient,
            kind="appointment",
            key=f"appointment:{appointment.pk}:{kind}:{appointment.ics_sequence}:{recipient.pk}",
            params=params,
            url=url,
        )


def send_appointment_email(appointment: Appointment, *, kind: str) -> None:
    """To the entrepreneur (with a signed link to change it) and, except reminders, the advisor."""
    if kind not in KINDS:
        raise ValueError(kind)
    manage_url = _manage_url(appointment)
    # A deleted account has no address any more; the advisor is still told.
    if appointment.entrepreneur.deleted_at is None:
        _send(appointment, kind=kind, recipient=appointment.entrepreneur, manage_url=manage_url)
    if not kind.startswith("reminder"):
        _send(appointment, kind=kind, recipient=appointment.advisor, manage_url=None)
