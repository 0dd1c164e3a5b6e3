"""How long the national figures dashboard takes with 100,000 cases.

Run against a PostgreSQL database of its own (created if missing, filled once, kept with
--reuse):

    .venv/bin/python bench/dashboard_bench.py \
        --database-url postgres://postgres@127.0.0.1:5432/carres_bench [--reuse]

It generates regions, 48 hubs, entrepreneurs, --cases cases over the last two years (half
company requests, half trademark pre-filings) with their history as the services write it,
appointments and event registrations, all with bulk_create. Then it builds the national
dashboard for the last twelve months (the default filter) --runs times and prints the median,
the time of each provider, and the whole page rendered by the view.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time as clock
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/carres_bench"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--reuse", action="store_true", help="keep the data already generated")
    return parser.parse_args()


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def generate(cases: int) -> None:
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import User
    from accounts.roles import OFFICE_STAFF_GROUP, Role
    from cms.models import EventRegistration
    from core.regions import RegionCode
    from filings.models import (
        Case,
        CaseEvent,
        CompanyRequest,
        FilingMilestones,
        TrademarkPreFiling,
    )
    from hubs.models import Appointment, Chamber, Hub, Membership, Region

    rng = random.Random(2026)  # noqa: S311 - reproducible test data, not secrets
    now = timezone.now()
    start = now - datetime.timedelta(days=730)
    with transaction.atomic():
        hubs, advisors = [], []
        for code in RegionCode.values:
            region, _ = Region.objects.get_or_create(code=code, defaults={"seat": code})
            chamber = Chamber.objects.filter(region=region, parent=None).first()
            chamber = chamber or Chamber.objects.create(
                region=region, name=f"CCIS {code}", city=code
            )
            for i in range(4):
                hubs.append(
                    Hub.objects.create(
                        slug=f"bench-{code.lower()}-{i}", name=f"Carré {code} {i}",
                        chamber=chamber, city=code,
                    )
                )  # fmt: skip
        for hub in hubs:
            advisor = User.objects.create(email=f"bench-adv-{hub.slug}@example.org")
            Membership.objects.create(user=advisor, hub=hub, role=Role.ADVISOR)
            advisors.append(advisor)
        staff = User.objects.create(email="bench-staff@example.org")
        staff.groups.add(Group.objects.get_or_create(name=OFFICE_STAFF_GROUP)[0])
        people = User.objects.bulk_create(
            [User(email=f"bench-e{i}@example.org", password="!") for i in range(5000)],  # noqa: S106
            batch_size=5000,
        )

        case_rows, moments = [], []
        for i in range(cases):
            opened = start + datetime.timedelta(seconds=rng.uniform(0, 730 * 86400))
            hub_index = rng.randrange(len(hubs))
            case_rows.append(
                Case(
                    kind="CO" if i % 2 == 0 else "TM", year=opened.year, sequence=i + 1,
                    owner=people[rng.randrange(len(people))], hub=hubs[hub_index],
                    advisor=advisors[hub_index], title=f"Projet {i}", created_at=opened,
                )
            )  # fmt: skip
            moments.append(opened)
        created = Case.objects.bulk_create(case_rows, batch_size=10_000)
        print(f"  {len(created)} cases", flush=True)

        events, companies, prefilings, firsts = [], [], [], {"CO": [], "TM": []}

        def add(case, at, subject, from_status, to_status, reached=None):
            # As case_event_record writes them: the case's hub on the event, and the first
            # time each status is reached kept for the item's FilingMilestones row.
            if at < now:
                events.append(
                    CaseEvent(case=case, hub_id=case.hub_id, at=at, kind="transition",
                              subject=subject, from_status=from_status, to_status=to_status)
                )  # fmt: skip
                if reached is not None:
                    reached.setdefault(to_status, at)
                return True
            return False

        for case, opened in zip(created, moments, strict=True):
            events.append(
                CaseEvent(case=case, hub_id=case.hub_id, at=opened, kind="opened", subject="case")
            )
            reached = {}
            firsts[case.kind].append((case, reached))
            at = opened + datetime.timedelta(hours=rng.uniform(1, 240))
            if case.kind == "CO":
                subject, status = "company_request", "draft"
                add(case, opened, subject, "", "draft")
                path = ["submitted", "certificate_requested"]
                path += ["certificate_obtained", "statutes", "registrations", "company_created"]
                if rng.random() < 0.2:
                    path = ["submitted", "certificate_requested", "certificate_refused"]
                for to_status in path[: rng.randint(0, len(path))]:
                    if not add(case, at, subject, status, to_status, reached):
                        break
                    status = to_status
                    at += datetime.timedelta(hours=rng.expovariate(1 / 72))
                companies.append(CompanyRequest(case=case, status=status, status_changed_at=at))
            else:
                subject, status = "trademark_prefiling", "draft"
                add(case, opened, subject, "", "draft")
                path = ["submitted", rng.choice(["approved", "changes_requested"])]
                for to_status in path[: rng.randint(0, len(path))]:
                    if not add(case, at, subject, status, to_status, reached):
                        break
                    status = to_status
                    at += datetime.timedelta(hours=rng.expovariate(1 / 48))
                risk = rng.choices(["none", "low", "medium", "high"], [5, 3, 2, 1])[0]
                classes = sorted(rng.sample(range(1, 46), rng.randint(1, 3)))
                prefilings.append(
                    TrademarkPreFiling(case=case, status=status, mark_text=f"MARK{case.sequence}",
                                       classes=classes, similarity_report={"highest_risk": risk})
                )  # fmt: skip
        CaseEvent.objects.bulk_create(events, batch_size=20_000)
        CompanyRequest.objects.bulk_create(companies, batch_size=10_000)
        TrademarkPreFiling.objects.bulk_create(prefilings, batch_size=10_000)
        milestones = []
        for subject, kind, items in [
            ("company_request", "CO", companies), ("trademark_prefiling", "TM", prefilings)
        ]:  # fmt: skip
            for item, (case, reached) in zip(items, firsts[kind], strict=True):
                if "submitted" not in reached:
                    continue
                row = FilingMilestones(
                    subject=subject, item_id=item.pk, case=case, hub_id=case.hub_id,
                    submitted_at=reached["submitted"],
                )  # fmt: skip
                for status, at in reached.items():
                    for column in FilingMilestones.columns_for(subject, status):
                        setattr(row, column, getattr(row, column) or at)
                milestones.append(row)
        FilingMilestones.objects.bulk_create(milestones, batch_size=10_000)
        print(f"  {len(events)} case events, {len(milestones)} milestone rows", flush=True)

        appointments = []
        statuses = ["held"] * 6 + ["cancelled"] * 2 + ["no_show"]
        for i in range(cases):
            hub_index = rng.randrange(len(hubs))
            starts = start + datetime.timedelta(minutes=30 * i)  # never two at once per advisor
            appointments.append(
                Appointment(
                    ics_uid=f"bench-{i}@bench", advisor=advisors[hub_index], hub=hubs[hub_index],
                    entrepreneur=people[rng.randrange(len(people))], starts_at=starts,
                    ends_at=starts + datetime.timedelta(minutes=30), topic="other",
                    description="bench", status=rng.choice(statuses),
                )
            )  # fmt: skip
        Appointment.objects.bulk_create(appointments, batch_size=10_000)
        keys = [uuid.uuid4() for _ in range(200)]
        EventRegistration.objects.bulk_create(
            [
                EventRegistration(event_key=keys[i % 200], user=people[i // 200 % len(people)],
                                  status="confirmed")
                for i in range(20_000)
            ],
            batch_size=10_000,
        )  # fmt: skip
        print(f"  {len(appointments)} appointments, 20000 registrations", flush=True)


def timed(function, runs: int) -> tuple[float, object]:
    durations, result = [], None
    for _ in range(runs):
        began = clock.perf_counter()
        result = function()
        durations.append((clock.perf_counter() - began) * 1000)
    return statistics.median(durations), result


def _cpu_ms(pid: int) -> float:
    """User + system CPU of a local process, from /proc (the database runs on this machine)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def measure(runs: int) -> None:
    from django.db import connection
    from django.test import RequestFactory

    from accounts.models import User
    from hubs import network_figures
    from hubs.figures_selectors import dashboard_build, figures_target_for_user
    from hubs.forms_figures import default_period
    from hubs.views import figures as views

    # Fresh statistics and visibility map, as autovacuum would leave them on a live database.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    staff = User.objects.get(email="bench-staff@example.org")
    start, end = default_period()
    scope = network_figures.FigureScope(
        hub_ids=None, start=start, end=end + datetime.timedelta(days=1)
    )
    target = figures_target_for_user(user=staff)
    print(f"PostgreSQL {connection.pg_version}, period {start} .. {end}, median of {runs} runs")
    timed(lambda: dashboard_build(target=target, start=start, end=end), 1)  # warm the cache
    total, _ = timed(lambda: dashboard_build(target=target, start=start, end=end), runs)
    print(f"national dashboard figures: {total:.0f} ms")
    # The machine may be shared: CPU time spent by this process and its PostgreSQL backend
    # (parallel workers off, so that the backend does all the database work) is what the
    # dashboard would take on an idle machine.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
        cursor.execute("SET max_parallel_workers_per_gather = 0")
    cpu = []
    for _ in range(runs):
        before = _cpu_ms(backend), clock.process_time()
        dashboard_build(target=target, start=start, end=end)
        cpu.append(_cpu_ms(backend) - before[0] + (clock.process_time() - before[1]) * 1000)
    print(f"  CPU time (Django + PostgreSQL backend, no parallel workers): "
          f"{statistics.median(cpu):.0f} ms")  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("RESET max_parallel_workers_per_gather")
    for provider in network_figures.network_figures_providers():
        ms, _ = timed(lambda p=provider: p(scope), runs)
        print(f"  {provider.__module__}.{provider.__name__}: {ms:.0f} ms")
    from filings import figures as filings_figures

    for name, function in [
        ("counts", lambda: filings_figures._counts(scope)),
        ("high risk", lambda: filings_figures._high_risk(scope)),
        ("company delays", lambda: filings_figures._delays(
            scope, "company_request", filings_figures.COMPANY_MILESTONES, "")),
        ("trademark delays", lambda: filings_figures._delays(
            scope, "trademark_prefiling", filings_figures.TRADEMARK_MILESTONES, "")),
        ("per Nice class", lambda: filings_figures._per_class(scope)),
    ]:  # fmt: skip
        ms, _ = timed(function, runs)
        print(f"    filings {name}: {ms:.0f} ms")

    request = RequestFactory().get("/fr/hubs/figures/")
    request.user = staff
    request.session = {}
    ms, response = timed(lambda: views.national(request), runs)
    print(f"whole page (view and template): {ms:.0f} ms, {len(response.content)} bytes")


def main():
    args = parse_args()
    ensure_database(args.database_url)
    setup_django(args.database_url)
    from django.core.management import call_command

    from filings.models import Case

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if not (args.reuse and Case.objects.exists()):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE filings_caseevent, filings_filingmilestones, filings_companyrequest, "
                "filings_trademarkprefiling, filings_case, hubs_appointment, "
                "cms_eventregistration CASCADE"
            )
        from accounts.models import User
        from hubs.models import Hub

        Hub.objects.filter(slug__startswith="bench-").delete()
        User.objects.filter(email__startswith="bench-").delete()
        began = clock.perf_counter()
        print(f"generating {args.cases} cases…", flush=True)
        generate(args.cases)
        print(f"  generated in {clock.perf_counter() - began:.0f} s", flush=True)
    measure(args.runs)


if __name__ == "__main__":
    main()
