"""Back up and restore the platform: the database and every uploaded file, in one archive.

The archive (``.tar.gz``) holds ``manifest.json``, the database (``database.dump`` from
``pg_dump --format=custom``, the wheel's pg_dump: see ``core/postgres_programs.py``) and
``files/<app.Model>/<field>/<name>``: every file a ``FileField`` of any model points to, read
and written back through that field's storage, so the archive does not care whether files live
on disk (public or private) or on S3. Files no row points to are not kept. The manifest lists
each file's SHA-256, checked again on restore.

Restore goes into an *empty* database (a new one, after ``createdb``) and refuses otherwise:
merging a backup into live data is never what anyone wants at 3 a.m.
"""

import hashlib
import io
import json
import os
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.db import connection, models
from django.utils import timezone

from core.postgres_programs import program

FORMAT = 1
DUMP = "database.dump"


class BackupError(Exception):
    pass


def _file_fields():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                yield model, field


def _libpq_arguments() -> tuple[list[str], dict]:
    """Command-line arguments and environment that reach this connection's database."""
    params = connection.get_connection_params()
    env = {**os.environ}
    if params.get("password"):
        env["PGPASSWORD"] = params["password"]
    args = []
    for flag, key in (("--host", "host"), ("--port", "port"), ("--username", "user")):
        if params.get(key):
            args += [flag, str(params[key])]
    return args + ["--dbname", params["dbname"]], env


def _dump_database(target: Path) -> str:
    args, env = _libpq_arguments()
    subprocess.run(  # noqa: S603 - a fixed argument list from our settings, no shell
        [program("pg_dump"), "--format=custom", "--no-owner", "--no-privileges"]
        + ["--file", str(target / DUMP), *args],
        env=env,
        check=True,
    )
    return DUMP


def backup_create(*, output: Path) -> dict:
    """Write the archive to ``output``; return its manifest."""
    manifest = {"format": FORMAT, "created_at": timezone.now().isoformat(), "files": []}
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        manifest["database"] = _dump_database(scratch)
        with tarfile.open(output, "w:gz") as archive:
            archive.add(scratch / manifest["database"], arcname=manifest["database"])
            for model, field in _file_fields():
                names = (
                    model._default_manager.exclude(**{field.name: ""})
                    .exclude(**{f"{field.name}__isnull": True})
                    .values_list(field.name, flat=True)
                    .distinct()
                )
                for name in names.iterator():
                    if not field.storage.exists(name):
                        manifest.setdefault("missing", []).append(name)
                        continue
                    with field.storage.open(name, "rb") as handle:
                        data = handle.read()
                    member = f"files/{model._meta.label}/{field.name}/{name}"
                    info = tarfile.TarInfo(member)
                    info.size = len(data)
                    archive.addfile(info, io.BytesIO(data))
                    manifest["files"].append(
                        {"member": member, "sha256": hashlib.sha256(data).hexdigest()}
                    )
            raw = json.dumps(manifest, indent=1).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(raw)
            archive.addfile(info, io.BytesIO(raw))
    return manifest


def _database_is_empty() -> bool:
    return not connection.introspection.table_names()


def _restore_database(archive: tarfile.TarFile, manifest: dict, scratch: Path) -> None:
    if manifest["database"] != DUMP:
        raise BackupError("this archive holds no PostgreSQL dump")
    archive.extract(DUMP, scratch, filter="data")
    args, env = _libpq_arguments()
    connection.close()
    subprocess.run(  # noqa: S603 - a fixed argument list from our settings, no shell
        [program("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error"]
        + ["--single-transaction", *args, str(scratch / DUMP)],
        env=env,
        check=True,
    )


def backup_restore(*, archive_path: Path) -> dict:
    """Restore the archive into this (empty) database and the file storages; return counts."""
    if not _database_is_empty():
        raise BackupError("the database is not empty: restore goes into a new, empty database")
    storages = {
        f"{model._meta.label}/{field.name}": field.storage for model, field in _file_fields()
    }
    restored = 0
    with tarfile.open(archive_path, "r:gz") as archive, tempfile.TemporaryDirectory() as scratch:
        manifest = json.load(archive.extractfile("manifest.json"))
        if manifest.get("format") != FORMAT:
            raise BackupError("unknown backup format")
        _restore_database(archive, manifest, Path(scratch))
        for entry in manifest["files"]:
            data = archive.extractfile(entry["member"]).read()
            if hashlib.sha256(data).hexdigest() != entry["sha256"]:
                raise BackupError(f"{entry['member']} is damaged in the archive")
            _files, label, field_name, name = entry["member"].split("/", 3)
            storage = storages[f"{label}/{field_name}"]
            if storage.exists(name):
                with storage.open(name, "rb") as handle:
                    if handle.read() == data:
                        continue
                raise BackupError(f"{name} exists with other content: restore into empty storage")
            saved = storage.save(name, io.BytesIO(data))
            if saved != name:
                raise BackupError(f"{name} was stored as {saved}")
            restored += 1
    return {"files": restored, "database": manifest["database"]}
