"""Reminders go out once each, whatever the scheduler or the workers do."""

from datetime import time, timedelta
from unittest import mock

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.utils import timezone

from hubs import tasks_booking
from hubs.models import Appointment, Topic
from hubs.services import booking as services
from tests.hubs.factories_booking import local, open_hours

NOW = local(2026, 5, 1, 8)


@pytest.fixture
def appointment(advisor_a, hub_a, entrepreneur):
    open_hours(advisor_a, hub_a, weekdays=range(5), start=time(9), end=time(13))
    booked = services.appointment_book(
        entrepreneur=entrepreneur,
        hub=hub_a,
        topic=Topic.OTHER,
        starts_at=local(2026, 5, 5, 10),
        mode="phone",
        description="Financement",
        remind_two_hours_before=True,
        now=NOW,
    )
    Appointment.objects.filter(pk=booked.pk).update(created_at=NOW)
    mail.outbox.clear()
    return booked


def test_nothing_is_due_long_before(appointment):
    assert tasks_booking.due_reminders(now=local(2026, 5, 3, 9)) == []


def test_the_day_before_then_two_hours_before(appointment):
    assert tasks_booking.due_reminders(now=local(2026, 5, 4, 11)) == [
        ("reminder_day_before", appointment.pk)
    ]
    assert tasks_booking.due_reminders(now=local(2026, 5, 5, 8, 30)) == [
        ("reminder_day_before", appointment.pk),
        ("reminder_two_hours", appointment.pk),
    ]


def test_two_hours_reminder_only_when_opted_in(appointment):
    Appointment.objects.filter(pk=appointment.pk).update(remind_two_hours_before=False)
    kinds = [kind for kind, _pk in tasks_booking.due_reminders(now=local(2026, 5, 5, 8, 30))]
    assert kinds == ["reminder_day_before"]


def test_a_meeting_booked_the_day_before_gets_no_day_before_reminder(appointment):
    Appointment.objects.filter(pk=appointment.pk).update(created_at=local(2026, 5, 4, 18))
    assert tasks_booking.due_reminders(now=local(2026, 5, 4, 19)) == []


def test_a_reminder_sent_twice_goes_out_once(appointment):
    assert tasks_booking.appointment_reminder_task.apply(
        args=(appointment.pk, "reminder_day_before")
    ).get()
    # A restarted scheduler or a redelivered message runs the same task again.
    assert not tasks_booking.appointment_reminder_task.apply(
        args=(appointment.pk, "reminder_day_before")
    ).get()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [appointment.entrepreneur.email]
    appointment.refresh_from_db()
    assert appointment.reminder_day_before_sent_at is not None


def test_the_dispatcher_run_twice_sends_each_due_reminder_once(appointment):
    with mock.patch.object(timezone, "now", return_value=local(2026, 5, 5, 8, 30)):
        assert tasks_booking.appointment_reminders_dispatch_task.apply().get() == 2
        assert tasks_booking.appointment_reminders_dispatch_task.apply().get() == 0
    assert len(mail.outbox) == 2


def test_only_one_of_two_racing_workers_wins_the_claim(appointment):
    claims = [
        tasks_booking.reminder_claim(appointment_id=appointment.pk, kind="reminder_two_hours")
        for _ in range(2)
    ]
    assert claims == [True, False]


def test_a_failed_send_releases_the_claim_for_the_retry(appointment):
    with (
        mock.patch.object(
            tasks_booking, "send_appointment_email", side_effect=ConnectionError("smtp down")
        ),
        pytest.raises(Retry),
    ):
        tasks_booking.appointment_reminder_task.apply(
            args=(appointment.pk, "reminder_day_before"), throw=True
        ).get()
    appointment.refresh_from_db()
    assert appointment.reminder_day_before_sent_at is None
    assert tasks_booking.appointment_reminder_task.apply(
        args=(appointment.pk, "reminder_day_before")
    ).get()
    assert len(mail.outbox) == 1


def test_cancelled_meetings_get_no_reminder(appointment, entrepreneur):
    services.appointment_cancel(
        appointment=appointment, reason="Plus besoin", actor=entrepreneur, now=NOW
    )
    mail.outbox.clear()
    assert tasks_booking.due_reminders(now=local(2026, 5, 5, 8, 30)) == []
    assert not tasks_booking.reminder_claim(
        appointment_id=appointment.pk, kind="reminder_day_before"
    )


def test_a_moved_meeting_is_reminded_again_at_its_new_time(appointment, entrepreneur):
    tasks_booking.appointment_reminder_task.apply(args=(appointment.pk, "reminder_day_before"))
    services.appointment_reschedule(
        appointment=appointment, starts_at=local(2026, 5, 7, 10), actor=entrepreneur, now=NOW
    )
    due = tasks_booking.due_reminders(now=local(2026, 5, 6, 11))
    assert ("reminder_day_before", appointment.pk) in due
    assert timedelta(hours=24) == tasks_booking.REMINDERS["reminder_day_before"][1]


def test_the_reminder_job_is_scheduled():
    from django.conf import settings

    assert (
        settings.CELERY_BEAT_SCHEDULE["appointment-reminders"]["task"]
        == "hubs.tasks_booking.appointment_reminders_dispatch_task"
    )


def test_a_worker_that_died_after_claiming_does_not_lose_the_reminder(appointment):
    # The worker claimed the reminder, then was killed before sending anything.
    claimed_at = local(2026, 5, 4, 11)
    assert tasks_booking.reminder_claim(
        appointment_id=appointment.pk, kind="reminder_day_before", now=claimed_at
    )
    # While its lease runs, nobody else takes it: a slow worker may still be sending.
    assert tasks_booking.due_reminders(now=claimed_at + timedelta(minutes=5)) == []
    # Once the lease is over, the next dispatch takes it again, and it goes out once.
    later = claimed_at + tasks_booking.CLAIM_LEASE + timedelta(minutes=1)
    assert tasks_booking.due_reminders(now=later) == [("reminder_day_before", appointment.pk)]
    with mock.patch.object(timezone, "now", return_value=later):
        assert tasks_booking.appointment_reminder_task.apply(
            args=(appointment.pk, "reminder_day_before")
        ).get()
        assert not tasks_booking.appointment_reminder_task.apply(
            args=(appointment.pk, "reminder_day_before")
        ).get()
    assert len(mail.outbox) == 1
    later_still = later + tasks_booking.CLAIM_LEASE * 3
    assert tasks_booking.due_reminders(now=later_still) == []


def test_the_claim_lease_outlasts_the_task_time_limit():
    assert tasks_booking.CLAIM_LEASE.total_seconds() > tasks_booking.TASK_TIME_LIMIT
