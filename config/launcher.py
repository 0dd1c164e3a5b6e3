"""``make run``: the whole platform on one machine, from the database up, stopped as one.

Starts the embedded PostgreSQL (unless ``DATABASE_URL`` names a server), migrates, loads the
demo data, then runs the web server, the Celery worker and the scheduler together (honcho and
the ``Procfile``). When the site answers it prints where to log in and as whom. Ctrl-C, or a
SIGTERM to this process, stops the three processes, then the database: nothing is left running.
Running it again reuses the data.

    .venv/bin/python -m config.launcher        # WEB_PORT=8001 to serve on another port
"""

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from config import embedded_database

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
READY_TIMEOUT = 180


def _manage(*args: str, capture: bool = False) -> str:
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout or ""


def _wait_until_served(url: str, began: float, banner: str, stopping: threading.Event) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while not stopping.is_set() and time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own URL
                response.read()
            break
        except urllib.error.HTTPError:
            break  # it answers, even if something is unwell: /healthz says what
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    else:
        if not stopping.is_set():
            print(f"\n  The web server did not answer within {READY_TIMEOUT} s.\n", flush=True)
        return
    print(f"\n  Ready in {time.monotonic() - began:.0f} s.{banner}", flush=True)


def main() -> int:
    began = time.monotonic()
    embedded = not os.environ.get("DATABASE_URL")
    port = os.environ.get("WEB_PORT", "8000")
    site = f"http://127.0.0.1:{port}"
    honcho = None
    stopping = threading.Event()

    # honcho runs in a session of its own, so that only this process hears the terminal
    # (Ctrl-C, a closed window) and passes it on: honcho then always stops its three processes
    # before this one stops the database.
    def pass_on(signum, _frame):
        stopping.set()
        if honcho is None:
            raise SystemExit(128 + signum)
        honcho.send_signal(signal.SIGINT if signum == signal.SIGINT else signal.SIGTERM)

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, pass_on)
    try:
        if embedded:
            embedded_database.start()
            print(f"  Database: embedded PostgreSQL in {embedded_database.DATA_DIR}", flush=True)
        _manage("migrate", "--noinput")
        _manage("createcachetable")
        accounts = _manage("load_demo", capture=True)
        demo = "\n  ".join(accounts.replace("Demo data loaded.", "").strip().splitlines())
        banner = (
            f"\n\n  The platform is served on {site}/"
            f"\n  Log in at {site}/fr/accounts/login/ (Arabic: {site}/ar/accounts/login/)"
            f"\n  CMS admin: {site}/cms-admin/"
            f"\n\n  {demo}"
            "\n\n  Web server, Celery worker and scheduler run together; Ctrl-C stops them all,"
            " and the database.\n"
        )
        honcho = subprocess.Popen(  # noqa: S603 - the project's own Procfile
            [str(Path(PYTHON).parent / "honcho"), "--procfile", "Procfile", "start"],
            cwd=ROOT,
            env={**os.environ, "WEB_PORT": port},
            start_new_session=True,
        )
        threading.Thread(
            target=_wait_until_served,
            args=(f"{site}/healthz", began, banner, stopping),
            daemon=True,
        ).start()
        returncode = honcho.wait()
        # Stopped by Ctrl-C or SIGTERM as asked: that is a clean end, not a failure.
        return 0 if stopping.is_set() else returncode
    finally:
        stopping.set()
        if honcho is not None and honcho.poll() is None:
            honcho.terminate()
            honcho.wait()
        if embedded:
            embedded_database.stop()
            print("  Database stopped.", flush=True)


if __name__ == "__main__":
    sys.exit(main())
