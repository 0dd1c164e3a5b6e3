"""Many people click the same slot at the same moment: exactly one gets it, nobody sees an error."""

import threading
from datetime import time
from unittest import mock

import pytest
from django.db import connections

from hubs.models import Appointment, Topic
from hubs.services import booking as services
from tests.accounts.factories import UserFactory
from tests.hubs.factories_booking import local, open_hours

pytestmark = pytest.mark.django_db(transaction=True)

ATTEMPTS = 16
NOW = local(2026, 5, 1, 8)
SLOT = local(2026, 5, 5, 10)


def _race(hub, entrepreneurs, **booking):
    barrier = threading.Barrier(len(entrepreneurs))
    outcomes, lock = [], threading.Lock()

    def attempt(entrepreneur):
        try:
            barrier.wait()
            services.appointment_book(
                entrepreneur=entrepreneur,
                hub=hub,
                topic=Topic.TRADEMARK,
                starts_at=SLOT,
                mode="hub",
                description="Course",
                now=NOW,
                **booking,
            )
            result = "booked"
        except services.SlotTaken as exc:
            result = "taken" if exc.extra["alternatives"] else "taken-without-alternatives"
        except Exception as exc:  # noqa: BLE001 - any other outcome is the failure we look for
            result = f"error: {exc!r}"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=attempt, args=(e,)) for e in entrepreneurs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(outcomes)


@pytest.fixture
def race_setup(advisor_a, hub_a):
    open_hours(advisor_a, hub_a, weekdays=range(5), start=time(9), end=time(13))
    return hub_a, [UserFactory() for _ in range(ATTEMPTS)]


def test_many_attempts_at_one_slot_give_one_booking_and_clear_answers(race_setup, advisor_a):
    hub, entrepreneurs = race_setup
    outcomes = _race(hub, entrepreneurs, advisor_id=advisor_a.pk)
    assert outcomes == ["booked"] + ["taken"] * (ATTEMPTS - 1)
    assert Appointment.objects.filter(starts_at=SLOT, status="booked").count() == 1


def test_the_exclusion_constraint_alone_holds_when_nothing_locks(race_setup, advisor_a):
    """Without the advisor-row lock the Python checks race; the database still says no."""
    hub, entrepreneurs = race_setup
    with mock.patch.object(services, "_lock_advisor", lambda advisor_id: None):
        outcomes = _race(hub, entrepreneurs, advisor_id=advisor_a.pk)
    assert outcomes == ["booked"] + ["taken"] * (ATTEMPTS - 1)
    assert Appointment.objects.filter(advisor=advisor_a, status="booked").count() == 1
