"""Free slots: opening rules, exceptions, holidays and Morocco's Ramadan clock changes."""

from datetime import UTC, date, time, timedelta

from hubs.booking_selectors import advisor_free_slots, hub_free_slots
from hubs.models import AvailabilityException, PublicHoliday, Topic
from hubs.services.booking import appointment_book
from tests.hubs.factories_booking import CASABLANCA, local, open_hours

# tzdata: Morocco goes UTC+1 -> UTC+0 at 03:00 on Sunday 15 February 2026 (Ramadan) and back
# at 02:00 on Sunday 22 March 2026; in 2027 on 7 February and 14 March.
BEFORE_RAMADAN_2026 = local(2026, 2, 10, 8)


def _starts(slots, day):
    return [s.starts_at for s in slots if s.starts_at.astimezone(CASABLANCA).date() == day]


def test_slots_follow_the_weekly_rule_in_local_time(advisor_a, hub_a):
    open_hours(
        advisor_a,
        hub_a,
        weekdays=[3],
        start=time(9),
        end=time(12),
        slot_minutes=45,
        buffer_minutes=15,
    )
    slots = advisor_free_slots(advisor_id=advisor_a.pk, hub=hub_a, now=BEFORE_RAMADAN_2026)
    thursday = date(2026, 2, 12)
    assert [s.astimezone(CASABLANCA).time() for s in _starts(slots, thursday)] == [
        time(9),
        time(10),
        time(11),
    ]
    assert all(s.ends_at - s.starts_at == timedelta(minutes=45) for s in slots)


def test_a_nine_oclock_slot_is_eight_utc_before_ramadan_and_nine_utc_during(advisor_a, hub_a):
    open_hours(advisor_a, hub_a, weekdays=[5, 6, 0], start=time(9), end=time(10))
    slots = advisor_free_slots(advisor_id=advisor_a.pk, hub=hub_a, now=BEFORE_RAMADAN_2026)
    saturday_before, switch_sunday, monday_after = (
        date(2026, 2, 14),
        date(2026, 2, 15),
        date(2026, 2, 16),
    )
    assert _starts(slots, saturday_before)[0].astimezone(UTC).hour == 8
    # The clock went back at 03:00 that very Sunday: the 09:00 slot is already UTC+0.
    assert _starts(slots, switch_sunday)[0].astimezone(UTC).hour == 9
    assert _starts(slots, monday_after)[0].astimezone(UTC).hour == 9
    for day in (saturday_before, switch_sunday, monday_after):
        assert _starts(slots, day)[0].astimezone(CASABLANCA).time() == time(9)


def test_slots_on_the_day_the_clock_goes_forward_after_ramadan(advisor_a, hub_a):
    open_hours(
        advisor_a,
        hub_a,
        weekdays=[5, 6],
        start=time(1),
        end=time(4),
        slot_minutes=30,
        horizon_days=10,
    )
    slots = advisor_free_slots(advisor_id=advisor_a.pk, hub=hub_a, now=local(2026, 3, 20, 8))
    sunday = _starts(slots, date(2026, 3, 22))
    local_times = [s.astimezone(CASABLANCA).time() for s in sunday]
    # 02:00-03:00 does not exist that night: no slot is offered in the gap.
    assert time(2) not in local_times and time(2, 30) not in local_times
    assert time(1, 30) in local_times and time(3) in local_times
    assert {s.astimezone(CASABLANCA).utcoffset() for s in sunday} == {
        timedelta(0),
        timedelta(hours=1),
    }
    assert sunday == sorted(set(sunday))


def test_booking_on_the_2027_switch_day_keeps_the_wall_clock_time(advisor_a, hub_a, entrepreneur):
    open_hours(advisor_a, hub_a, weekdays=[6], start=time(10), end=time(11))
    starts_at = local(2027, 2, 7, 10)
    appointment = appointment_book(
        entrepreneur=entrepreneur,
        hub=hub_a,
        topic=Topic.TRADEMARK,
        starts_at=starts_at,
        mode="hub",
        description="Dépôt de marque",
        now=local(2027, 2, 1, 8),
    )
    appointment.refresh_from_db()
    assert appointment.starts_at.astimezone(UTC).hour == 10  # UTC+0 during Ramadan
    assert appointment.starts_at.astimezone(CASABLANCA).hour == 10


def test_public_holidays_and_leave_close_the_day(advisor_a, hub_a):
    open_hours(advisor_a, hub_a, weekdays=range(7))
    PublicHoliday.objects.create(date=date(2026, 2, 12), name="Test holiday")
    AvailabilityException.objects.create(advisor=advisor_a, kind="leave", date=date(2026, 2, 13))
    AvailabilityException.objects.create(
        advisor=advisor_a,
        hub=hub_a,
        kind="leave",
        date=date(2026, 2, 16),
        start_time=time(10),
        end_time=time(11),
    )
    slots = advisor_free_slots(advisor_id=advisor_a.pk, hub=hub_a, now=BEFORE_RAMADAN_2026)
    assert _starts(slots, date(2026, 2, 12)) == []
    assert _starts(slots, date(2026, 2, 13)) == []
    assert [s.astimezone(CASABLANCA).hour for s in _starts(slots, date(2026, 2, 16))] == [9, 11]


def test_extra_hours_open_a_day_without_a_rule(advisor_a, hub_a):
    open_hours(advisor_a, hub_a, weekdays=[0])
    AvailabilityException.objects.create(
        advisor=advisor_a,
        hub=hub_a,
        kind="extra",
        date=date(2026, 2, 14),
        start_time=time(15),
        end_time=time(16),
        slot_minutes=30,
    )
    slots = advisor_free_slots(advisor_id=advisor_a.pk, hub=hub_a, now=BEFORE_RAMADAN_2026)
    assert [s.astimezone(CASABLANCA).time() for s in _starts(slots, date(2026, 2, 14))] == [
        time(15),
        time(15, 30),
    ]


def test_minimum_notice_and_horizon_bound_the_slots(advisor_a, hub_a):
    open_hours(advisor_a, hub_a, weekdays=range(7), min_notice_hours=24, horizon_days=7)
    now = local(2026, 5, 4, 10)
    slots = advisor_free_slots(advisor_id=advisor_a.pk, hub=hub_a, now=now)
    assert min(s.starts_at for s in slots) >= now + timedelta(hours=24)
    assert max(s.starts_at for s in slots).astimezone(CASABLANCA).date() <= date(2026, 5, 11)


def test_booked_slot_and_its_buffer_disappear(advisor_a, hub_a, entrepreneur):
    open_hours(
        advisor_a,
        hub_a,
        weekdays=[1],
        start=time(9),
        end=time(12),
        slot_minutes=45,
        buffer_minutes=15,
    )
    now = local(2026, 5, 1, 8)
    appointment_book(
        entrepreneur=entrepreneur,
        hub=hub_a,
        topic=Topic.OTHER,
        starts_at=local(2026, 5, 5, 10),
        mode="phone",
        description="x",
        now=now,
    )
    slots = advisor_free_slots(advisor_id=advisor_a.pk, hub=hub_a, now=now)
    assert [s.astimezone(CASABLANCA).hour for s in _starts(slots, date(2026, 5, 5))] == [9, 11]


def test_a_full_day_offers_nothing_more(advisor_a, hub_a, entrepreneur):
    open_hours(advisor_a, hub_a, weekdays=[1], start=time(9), end=time(13), daily_cap=2)
    now = local(2026, 5, 1, 8)
    for hour in (9, 10):
        appointment_book(
            entrepreneur=entrepreneur,
            hub=hub_a,
            topic=Topic.OTHER,
            starts_at=local(2026, 5, 5, hour),
            mode="hub",
            description="x",
            now=now,
        )
    slots = advisor_free_slots(advisor_id=advisor_a.pk, hub=hub_a, now=now)
    assert _starts(slots, date(2026, 5, 5)) == []


def test_only_advisors_covering_the_topic_offer_slots(advisor_a, hub_a):
    open_hours(advisor_a, hub_a, weekdays=[1], topics=[Topic.TRADEMARK])
    now = local(2026, 5, 1, 8)
    assert hub_free_slots(hub=hub_a, topic=Topic.TRADEMARK, now=now)
    assert hub_free_slots(hub=hub_a, topic=Topic.COMPANY_CREATION, now=now) == []
