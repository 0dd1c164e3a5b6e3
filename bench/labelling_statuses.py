"""How long the public label status of N hubs takes, and how many queries.

usage: .venv/bin/python bench/labelling_statuses.py [N]
Creates N hubs with labels inside a transaction that is rolled back: the database is untouched.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

import datetime  # noqa: E402

from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from hubs.labelling_selectors import public_register  # noqa: E402
from hubs.models import Chamber, Hub  # noqa: E402
from hubs.models.labelling import Label  # noqa: E402
from hubs.selectors import hub_label_statuses  # noqa: E402


class Rollback(Exception):
    pass


def main(count: int) -> None:
    try:
        with transaction.atomic():
            chamber = Chamber.objects.first()
            if chamber is None:
                raise SystemExit("Run `manage.py load_demo` first: it needs a chamber.")
            hubs = Hub.objects.bulk_create(
                Hub(name=f"Bench {i}", slug=f"bench-{i}", chamber=chamber, city="X")
                for i in range(count)
            )
            start = timezone.localdate() - datetime.timedelta(days=100)
            statuses = ["active", "suspended", "withdrawn", "expired"]
            Label.objects.bulk_create(
                Label(
                    hub=hub,
                    number=f"BENCH-{i:06d}",
                    phase="deployment",
                    maturity=1,
                    valid_from=start,
                    valid_until=start + datetime.timedelta(days=1000),
                    status=statuses[i % 4],
                    suspension_deadline=start + datetime.timedelta(days=200),
                    verification_code=f"BNCH-{i:04d}-{i % 9999:04d}"[:14],
                )
                for i, hub in enumerate(hubs)
            )
            ids = [hub.pk for hub in hubs]
            hub_label_statuses(hub_ids=ids)  # warm up imports, translations, the page cache
            with CaptureQueriesContext(connection) as queries:
                began = time.perf_counter()
                hub_label_statuses(hub_ids=ids)
                elapsed = time.perf_counter() - began
            print(f"hub_label_statuses({count} hubs): {elapsed * 1000:.1f} ms,", end=" ")
            print(f"{len(queries)} queries")
            with CaptureQueriesContext(connection) as queries:
                began = time.perf_counter()
                rows = public_register()
                elapsed = time.perf_counter() - began
            print(f"public_register ({len(rows)} rows): {elapsed * 1000:.1f} ms,", end=" ")
            print(f"{len(queries)} queries")
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
