"""Booking emails and reminders.

Reminders go out once each: the periodic dispatcher only lists what is due; each send first
claims its reminder with a conditional UPDATE (`... WHERE reminder_*_sent_at IS NULL`), so a
restarted scheduler, a duplicate message or a redelivered task (acks_late) finds nothing left
to claim. If sending fails, the claim is released and the task retried.
"""

from datetime import timedelta

from celery import shared_task
from django.db.models import F
from django.utils import timezone

from .booking_notifications import send_appointment_email
from .models import Appointment

REMINDERS = {
    # kind: (sent-at field, how long before the start it becomes due)
    "reminder_day_before": ("reminder_day_before_sent_at", timedelta(hours=24)),
    "reminder_two_hours": ("reminder_two_hours_sent_at", timedelta(hours=2)),
}


@shared_task(
    acks_late=True, max_retries=5, default_retry_delay=60, time_limit=120, soft_time_limit=100
)
def appointment_notify_task(appointment_id: int, kind: str) -> None:
    appointment = (
        Appointment.objects.select_related("hub", "advisor__booking_profile", "entrepreneur")
        .filter(pk=appointment_id)
        .first()
    )
    if appointment is not None:
        send_appointment_email(appointment, kind=kind)


def due_reminders(*, now=None):
    """(kind, appointment id) of every reminder due now and not yet sent."""
    now = now or timezone.now()
    booked = Appointment.objects.booked().filter(starts_at__gt=now)
    day_before = booked.filter(
        reminder_day_before_sent_at__isnull=True,
        starts_at__lte=now + timedelta(hours=24),
        # Booked less than a day ahead: the confirmation was the reminder.
        created_at__lte=F("starts_at") - timedelta(hours=24),
    )
    two_hours = booked.filter(
        remind_two_hours_before=True,
        reminder_two_hours_sent_at__isnull=True,
        starts_at__lte=now + timedelta(hours=2),
    )
    return [("reminder_day_before", pk) for pk in day_before.values_list("pk", flat=True)] + [
        ("reminder_two_hours", pk) for pk in two_hours.values_list("pk", flat=True)
    ]


@shared_task(acks_late=True, time_limit=120, soft_time_limit=100)
def appointment_reminders_dispatch_task() -> int:
    due = due_reminders()
    for kind, appointment_id in due:
        appointment_reminder_task.delay(appointment_id, kind)
    return len(due)


def reminder_claim(*, appointment_id: int, kind: str, now=None) -> bool:
    field, _lead = REMINDERS[kind]
    return bool(
        Appointment.objects.filter(
            pk=appointment_id, status=Appointment.Status.BOOKED, **{f"{field}__isnull": True}
        ).update(**{field: now or timezone.now()})
    )


def reminder_release(*, appointment_id: int, kind: str) -> None:
    field, _lead = REMINDERS[kind]
    Appointment.objects.filter(pk=appointment_id).update(**{field: None})


@shared_task(
    bind=True,
    acks_late=True,
    max_retries=5,
    default_retry_delay=60,
    time_limit=120,
    soft_time_limit=100,
)
def appointment_reminder_task(self, appointment_id: int, kind: str) -> bool:
    """Send one reminder if this run wins the claim; True when it sent."""
    if not reminder_claim(appointment_id=appointment_id, kind=kind):
        return False
    appointment = Appointment.objects.select_related(
        "hub", "advisor__booking_profile", "entrepreneur"
    ).get(pk=appointment_id)
    try:
        send_appointment_email(appointment, kind=kind)
    except Exception as exc:  # the mail server said no: let a later try claim it again
        reminder_release(appointment_id=appointment_id, kind=kind)
        raise self.retry(exc=exc) from exc
    return True
