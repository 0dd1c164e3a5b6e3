"""Load profile: visitors, entrepreneurs filing and booking, advisors working, against gunicorn.

Loopback only and bounded (every run has a fixed duration and user count). It starts its own
PostgreSQL and Redis (private ports, temp dirs), migrates and loads the demo data into them
(or copies an already prepared database with ``--clone-from``), serves the project with gunicorn
(``DEBUG=0``) and drives it with closed-loop virtual users, each a thread with its own
connection and session cookie:

- visitors (anonymous): home, hub index, a hub page, a guide, a search;
- entrepreneurs (logged in): their lists, start a company-creation request (POST), start a
  trademark pre-filing (POST), search the slots of their hub (booking) and book one (POST);
- advisors (logged in, TOTP active): the company queue, the trademark review list, their agenda,
  a case.

It prints requests/s, p50/p95/p99 per page and per submission kind, and the error count
(any status >= 400 or a failed connection). Targets: p95 < 300 ms for pages, < 1 s for
submissions, 0 errors.

    # one load level
    .venv/bin/python bench/load_profile.py --users 12 --duration 60
    # step mode: add users until a target breaks; reports the highest load that held
    .venv/bin/python bench/load_profile.py --step --start 4 --step-users 4 --max-users 64 \\
        --duration 45

The client runs on the same machine and takes CPU from the server: on a 2-core machine the
figures are a floor, and only meaningful on an otherwise quiet machine.
"""

import argparse
import collections
import http.client
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench.private_services import (  # noqa: E402
    database_copy,
    drill_environment,
    private_services,
)

PAGE_TARGET_MS, SUBMISSION_TARGET_MS = 300, 1000
MIX = (("visitor", 0.6), ("entrepreneur", 0.25), ("advisor", 0.15))
VISITOR_PAGES = [
    ("page: home", "/fr/"),
    ("page: hub index", "/fr/carres/"),
    ("page: hub", "/fr/carres/carre-cst/"),
    ("page: guide", "/fr/guides/creer-son-entreprise/"),
    ("page: search", "/fr/site/search/?q=marque"),
]
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
HUB_OPTION = re.compile(r'<option value="(\d+)"')


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = collections.defaultdict(list)
        self.errors = collections.Counter()
        # What the failures were: the status (0 for a dropped or timed-out connection).
        self.error_statuses = collections.defaultdict(collections.Counter)

    def record(self, label: str, ms: float, ok: bool, status=None) -> None:
        with self.lock:
            self.latencies[label].append(ms)
            if not ok:
                self.errors[label] += 1
                self.error_statuses[label][status] += 1


class VirtualUser:
    def __init__(self, port: int, stats: Stats, session: str | None):
        self.port, self.stats = port, stats
        self.cookies = {"sessionid": session} if session else {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def request(self, label, method, path, body=None, expect=(200,)):
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            body = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        started = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            status = response.status
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";", 1)[0]
            location = response.getheader("Location", "")
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            status, text, location = 0, "", ""
        self.stats.record(label, 1000 * (time.perf_counter() - started), status in expect, status)
        return status, text, location


def visitor(user: VirtualUser, rng: random.Random) -> None:
    label, path = rng.choice(VISITOR_PAGES)
    user.request(label, "GET", path)


def entrepreneur(user: VirtualUser, rng: random.Random) -> None:
    choice = rng.random()
    if choice < 0.3:
        user.request("page: my space", "GET", "/fr/my-space/")
    elif choice < 0.55:
        page, _text, location = _start(user, "/fr/filings/companies/", "submit: company start", {})
        if location:
            user.request("page: company step", "GET", location)
    elif choice < 0.8:
        fields = {"mark_text": f"Argan {rng.randrange(10**6)}"}
        _start(user, "/fr/filings/trademarks/", "submit: trademark start", fields)
    else:
        _book(user, rng)


def _start(user, path, label, fields):
    status, text, _ = user.request("page: filing list", "GET", path)
    token, hub = CSRF_INPUT.search(text), HUB_OPTION.search(text)
    if status != 200 or not token or not hub:
        return None, "", ""
    _status, body, location = user.request(
        label,
        "POST",
        path,
        {"csrfmiddlewaretoken": token.group(1), "hub": hub.group(1), **fields},
        expect=(302,),
    )
    return _status, body, location


SLOT_LINK = re.compile(r'href="(/fr/hubs/carre-cst/book/confirm/\?[^"]+)"')
MODE_INPUT = re.compile(r'name="mode"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="mode"')


def _book(user, rng):
    topic = rng.choice(["company_creation", "trademark", "innovation_funding"])
    status, text, _ = user.request(
        "page: booking slots", "GET", f"/fr/hubs/carre-cst/book/?topic={topic}"
    )
    slots = SLOT_LINK.findall(text)
    if status != 200 or not slots:
        return
    path = rng.choice(slots[:40]).replace("&amp;", "&")
    status, text, _ = user.request("page: booking confirm", "GET", path)
    token, mode = CSRF_INPUT.search(text), MODE_INPUT.search(text)
    if status != 200 or not token:
        return
    fields = {
        "csrfmiddlewaretoken": token.group(1),
        "mode": (mode.group(1) or mode.group(2)) if mode else "hub",
        "description": "Load profile: a question about my project.",
    }
    # 302: booked; 200: the slot was taken meanwhile (a normal outcome under load).
    user.request("submit: booking", "POST", path, fields, expect=(200, 302))


def advisor(user: VirtualUser, rng: random.Random) -> None:
    choice = rng.random()
    if choice < 0.3:
        _status, text, _ = user.request(
            "page: company queue", "GET", "/fr/filings/companies/queue/"
        )
        cases = re.findall(r'href="(/fr/filings/companies/[0-9a-f-]{36}/)"', text)
        if cases:
            user.request("page: case", "GET", rng.choice(cases))
    elif choice < 0.6:
        user.request("page: trademark review", "GET", "/fr/filings/trademarks/review/")
    else:
        user.request("page: agenda", "GET", "/fr/hubs/agenda/")


BEHAVIOURS = {"visitor": visitor, "entrepreneur": entrepreneur, "advisor": advisor}


def sessions_for(kind: str, count: int) -> list[str]:
    """Session keys of logged-in users, made directly (the load is the work, not the login)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.cached_db import SessionStore

    from accounts.models import User

    keys = []
    for index in range(count):
        if kind == "advisor":
            user = User.objects.get(email="advisor@example.com")  # TOTP active (demo)
        else:
            user, _ = User.objects.get_or_create(
                email=f"bench-entrepreneur-{index}@example.org",
                defaults={"first_name": "Bench", "last_name": str(index)},
            )
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    return keys


def run_level(port: int, users: int, duration: float, think: float, seed: int) -> Stats:
    stats, stop = Stats(), threading.Event()
    # Every kind is present from 3 users on; visitors take what the others leave.
    counts = {kind: max(1, round(users * share)) for kind, share in MIX if kind != "visitor"}
    if users < len(MIX):
        counts = {}
    plan = ["visitor"] * (users - sum(counts.values()))
    for kind, count in counts.items():
        plan += [kind] * count
    sessions = {
        kind: iter(sessions_for(kind, plan.count(kind))) for kind in ("entrepreneur", "advisor")
    }

    def loop(kind: str, index: int) -> None:
        rng = random.Random(seed * 1000 + index)
        session = next(sessions[kind]) if kind in sessions else None
        user = VirtualUser(port, stats, session)
        while not stop.is_set():
            BEHAVIOURS[kind](user, rng)
            stop.wait(rng.uniform(0, 2 * think))

    threads = [threading.Thread(target=loop, args=(kind, i)) for i, kind in enumerate(plan)]
    for thread in threads:
        thread.start()
    time.sleep(duration)
    stop.set()
    for thread in threads:
        thread.join()
    return stats


def percentile(values: list[float], fraction: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(fraction * 100) - 1]


def summarise(stats: Stats, duration: float, users: int) -> bool:
    total = sum(len(v) for v in stats.latencies.values())
    errors = sum(stats.errors.values())
    print(f"\n{users} users, {duration:.0f} s: {total / duration:.1f} requests/s, errors {errors}")
    print(f"{'':28} {'count':>6} {'req/s':>6} {'p50':>7} {'p95':>7} {'p99':>7} {'errors':>6}")
    held = errors == 0
    for label in sorted(stats.latencies):
        values = stats.latencies[label]
        p50, p95, p99 = (percentile(values, f) for f in (0.5, 0.95, 0.99))
        target = SUBMISSION_TARGET_MS if label.startswith("submit") else PAGE_TARGET_MS
        mark = "" if p95 < target else f"  > {target} ms"
        held = held and p95 < target
        print(
            f"{label:28} {len(values):6d} {len(values) / duration:6.1f} {p50:6.0f}ms "
            f"{p95:6.0f}ms {p99:6.0f}ms {stats.errors[label]:6d}{mark}",
            flush=True,
        )
    for label, statuses in sorted(stats.error_statuses.items()):
        print(f"errors of {label}: " + ", ".join(f"{n} × status {s}" for s, n in statuses.items()))
    return held


# The demo agendas (weekdays, office hours) fill up after a few dozen bookings, and from then on
# the virtual entrepreneurs find no slot and stop booking: in the bench's own copy, the advisors
# of the hub booked here open every day from 8:00 to 20:00 with no daily cap.
ROOMY_AGENDAS = """
from datetime import time
from hubs.models import AdvisorBookingProfile, AvailabilityRule, Hub
hub = Hub.objects.get(slug="carre-cst")
rules = AvailabilityRule.objects.filter(hub=hub)
advisors = set(rules.values_list("advisor_id", flat=True))
rules.delete()
for advisor_id in advisors:
    for weekday in range(7):
        AvailabilityRule.objects.create(
            advisor_id=advisor_id, hub=hub, weekday=weekday, start_time=time(8),
            end_time=time(20), buffer_minutes=0, min_notice_hours=1,
            modes=["hub", "phone", "video"],
        )
AdvisorBookingProfile.objects.filter(advisor_id__in=advisors).update(daily_cap=100)
"""


def prepare(env: dict, clone_from: str | None) -> None:
    manage = [sys.executable, "manage.py"]
    if clone_from:
        database_copy(source_url=clone_from, target_url=env["DATABASE_URL"])
        # The copy may predate the newest migrations of this checkout.
        subprocess.run(
            manage + ["migrate", "--noinput", "-v0"],
            cwd=BASE_DIR, env=env, check=True, capture_output=True,
        )  # fmt: skip
    else:
        for command in (["migrate", "--noinput", "-v0"], ["load_demo"]):
            subprocess.run(manage + command, cwd=BASE_DIR, env=env, check=True, capture_output=True)
    subprocess.run(
        manage + ["shell", "-c", ROOMY_AGENDAS],
        cwd=BASE_DIR, env=env, check=True, capture_output=True,
    )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=12)
    parser.add_argument("--duration", type=float, default=30, help="seconds per load level")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause between actions (s)")
    parser.add_argument("--step", action="store_true", help="increase users until a target breaks")
    parser.add_argument("--start", type=int, default=4)
    parser.add_argument("--step-users", type=int, default=4)
    parser.add_argument("--max-users", type=int, default=64)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--port", type=int, default=8140)
    parser.add_argument("--pg-port", type=int, default=5442)
    parser.add_argument("--redis-port", type=int, default=6392)
    parser.add_argument(
        "--clone-from",
        help="postgres:// URL of a migrated database with the demo data, copied instead of "
        "migrating and loading the demo (much faster)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--warmup", type=float, default=15, help="seconds of load before measuring (not counted)"
    )
    args = parser.parse_args()

    with private_services(pg_port=args.pg_port, redis_port=args.redis_port) as (postgres, redis):
        env = drill_environment(postgres, redis, DEBUG="0", EMAIL_URL="dummymail://")
        print("preparing the database (migrate, demo data)...", flush=True)
        prepare(env, args.clone_from)
        os.environ.update(env)
        import django

        django.setup()
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind"]
            + [f"127.0.0.1:{args.port}", "--workers", str(args.workers), "--timeout", "30"],
            cwd=BASE_DIR,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait(args.port)
            levels = (
                range(args.start, args.max_users + 1, args.step_users)
                if args.step
                else [args.users]
            )
            # Fresh workers compile templates and fill caches on their first requests: the
            # figures are of the steady state, after a warm-up at the first level's load.
            if args.warmup:
                print(f"warming up: {levels[0]} users for {args.warmup:.0f} s", flush=True)
                run_level(args.port, levels[0], args.warmup, args.think, args.seed + 1)
            sustained = None
            for users in levels:
                stats = run_level(args.port, users, args.duration, args.think, args.seed)
                if summarise(stats, args.duration, users):
                    sustained = users
                elif args.step:
                    break
            if args.step:
                print(
                    f"\nhighest sustained load: "
                    f"{f'{sustained} users' if sustained else 'none of the levels tried'} "
                    "(targets: pages "
                    f"p95 < {PAGE_TARGET_MS} ms, submissions p95 < {SUBMISSION_TARGET_MS} ms, "
                    "0 errors)"
                )
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(20)
    return 0


def _wait(port: int) -> None:
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/healthz")
            if connection.getresponse().status in (200, 503):
                return
        except (OSError, http.client.HTTPException):
            time.sleep(0.3)
    raise SystemExit("gunicorn did not start")


if __name__ == "__main__":
    sys.exit(main())
