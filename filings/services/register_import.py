"""Import of the trademark register from the office's CSV export."""

import csv
import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db import transaction

from ..models import MarkStatus, RegisterMark
from ..search.normalize import mark_keys, script_of

HEADER = ["number", "mark", "nice_classes", "owner", "status", "filing_date"]
_STATUSES = {choice.value for choice in MarkStatus}
_KEY_FIELDS = ["key_visual", "key_phonetic", "key_phonetic_sorted", "key_skeleton"]
UPDATE_FIELDS = [
    "mark",
    "script",
    "nice_classes",
    "owner",
    "status",
    "filing_date",
    "expiry_date",
    *_KEY_FIELDS,
]


class InvalidRow(ValueError):
    pass


@dataclass
class ImportReport:
    created_or_updated: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    lines_read: int = 0


def _add_ten_years(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 10)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 10, day=28)


def mark_from_row(row: dict) -> RegisterMark:
    number = (row.get("number") or "").strip()
    if not number:
        raise InvalidRow("number is empty")
    if len(number) > 32:
        raise InvalidRow("number is longer than 32 characters")
    text = (row.get("mark") or "").strip()
    if not text:
        raise InvalidRow("mark is empty")
    if len(text) > 300:
        raise InvalidRow("mark is longer than 300 characters")
    classes = []
    for raw in (row.get("nice_classes") or "").split():
        if not raw.isdecimal() or not 1 <= int(raw) <= 45:
            raise InvalidRow(f"Nice class {raw!r} is not a number from 1 to 45")
        classes.append(int(raw))
    if not classes:
        raise InvalidRow("no Nice class")
    status = (row.get("status") or "").strip().lower()
    if status not in _STATUSES:
        raise InvalidRow(f"status {status!r} is not one of {', '.join(sorted(_STATUSES))}")
    filing_date = None
    raw_date = (row.get("filing_date") or "").strip()
    if raw_date:
        try:
            filing_date = datetime.date.fromisoformat(raw_date)
        except ValueError:
            raise InvalidRow(f"filing_date {raw_date!r} is not a date YYYY-MM-DD") from None
    owner = (row.get("owner") or "").strip()[:300]
    keys = mark_keys(text)
    if not (keys.visual or keys.phonetic):
        raise InvalidRow("mark has no letters or digits")
    return RegisterMark(
        number=number,
        mark=text,
        script=script_of(text),
        nice_classes=" " + " ".join(str(c) for c in sorted(set(classes))) + " ",
        owner=owner,
        status=status,
        filing_date=filing_date,
        expiry_date=_add_ten_years(filing_date) if filing_date else None,
        key_visual=keys.visual,
        key_phonetic=keys.phonetic,
        key_phonetic_sorted=keys.phonetic_sorted,
        key_skeleton=keys.skeleton,
    )


def _batches(rows: Iterable, size: int) -> Iterator[list]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@transaction.atomic
def _save_batch(marks: list[RegisterMark]) -> None:
    # Upsert by number: a re-import updates what changed and creates what is new.
    RegisterMark.objects.bulk_create(
        marks, update_conflicts=True, unique_fields=["number"], update_fields=UPDATE_FIELDS
    )


def register_import_csv(
    *,
    lines: Iterable[str],
    batch_size: int = 5000,
    on_progress: Callable[[ImportReport], None] | None = None,
    on_reject: Callable[[int, str], None] | None = None,
) -> ImportReport:
    """Stream the CSV through, batch by batch, each batch in its own transaction.

    A bad line is reported (line number and reason) and skipped; it never stops or half-saves
    a batch. Memory holds one batch, whatever the file size.
    """
    report = ImportReport()
    reader = csv.DictReader(lines)
    if reader.fieldnames is None or [f.strip() for f in reader.fieldnames] != HEADER:
        raise InvalidRow(f"the header must be: {','.join(HEADER)}")

    def parsed():
        for row in reader:
            report.lines_read += 1
            if None in row or any(v is None for v in row.values()):
                reason = "wrong number of columns"
            else:
                try:
                    yield mark_from_row(row)
                    continue
                except InvalidRow as error:
                    reason = str(error)
            report.rejected.append((reader.line_num, reason))
            if on_reject:
                on_reject(reader.line_num, reason)

    for batch in _batches(parsed(), batch_size):
        # Within one batch the last line for a number wins, as it would line by line.
        unique = list({mark.number: mark for mark in batch}.values())
        _save_batch(unique)
        report.created_or_updated += len(batch)
        if on_progress:
            on_progress(report)
    return report
