"""A person's data across the platform: what "Download my data" exports, what deletion erases.

Law 09-08 gives every person the right to access their data and to have it deleted. `accounts`
sits below the apps that hold most of it (hubs, filings, cms) and cannot import them, so each
app registers, from its `AppConfig.ready()`, one line:

    register_personal_data(key="filings", title=_("Cases"), export=export, erase=erase)

`export(user) -> list[Record]` returns the rows about the user, each row a list of
`(field, label, value)`; `erase(*, user, actor)` removes or anonymises them, keeping the rows
that anonymous figures count. Erasers run in one transaction, ordered by `order`, before the
account itself becomes a tombstone.
"""

import datetime
import decimal
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# One exported row: (machine name, label in the reader's language, JSON-ready value).
Record = list[tuple[str, str, object]]


@dataclass(frozen=True)
class PersonalDataSection:
    key: str
    title: str
    export: Callable[[object], list[Record]]
    erase: Callable[..., None] | None = None
    order: int = 100


_sections: dict[str, PersonalDataSection] = {}


def register_personal_data(
    *,
    key: str,
    title,
    export: Callable[[object], list[Record]],
    erase: Callable[..., None] | None = None,
    order: int = 100,
) -> None:
    _sections[key] = PersonalDataSection(
        key=key, title=title, export=export, erase=erase, order=order
    )


def registered_sections() -> list[PersonalDataSection]:
    return sorted(_sections.values(), key=lambda s: (s.order, s.key))


def plain(value):
    """A value as JSON can hold it (dates in ISO 8601, decimals and UUIDs as text)."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return bool(value)
    return value


def record_of(instance: models.Model, fields: Iterable[str], extra: Record = ()) -> Record:
    """The named fields of a row with their labels; choices are given in words."""
    record: Record = []
    for name in fields:
        field = instance._meta.get_field(name)
        value = getattr(instance, name)
        if getattr(field, "choices", None) and value not in (None, ""):
            value = getattr(instance, f"get_{name}_display")()
        record.append((name, str(field.verbose_name), plain(value)))
    record.extend((name, str(label), plain(value)) for name, label, value in extra)
    return record


def delete_file_on_commit(field_file) -> None:
    """Remove a stored file once the erasure is committed (a rollback must not lose it)."""
    if not field_file:
        return
    storage, name = field_file.storage, field_file.name
    transaction.on_commit(lambda: storage.delete(name))


def personal_data_export(*, user) -> dict:
    """Everything the platform holds about the user, section by section."""
    sections = []
    for section in registered_sections():
        records = section.export(user)
        sections.append({"key": section.key, "title": str(section.title), "records": records})
    return {"generated_at": timezone.now(), "user": str(user.email), "sections": sections}


def personal_data_as_json(export: dict) -> dict:
    return {
        "generated_at": plain(export["generated_at"]),
        "account": export["user"],
        "sections": {
            section["key"]: [
                {name: value for name, _label, value in record} for record in section["records"]
            ]
            for section in export["sections"]
        },
    }


def personal_data_erase(*, user, actor) -> None:
    """Run every app's eraser, in order, inside the caller's transaction."""
    for section in registered_sections():
        if section.erase is not None:
            section.erase(user=user, actor=actor)


DELETED_NAME = _("Deleted account")
