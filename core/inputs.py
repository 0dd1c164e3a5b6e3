"""Values people send in query strings and forms, read without trusting them.

Each reader answers the value or None: the caller decides whether that is a 400, a message or
a default. Dates and instants are kept within the years the platform works in, far from the
years 1 and 9999 where a week's step or a time zone's offset leaves what Python can represent
(an OverflowError, so a 500, on a date Python parsed without complaint).
"""

import datetime
import uuid

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

FIRST_DAY = datetime.date(2000, 1, 1)
LAST_DAY = datetime.date(2099, 12, 31)


def within_years(day: datetime.date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


def date_or_none(value) -> datetime.date | None:
    """A day given as YYYY-MM-DD within the platform's years."""
    try:
        day = datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return day if within_years(day) else None


def instant_or_none(value) -> datetime.datetime | None:
    """An instant with its UTC offset (2026-05-04T09:00:00+01:00) within the platform's years.

    The bounds are checked on the instant's own calendar day, before any conversion: turning
    0001-01-01T00:00+14:00 into UTC is what overflows.
    """
    try:
        instant = datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    if instant.utcoffset() is None or not within_years(instant.date()):
        return None
    return instant


def int_or_none(value, *, maximum: int = 2**63 - 1) -> int | None:
    """A whole number written in ASCII digits, 0 to `maximum`.

    str.isdigit() also accepts '²' and '①', which int() then refuses.
    """
    if not isinstance(value, str) or not 0 < len(value) <= 19:
        return None
    if not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if number <= maximum else None


def search_text(value, *, max_length: int) -> str:
    """Text to search or filter with: stripped, at most `max_length` characters, and without
    NUL, which PostgreSQL refuses in any string it is sent (a DataError, so a 500)."""
    if not isinstance(value, str):
        return ""
    return value.replace("\x00", "").strip()[:max_length]


def uuid_or_none(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None


class PlatformDateField(forms.DateField):
    """A date field that refuses, with a message, days outside the platform's years."""

    def validate(self, value):
        super().validate(value)
        if value is not None and not within_years(value):
            raise forms.ValidationError(
                _("Choose a date between %(first)s and %(last)s."),
                code="out_of_range",
                params={
                    "first": date_format(FIRST_DAY, "DATE_FORMAT"),
                    "last": date_format(LAST_DAY, "DATE_FORMAT"),
                },
            )
