"""Booking, moving, cancelling and closing meetings: rules, history, emails and calendar files."""

from datetime import time, timedelta

import icalendar
import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from accounts.roles import Role
from hubs.models import Appointment, AvailabilityRule, BookingPolicy, Topic
from hubs.services import booking as services
from hubs.signals import hub_public_data_changed
from tests.accounts.factories import UserFactory
from tests.hubs.factories import MembershipFactory
from tests.hubs.factories_booking import local, open_hours

NOW = local(2026, 5, 1, 8)  # a Friday
TUESDAY_10 = local(2026, 5, 5, 10)


def _book(entrepreneur, hub, starts_at=TUESDAY_10, **kwargs):
    values = {"topic": Topic.TRADEMARK, "mode": "hub", "description": "Protéger ma marque"}
    values.update(kwargs)
    return services.appointment_book(
        entrepreneur=entrepreneur, hub=hub, starts_at=starts_at, now=NOW, **values
    )


@pytest.fixture
def open_a(advisor_a, hub_a):
    open_hours(advisor_a, hub_a, weekdays=range(5), start=time(9), end=time(13))


def _ics(message):
    (attachment,) = [a for a in message.attachments if a[0].endswith(".ics")]
    return icalendar.Calendar.from_ical(attachment[1])


def test_booking_records_history_and_emails_an_ics_to_both(
    open_a, entrepreneur, advisor_a, hub_a, django_capture_on_commit_callbacks
):
    entrepreneur.preferred_language = "ar"
    entrepreneur.save()
    with django_capture_on_commit_callbacks(execute=True):
        appointment = _book(entrepreneur, hub_a)
    assert appointment.advisor == advisor_a and appointment.status == "booked"
    assert appointment.ends_at - appointment.starts_at == timedelta(hours=1)
    assert list(appointment.history.values_list("from_status", "to_status")) == [("", "booked")]
    assert sorted(m.to[0] for m in mail.outbox) == [advisor_a.email, entrepreneur.email]
    to_entrepreneur = next(m for m in mail.outbox if m.to == [entrepreneur.email])
    assert "موعد" in to_entrepreneur.subject  # in the entrepreneur's language
    assert "/hubs/meeting/" in to_entrepreneur.body
    calendar = _ics(to_entrepreneur)
    assert calendar["method"] == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert str(event["uid"]) == appointment.ics_uid
    assert event.decoded("dtstart") == appointment.starts_at
    assert str(event["organizer"]) == f"mailto:{advisor_a.email}"
    assert str(event["attendee"]) == f"mailto:{entrepreneur.email}"
    assert hub_a.name in str(event["location"])


def test_the_same_slot_cannot_be_booked_twice_and_other_slots_are_offered(
    open_a, entrepreneur, other_entrepreneur, hub_a
):
    _book(entrepreneur, hub_a)
    with pytest.raises(services.SlotTaken) as taken:
        _book(other_entrepreneur, hub_a)
    assert taken.value.message == "Ce créneau vient d'être pris. Veuillez en choisir un autre."
    alternatives = taken.value.extra["alternatives"]
    assert alternatives and TUESDAY_10 not in [s.starts_at for s in alternatives]
    assert Appointment.objects.count() == 1


def test_a_slot_outside_the_opening_hours_is_refused(open_a, entrepreneur, hub_a):
    with pytest.raises(services.SlotTaken):
        _book(entrepreneur, hub_a, starts_at=local(2026, 5, 5, 18))


@pytest.mark.parametrize(
    ("field", "value"),
    [("description", "   "), ("description", "x" * 1001), ("topic", "astrology"), ("mode", "fax")],
)
def test_bad_booking_input_is_refused_with_a_message(open_a, entrepreneur, hub_a, field, value):
    with pytest.raises(services.BookingRefused) as refused:
        _book(entrepreneur, hub_a, **{field: value})
    assert refused.value.message


def test_any_advisor_goes_to_the_one_with_fewest_meetings(
    open_a, advisor_a, hub_a, entrepreneur, other_entrepreneur
):
    second = UserFactory(email="second.advisor@example.org")
    MembershipFactory(user=second, hub=hub_a, role=Role.ADVISOR)
    open_hours(second, hub_a, weekdays=range(5), start=time(9), end=time(13))
    first = _book(entrepreneur, hub_a, starts_at=local(2026, 5, 4, 9))
    other = _book(other_entrepreneur, hub_a, starts_at=local(2026, 5, 4, 9))
    assert {first.advisor, other.advisor} == {advisor_a, second}
    # Whoever has fewer meetings this month gets the next one.
    third = _book(entrepreneur, hub_a, starts_at=local(2026, 5, 6, 11))
    counts = {a: Appointment.objects.filter(advisor=a).count() for a in (advisor_a, second)}
    assert counts == {advisor_a: 2, second: 1} or counts == {advisor_a: 1, second: 2}
    fourth = _book(other_entrepreneur, hub_a, starts_at=local(2026, 5, 7, 11))
    assert fourth.advisor != third.advisor


def test_any_advisor_skips_one_whose_day_is_full(open_a, advisor_a, hub_a, entrepreneur):
    second = UserFactory(email="second.advisor@example.org")
    MembershipFactory(user=second, hub=hub_a, role=Role.ADVISOR)
    open_hours(second, hub_a, weekdays=range(5), start=time(9), end=time(13), daily_cap=1)
    _book(entrepreneur, hub_a, starts_at=local(2026, 5, 4, 9), advisor_id=second.pk)
    for hour in (10, 11):
        assert _book(entrepreneur, hub_a, starts_at=local(2026, 5, 4, hour)).advisor == advisor_a


def test_reschedule_keeps_the_uid_and_bumps_the_sequence(
    open_a, entrepreneur, hub_a, django_capture_on_commit_callbacks
):
    appointment = _book(entrepreneur, hub_a)
    uid = appointment.ics_uid
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moved = services.appointment_reschedule(
            appointment=appointment, starts_at=local(2026, 5, 6, 11), actor=entrepreneur, now=NOW
        )
    assert moved.starts_at == local(2026, 5, 6, 11)
    assert moved.ics_uid == uid and moved.ics_sequence == 1
    row = moved.history.last()
    assert (row.from_starts_at, row.to_starts_at) == (TUESDAY_10, local(2026, 5, 6, 11))
    (event,) = _ics(mail.outbox[0]).walk("VEVENT")
    assert str(event["uid"]) == uid and int(event["sequence"]) == 1
    # The old slot is free again.
    assert _book(entrepreneur, hub_a).starts_at == TUESDAY_10


def test_reschedule_to_a_taken_slot_answers_just_taken(
    open_a, entrepreneur, other_entrepreneur, hub_a
):
    mine = _book(entrepreneur, hub_a)
    _book(other_entrepreneur, hub_a, starts_at=local(2026, 5, 6, 11))
    with pytest.raises(services.SlotTaken):
        services.appointment_reschedule(
            appointment=mine, starts_at=local(2026, 5, 6, 11), actor=entrepreneur, now=NOW
        )
    mine.refresh_from_db()
    assert mine.starts_at == TUESDAY_10 and mine.ics_sequence == 0


def test_cancel_needs_a_reason_and_sends_a_cancel_ics(
    open_a, entrepreneur, hub_a, django_capture_on_commit_callbacks
):
    appointment = _book(entrepreneur, hub_a)
    with pytest.raises(services.BookingRefused):
        services.appointment_cancel(
            appointment=appointment, reason="  ", actor=entrepreneur, now=NOW
        )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.appointment_cancel(
            appointment=appointment, reason="Empêchement", actor=entrepreneur, now=NOW
        )
    appointment.refresh_from_db()
    assert appointment.status == "cancelled" and appointment.cancel_reason == "Empêchement"
    calendar = _ics(mail.outbox[0])
    assert calendar["method"] == "CANCEL"
    (event,) = calendar.walk("VEVENT")
    assert str(event["status"]) == "CANCELLED" and int(event["sequence"]) == 1
    assert appointment.history.last().note == "Empêchement"
    # A cancelled meeting frees the slot.
    assert _book(entrepreneur, hub_a).starts_at == TUESDAY_10


def test_the_entrepreneur_cannot_change_after_the_cutoff(open_a, entrepreneur, hub_a, advisor_a):
    BookingPolicy.objects.update_or_create(pk=1, defaults={"change_cutoff_hours": 48})
    appointment = _book(entrepreneur, hub_a)
    late = TUESDAY_10 - timedelta(hours=47)
    with pytest.raises(services.BookingRefused):
        services.appointment_cancel(
            appointment=appointment, reason="r", actor=entrepreneur, now=late
        )
    with pytest.raises(services.BookingRefused):
        services.appointment_reschedule(
            appointment=appointment, starts_at=local(2026, 5, 6, 11), actor=entrepreneur, now=late
        )
    # The advisor still may.
    services.appointment_cancel(appointment=appointment, reason="Malade", actor=advisor_a, now=late)


@pytest.mark.parametrize(
    ("start", "target", "allowed"),
    [
        ("booked", "held", True),
        ("booked", "no_show", True),
        ("held", "no_show", False),
        ("no_show", "held", False),
        ("cancelled", "held", False),
    ],
)
def test_closing_a_meeting_follows_the_transitions(
    open_a, entrepreneur, hub_a, advisor_a, start, target, allowed
):
    appointment = _book(entrepreneur, hub_a)
    Appointment.objects.filter(pk=appointment.pk).update(status=start)
    after = TUESDAY_10 + timedelta(minutes=5)
    if allowed:
        services.appointment_close(
            appointment=appointment, outcome=target, actor=advisor_a, now=after
        )
        appointment.refresh_from_db()
        assert appointment.status == target
        assert appointment.history.last().actor == advisor_a
    else:
        with pytest.raises(services.BookingRefused):
            services.appointment_close(
                appointment=appointment, outcome=target, actor=advisor_a, now=after
            )


def test_a_meeting_cannot_be_marked_no_show_before_it_starts(
    open_a, entrepreneur, hub_a, advisor_a
):
    appointment = _book(entrepreneur, hub_a)
    with pytest.raises(services.BookingRefused):
        services.appointment_close(
            appointment=appointment, outcome="no_show", actor=advisor_a, now=NOW
        )


def test_availability_changes_tell_the_public_site_on_commit(
    advisor_a, hub_a, django_capture_on_commit_callbacks
):
    received = []

    def listener(sender, hub_ids, **kwargs):
        received.append(hub_ids)

    hub_public_data_changed.connect(listener)
    try:
        rule = AvailabilityRule(
            advisor=advisor_a, hub=hub_a, weekday=0, start_time=time(9), end_time=time(12)
        )
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.availability_rule_save(rule=rule, actor=advisor_a)
        assert received == []  # nothing before the commit
        for callback in callbacks:
            callback()
        assert received == [[hub_a.pk]]
        with django_capture_on_commit_callbacks(execute=True):
            services.advisor_booking_profile_save(
                advisor=advisor_a, topics=[Topic.OTHER], daily_cap=3, actor=advisor_a
            )
        assert received[-1] == [hub_a.pk]
    finally:
        hub_public_data_changed.disconnect(listener)


def test_the_database_itself_refuses_overlapping_booked_meetings(
    open_a, entrepreneur, other_entrepreneur, hub_a, advisor_a
):
    first = _book(entrepreneur, hub_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Appointment.objects.create(
            advisor=advisor_a,
            hub=hub_a,
            entrepreneur=other_entrepreneur,
            starts_at=first.starts_at + timedelta(minutes=30),
            ends_at=first.ends_at + timedelta(minutes=30),
            topic="other",
            description="around the services",
        )
    # Cancelled meetings do not count.
    Appointment.objects.create(
        advisor=advisor_a,
        hub=hub_a,
        entrepreneur=other_entrepreneur,
        starts_at=first.starts_at,
        ends_at=first.ends_at,
        topic="other",
        description="cancelled one",
        status="cancelled",
    )
