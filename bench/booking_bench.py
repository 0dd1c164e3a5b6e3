"""How many bookings per second the platform takes, and how a rush on one slot ends.

Run against PostgreSQL (your own database), e.g.:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/carres_i7 \
        .venv/bin/python bench/booking_bench.py --bookings 400 --workers 4 --rush 200

It creates its own hub, advisors and entrepreneurs (marked "bench-"), books through the real
service (`appointment_book`: slot computation, advisor-row lock, exclusion constraint,
history row), then deletes what it made. Confirmation emails are queued on commit in real life;
here the queueing is counted but not sent, so the figure is the database side of a booking.
"""

import argparse
import os
import sys
import threading
import time as clock
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, time, timedelta
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.db import connections  # noqa: E402

from accounts.models import User  # noqa: E402
from accounts.roles import Role  # noqa: E402
from core.regions import RegionCode  # noqa: E402
from hubs.models import (  # noqa: E402
    AdvisorBookingProfile,
    Appointment,
    AvailabilityRule,
    Chamber,
    Hub,
    Membership,
    Region,
    Topic,
)
from hubs.services import booking as services  # noqa: E402

TZ = ZoneInfo("Africa/Casablanca")
NOW = datetime(2026, 6, 1, 7, 0, tzinfo=TZ)  # a Monday: the bench's "today"


def setup(tag: str, advisors: int, entrepreneurs: int):
    region, _ = Region.objects.get_or_create(
        code=RegionCode.CASABLANCA_SETTAT, defaults={"seat": "Casablanca"}
    )
    chamber = Chamber.objects.filter(region=region, parent=None).first() or Chamber.objects.create(
        region=region, name="CCIS bench", city="Casablanca"
    )
    hub = Hub.objects.create(slug=f"bench-{tag}", name=f"bench {tag}", chamber=chamber, city="X")
    advisor_users = []
    for i in range(advisors):
        user = User.objects.create_user(f"bench-{tag}-adv{i}@example.org", first_name="Bench")
        Membership.objects.create(user=user, hub=hub, role=Role.ADVISOR)
        AdvisorBookingProfile.objects.create(advisor=user, topics=list(Topic.values), daily_cap=40)
        for weekday in range(7):
            AvailabilityRule.objects.create(
                advisor=user,
                hub=hub,
                weekday=weekday,
                start_time=time(8),
                end_time=time(20),
                slot_minutes=30,
                buffer_minutes=0,
                horizon_days=60,
                min_notice_hours=1,
                modes=["hub"],
            )
        advisor_users.append(user)
    people = [
        User.objects.create_user(f"bench-{tag}-e{i}@example.org") for i in range(entrepreneurs)
    ]
    return hub, advisor_users, people


def teardown(tag: str):
    Appointment.objects.filter(hub__slug=f"bench-{tag}").delete()
    Hub.objects.filter(slug=f"bench-{tag}").delete()
    User.objects.filter(email__startswith=f"bench-{tag}-").delete()


def book(hub, entrepreneur, starts_at, advisor_id):
    try:
        services.appointment_book(
            entrepreneur=entrepreneur,
            hub=hub,
            topic=Topic.OTHER,
            starts_at=starts_at,
            mode="hub",
            description="bench",
            advisor_id=advisor_id,
            now=NOW,
        )
        return "booked"
    except services.SlotTaken:
        return "taken"
    except Exception as exc:  # noqa: BLE001 - counted and printed, that is the point
        return f"error {type(exc).__name__}: {exc}"
    finally:
        connections.close_all()


def throughput(hub, advisors, people, total: int, workers: int):
    # Distinct slots spread over the advisors: every attempt should succeed.
    jobs = []
    for n in range(total):
        advisor = advisors[n % len(advisors)]
        k = n // len(advisors)
        day, index = divmod(k, 24)
        start = datetime.combine(NOW.date() + timedelta(days=1 + day), time(8), tzinfo=TZ)
        jobs.append((people[n % len(people)], start + timedelta(minutes=30 * index), advisor.pk))
    began = clock.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = Counter(pool.map(lambda job: book(hub, *job), jobs))
    elapsed = clock.perf_counter() - began
    return results, elapsed


def rush(hub, advisor, people, attempts: int, workers: int):
    starts_at = datetime.combine(NOW.date() + timedelta(days=40), time(10), tzinfo=TZ)
    gate = threading.Event()

    def attempt(person):
        gate.wait()
        return book(hub, person, starts_at, advisor.pk)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(attempt, people[i % len(people)]) for i in range(attempts)]
        began = clock.perf_counter()
        gate.set()
        results = Counter(f.result() for f in futures)
    return results, clock.perf_counter() - began


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bookings", type=int, default=400)
    parser.add_argument("--advisors", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4, help="concurrent bookers (threads)")
    parser.add_argument("--rush", type=int, default=200, help="attempts at one slot")
    parser.add_argument("--rush-workers", type=int, default=50, help="DB connections in the rush")
    args = parser.parse_args()

    tag = uuid.uuid4().hex[:8]
    queued = Counter()
    with mock.patch.object(services, "_queue_notice", lambda pk, kind: queued.update([kind])):
        hub, advisors, people = setup(tag, args.advisors, 50)
        try:
            results, elapsed = throughput(hub, advisors, people, args.bookings, args.workers)
            print(
                f"throughput: {results['booked']} bookings in {elapsed:.2f} s with "
                f"{args.workers} concurrent bookers -> {results['booked'] / elapsed:.1f} "
                f"bookings/s (other outcomes: {dict(results - Counter(booked=results['booked']))})"
            )
            outcomes, rush_elapsed = rush(hub, advisors[0], people, args.rush, args.rush_workers)
            booked_in_db = Appointment.objects.filter(
                advisor=advisors[0], status="booked", starts_at__gte=NOW + timedelta(days=39)
            ).count()
            errors = sum(n for k, n in outcomes.items() if k.startswith("error"))
            print(
                f"rush: {args.rush} simultaneous attempts at one slot "
                f"({args.rush_workers} DB connections) in {rush_elapsed:.2f} s -> "
                f"success {outcomes['booked']}, taken {outcomes['taken']}, errors {errors}; "
                f"booked rows for that slot in the database: {booked_in_db}"
            )
            for key, n in outcomes.items():
                if key.startswith("error"):
                    print(f"  {n} x {key}")
            print(f"confirmation emails that would be queued: {sum(queued.values())}")
        finally:
            teardown(tag)


if __name__ == "__main__":
    main()
