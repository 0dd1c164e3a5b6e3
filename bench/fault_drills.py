"""Fault drills against private PostgreSQL and Redis servers; each prints what was lost.

    .venv/bin/python bench/fault_drills.py all            # or: broker | worker-kill | postgres
        [--pg-port 5441] [--redis-port 6391] [--web-port 8140] [--tasks 40]
        [--clone-from postgres://postgres@127.0.0.1:5432/carres_h4]

broker       A real Celery worker consumes tasks queued through the outbox (core.outbox); Redis
             (cache and broker) is stopped mid-run: pages must still render, /healthz must say
             what is down, every enqueue must succeed; Redis comes back and every task must
             have run, its effect once.
worker-kill  A real worker runs a batch; it is killed with SIGKILL repeatedly, alternately the
             pool process running a task (re-queued at once: reject_on_worker_lost) and the
             whole worker (its tasks come back after Redis's visibility timeout, 10 s here).
postgres     gunicorn serves requests from 4 client threads while PostgreSQL is stopped and
             started again; errors are expected during the outage only, none after, without
             restarting gunicorn.

Needs root or the postgres user (initdb), redis-server, and ``manage.py`` importable from here.
Servers, worker and gunicorn are started here and stopped here.
"""

import argparse
import collections
import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench.private_services import (  # noqa: E402
    database_copy,
    drill_environment,
    private_services,
)

WORK_DIR = Path(tempfile.mkdtemp(prefix="drill-work-"))
MAIL_DIR = WORK_DIR / "mail"
RUNS_FILE = WORK_DIR / "runs.log"


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S', time.gmtime())} UTC] {message}", flush=True)


def setup_django(env: dict) -> None:
    os.environ.update(env)
    import django

    django.setup()
    import bench.drill_tasks  # noqa: F401  (registers the drill task)


def migrate(env: dict, clone_from: str | None) -> None:
    if clone_from:
        say(f"copying the schema and data of {clone_from} into the private database")
        database_copy(source_url=clone_from, target_url=env["DATABASE_URL"])
    say("migrating the private database (the newest migrations, for a copy)")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )


def start_worker(env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "--app", "config", "worker", "--include"]
        + ["bench.drill_tasks", "--concurrency", "2", "--loglevel", "ERROR"]
        + ["--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=BASE_DIR,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=open(WORK_DIR / "worker.log", "a"),  # noqa: SIM115
    )


def stop_group(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        return
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def effects() -> collections.Counter:
    counter = collections.Counter()
    for path in MAIL_DIR.glob("*"):
        counter.update(
            int(n) for n in re.findall(r"^Subject: drill-(\d+)$", path.read_text(), re.M)
        )
    return counter


def runs() -> collections.Counter:
    if not RUNS_FILE.exists():
        return collections.Counter()
    return collections.Counter(int(line) for line in RUNS_FILE.read_text().split())


def enqueue_batch(numbers) -> int:
    from django.db import transaction

    from bench.drill_tasks import drill_effect_task
    from core.outbox import enqueue

    for number in numbers:
        with transaction.atomic():
            enqueue(drill_effect_task, number)
    return len(numbers)


def wait_for_effects(expected: set, *, timeout: float, relay: bool = False) -> None:
    from core.outbox import outbox_relay

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not expected <= set(effects()):
        if relay:  # what the scheduler does every 15 s
            outbox_relay(now=_far_future())
        time.sleep(1)


def _far_future():
    from django.utils import timezone

    from core.outbox import RELAY_GRACE

    return timezone.now() + RELAY_GRACE


def report(name: str, queued: set) -> bool:
    from core.outbox import outbox_pending_count

    done, ran = effects(), runs()
    duplicates = sum(count - 1 for count in done.values() if count > 1)
    lost = sorted(queued - set(done))
    say(
        f"{name}: queued={len(queued)} executed={len(set(ran))} runs={sum(ran.values())} "
        f"(re-runs={sum(ran.values()) - len(set(ran))}) effects={sum(done.values())} "
        f"duplicates={duplicates} lost={len(lost)} outbox_pending={outbox_pending_count()}"
    )
    if lost:
        say(f"{name}: LOST {lost}")
    return not lost and not duplicates


def reset_counters() -> None:
    for path in MAIL_DIR.glob("*"):
        path.unlink()
    RUNS_FILE.unlink(missing_ok=True)


# --- Drills -------------------------------------------------------------------------------------


def drill_broker(env, postgres, redis, tasks: int) -> bool:
    from django.test import Client

    reset_counters()
    worker = start_worker(env)
    try:
        first = set(range(tasks // 2))
        enqueue_batch(sorted(first))
        say(f"broker: {len(first)} tasks queued with Redis up; stopping Redis mid-batch")
        deadline = time.monotonic() + 90
        while len(runs()) < 3 and time.monotonic() < deadline:  # the worker is busy with them
            time.sleep(0.1)
        redis.stop()
        client = Client()
        pages = {url: client.get(url).status_code for url in ("/fr/accounts/login/", "/healthz")}
        say(
            f"broker: Redis down, pages answer {pages}; "
            f"/healthz says {client.get('/healthz').json()}"
        )
        second = set(range(tasks // 2, tasks))
        started = time.monotonic()
        enqueue_batch(sorted(second))
        say(
            f"broker: {len(second)} enqueues with Redis down all succeeded in "
            f"{time.monotonic() - started:.2f} s; outbox pending: "
            f"{_pending()}; effects so far: {len(effects())}"
        )
        time.sleep(3)
        redis.start()
        say("broker: Redis is back; the relay (beat's job) publishes what waited")
        wait_for_effects(first | second, timeout=90, relay=True)
        say(f"broker: /healthz after: {Client().get('/healthz').json()}")
        return report("broker", first | second)
    finally:
        stop_group(worker)


def _pending() -> int:
    from core.outbox import outbox_pending_count

    return outbox_pending_count()


def drill_worker_kill(env, postgres, redis, tasks: int, kills: int = 6) -> bool:
    reset_counters()
    queued = set(range(1000, 1000 + tasks))
    enqueue_batch(sorted(queued))
    say(f"worker-kill: {tasks} tasks queued (1 s each, 2 processes); killing with -9 x{kills}")
    worker = start_worker(env)
    try:
        for round_ in range(kills):
            # Kill while a task is running: wait for a run to start, let it get going.
            started = sum(runs().values())
            deadline = time.monotonic() + 90
            while sum(runs().values()) == started and time.monotonic() < deadline:
                time.sleep(0.1)
            time.sleep(0.3)
            pool = children(worker.pid)
            if round_ % 2 == 0 and pool:
                os.kill(pool[0], signal.SIGKILL)
                say(
                    f"worker-kill: kill -9 pool process {pool[0]} (effects so far {len(effects())})"
                )
            else:
                stop_group(worker, signal.SIGKILL)
                say(
                    f"worker-kill: kill -9 whole worker {worker.pid} "
                    f"(effects so far {len(effects())}); restarting it"
                )
                worker = start_worker(env)
        wait_for_effects(queued, timeout=120)
        return report("worker-kill", queued)
    finally:
        stop_group(worker)


def drill_postgres(env, postgres, redis, web_port: int) -> bool:
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi:application", "--bind"]
        + [f"127.0.0.1:{web_port}", "--workers", "2", "--threads", "2", "--timeout", "30"],
        cwd=BASE_DIR,
        env={**env, "DEBUG": "0"},
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=open(WORK_DIR / "gunicorn.log", "a"),  # noqa: SIM115
    )
    phase = ["before"]
    results = collections.defaultdict(collections.Counter)
    stop = threading.Event()
    paths = ["/healthz", "/sitemap.xml"]

    def get(path: str, timeout: float):
        connection = http.client.HTTPConnection("127.0.0.1", web_port, timeout=timeout)
        try:
            connection.request("GET", path)
            return connection.getresponse().status
        except (OSError, http.client.HTTPException) as error:
            return type(error).__name__
        finally:
            connection.close()

    def client(index: int) -> None:
        path = paths[index % len(paths)]
        while not stop.is_set():
            current = phase[0]
            status = get(path, 30)
            results[current]["ok" if status == 200 else f"error {status}"] += 1
            time.sleep(0.05)

    try:
        deadline = time.monotonic() + 180
        while get("/healthz", 30) != 200 and time.monotonic() < deadline:
            time.sleep(0.5)
        threads = [threading.Thread(target=client, args=(i,)) for i in range(4)]
        for thread in threads:
            thread.start()
        time.sleep(5)
        phase[0] = "outage"
        say("postgres: stopping PostgreSQL (fast) under load")
        postgres.stop("fast")
        time.sleep(4)
        postgres.start()
        phase[0] = "recovery (first 2 s)"
        say("postgres: PostgreSQL started again; gunicorn is NOT restarted")
        time.sleep(2)
        phase[0] = "after"
        time.sleep(6)
        stop.set()
        for thread in threads:
            thread.join()
    finally:
        stop_group(server)
    for name in ("before", "outage", "recovery (first 2 s)", "after"):
        say(f"postgres: {name:22} {dict(results[name])}")
    after = results["after"]
    ok = after["ok"] > 0 and sum(after.values()) == after["ok"]
    say(
        f"postgres: recovered without a restart: {ok}; requests lost after recovery: "
        f"{sum(after.values()) - after['ok']}"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("drill", choices=["broker", "worker-kill", "postgres", "all"])
    parser.add_argument("--pg-port", type=int, default=5441)
    parser.add_argument("--redis-port", type=int, default=6391)
    parser.add_argument("--web-port", type=int, default=8140)
    parser.add_argument("--tasks", type=int, default=40)
    parser.add_argument(
        "--clone-from", help="postgres:// URL of a migrated database to copy instead of migrating"
    )
    args = parser.parse_args()
    MAIL_DIR.mkdir(parents=True)
    verdicts = {}
    with private_services(pg_port=args.pg_port, redis_port=args.redis_port) as (postgres, redis):
        env = drill_environment(
            postgres,
            redis,
            # Four slashes: django-environ drops the first one of the path.
            EMAIL_URL=f"filemail:///{MAIL_DIR}",
            DRILL_TASK_SECONDS="1.0",
            DRILL_RUNS_FILE=str(RUNS_FILE),
            CELERY_VISIBILITY_TIMEOUT="10",
        )
        migrate(env, args.clone_from)
        setup_django(env)
        drills = ["broker", "worker-kill", "postgres"] if args.drill == "all" else [args.drill]
        for drill in drills:
            if drill == "broker":
                verdicts[drill] = drill_broker(env, postgres, redis, args.tasks)
            elif drill == "worker-kill":
                verdicts[drill] = drill_worker_kill(env, postgres, redis, args.tasks)
            else:
                from django.db import connections

                connections.close_all()
                verdicts[drill] = drill_postgres(env, postgres, redis, args.web_port)
    shutil.rmtree(WORK_DIR, ignore_errors=True)
    for drill, passed in verdicts.items():
        say(f"RESULT {drill}: {'nothing lost' if passed else 'FAILED'}")
    return 0 if all(verdicts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
