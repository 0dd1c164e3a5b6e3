"""A backup restored into an empty database and empty storage gives back every case and file."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection

from core.backup import backup_create
from filings.models import Case, CompanyDocument, CompanyStatus
from tests.filings.company_helpers import draft_request, move

pytestmark = pytest.mark.django_db(transaction=True)


def _digests(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def _database_url(params: dict, name: str) -> str:
    # A Unix-socket folder or a host name alike: libpq's own host and port parameters.
    return (
        f"postgres://{params['user']}:{params.get('password') or ''}@/{name}"
        f"?{urlencode({'host': params['host'], 'port': params['port']})}"
    )


@pytest.fixture
def empty_database():
    """(DATABASE_URL, query function) of a new, empty database on the same server."""
    import psycopg

    params = connection.get_connection_params()
    server = {key: params[key] for key in ("host", "port", "user", "password") if key in params}
    server.setdefault("host", "127.0.0.1")
    server.setdefault("port", 5432)
    name = f"{params['dbname']}_restore"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')

    def query(sql):
        with psycopg.connect(dbname=name, **server) as db:
            return db.execute(sql).fetchall()

    yield _database_url(server, name), query
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_restored_backup_has_every_case_and_byte_identical_files(
    settings, tmp_path, entrepreneur, hub_a, empty_database
):
    settings.MEDIA_ROOT = tmp_path / "media"
    submitted = move(draft_request(entrepreneur, hub_a), CompanyStatus.SUBMITTED, entrepreneur)
    draft_request(entrepreneur, hub_a, names=("Argan Bleu",))
    submitted.refresh_from_db()
    assert submitted.receipt  # the receipt PDF is one of the files to keep
    cases = sorted(str(pk) for pk in Case.objects.values_list("public_id", flat=True))
    documents = sorted(CompanyDocument.objects.values_list("file", flat=True))
    assert len(cases) == 2 and len(documents) == 4
    archive = tmp_path / "backup.tar.gz"
    manifest = backup_create(output=archive)
    assert len(manifest["files"]) == 5  # four documents and one receipt

    database_url, query = empty_database
    restored_media = tmp_path / "restored-media"
    subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(restored_media),
            "PRIVATE_MEDIA_ROOT": str(tmp_path / "restored-private"),
        },
        check=True,
        capture_output=True,
    )

    restored_cases = sorted(str(row[0]) for row in query("SELECT public_id FROM filings_case"))
    restored_documents = sorted(row[0] for row in query("SELECT file FROM filings_companydocument"))
    restored_receipts = [
        row[0] for row in query("SELECT receipt FROM filings_companyrequest") if row[0]
    ]
    assert restored_cases == cases
    assert restored_documents == documents
    assert restored_receipts == [submitted.receipt.name]
    assert _digests(restored_media) == _digests(settings.MEDIA_ROOT)


def test_restore_refuses_a_database_that_is_not_empty(tmp_path, entrepreneur):
    archive = tmp_path / "backup.tar.gz"
    backup_create(output=archive)
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=settings.BASE_DIR,
        env={**os.environ, **_current_database_env()},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "not empty" in result.stderr


def _current_database_env() -> dict:
    params = connection.get_connection_params()
    server = {"host": params.get("host", "127.0.0.1"), "port": params.get("port", 5432)}
    server.update(user=params["user"], password=params.get("password"))
    return {"DATABASE_URL": _database_url(server, params["dbname"])}
