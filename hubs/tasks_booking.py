"""Booking emails and reminders.

Reminders go out once each. The periodic dispatcher only lists what is due; each send first
claims its reminder with a conditional UPDATE (`... WHERE sent_at IS NULL AND (claimed_at IS
NULL OR claimed_at < now - lease)`), so a restarted scheduler, a duplicate message or a
redelivered task (acks_late) finds nothing left to claim, then marks it sent. If sending fails,
the claim is released and the task retried; if the worker dies between claim and send, the
claim expires after the lease (longer than the task's hard time limit) and the next dispatch
takes it again. The one window left is a death after the mail server accepted the message and
before `sent_at` is written: that reminder may go out twice, never zero times.
"""

from datetime import timedelta

from celery import shared_task
from django.db.models import F, Q
from django.utils import timezone

from core.effects import effect_once, task_effect_key

from .booking_notifications import NOTIFIED_KINDS, notify_appointment, send_appointment_email
from .models import Appointment

REMINDERS = {
    # kind: (field prefix, how long before the start it becomes due)
    "reminder_day_before": ("reminder_day_before", timedelta(hours=24)),
    "reminder_two_hours": ("reminder_two_hours", timedelta(hours=2)),
}
TASK_TIME_LIMIT = 120
# Longer than the hard time limit: a live worker always finishes or dies within its lease.
CLAIM_LEASE = timedelta(seconds=5 * TASK_TIME_LIMIT)


def _unclaimed(prefix: str, now) -> Q:
    return Q(**{f"{prefix}_sent_at__isnull": True}) & (
        Q(**{f"{prefix}_claimed_at__isnull": True})
        | Q(**{f"{prefix}_claimed_at__lt": now - CLAIM_LEASE})
    )


@shared_task(
    bind=True,
    acks_late=True,
    max_retries=5,
    default_retry_delay=60,
    time_limit=TASK_TIME_LIMIT,
    soft_time_limit=100,
)
def appointment_notify_task(self, appointment_id: int, kind: str) -> None:
    appointment = (
        Appointment.objects.select_related("hub", "advisor__booking_profile", "entrepreneur")
        .filter(pk=appointment_id)
        .first()
    )
    if appointment is None:
        return
    with effect_once(task_effect_key(self, "email")) as first:
        if not first:
            return
        if kind in NOTIFIED_KINDS:
            # Through the notifications: under the bell too, and emailed once per person and event.
            notify_appointment(appointment, kind=kind)
        else:
            send_appointment_email(appointment, kind=kind)


def due_reminders(*, now=None):
    """(kind, appointment id) of every reminder due now and not yet sent."""
    now = now or timezone.now()
    booked = Appointment.objects.booked().filter(starts_at__gt=now)
    day_before = booked.filter(
        _unclaimed("reminder_day_before", now),
        starts_at__lte=now + timedelta(hours=24),
        # Booked less than a day ahead: the confirmation was the reminder.
        created_at__lte=F("starts_at") - timedelta(hours=24),
    )
    two_hours = booked.filter(
        _unclaimed("reminder_two_hours", now),
        remind_two_hours_before=True,
        starts_at__lte=now + timedelta(hours=2),
    )
    return [("reminder_day_before", pk) for pk in day_before.values_list("pk", flat=True)] + [
        ("reminder_two_hours", pk) for pk in two_hours.values_list("pk", flat=True)
    ]


@shared_task(acks_late=True, time_limit=TASK_TIME_LIMIT, soft_time_limit=100)
def appointment_reminders_dispatch_task() -> int:
    due = due_reminders()
    for kind, appointment_id in due:
        appointment_reminder_task.delay(appointment_id, kind)
    return len(due)


def reminder_claim(*, appointment_id: int, kind: str, now=None) -> bool:
    prefix, _lead = REMINDERS[kind]
    now = now or timezone.now()
    return bool(
        Appointment.objects.filter(
            _unclaimed(prefix, now), pk=appointment_id, status=Appointment.Status.BOOKED
        ).update(**{f"{prefix}_claimed_at": now})
    )


def reminder_release(*, appointment_id: int, kind: str) -> None:
    prefix, _lead = REMINDERS[kind]
    Appointment.objects.filter(pk=appointment_id).update(**{f"{prefix}_claimed_at": None})


def reminder_mark_sent(*, appointment_id: int, kind: str) -> None:
    prefix, _lead = REMINDERS[kind]
    Appointment.objects.filter(pk=appointment_id).update(**{f"{prefix}_sent_at": timezone.now()})


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
    reminder_mark_sent(appointment_id=appointment_id, kind=kind)
    return True
