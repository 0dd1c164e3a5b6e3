"""Numbers, money, dates and times as people write them, in the reader's language.

One place for every amount and date the platform shows, in pages, emails and PDFs, so a
French reader sees "300 000 MAD", an Arabic reader "300.000 درهم" and an English reader
"300,000 MAD" everywhere. Babel (CLDR) rather than Django's format modules: Django's French
"M" gives "Jui" for both June and July, its Arabic DATETIME_FORMAT mixes English order and
"م", and it groups French digits with a plain no-break space where French typography wants
the narrow one. Arabic uses the Moroccan locale (ar_MA): Latin digits and the month names
Moroccans write (يوليوز, غشت).

Machine formats (ics, CSV/XLSX exports, HTML datetime attributes, input values) stay ISO and
do not go through here.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from babel import dates as babel_dates
from babel import numbers as babel_numbers
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext

BABEL_LOCALES = {"fr": "fr", "ar": "ar_MA", "en": "en"}
WEEKDAY_DAY_MONTH = {"fr": "EEEE d MMMM", "ar_MA": "EEEE، d MMMM", "en": "EEEE, MMMM d"}


def _locale(language: str | None = None) -> str:
    language = (language or translation.get_language() or settings.LANGUAGE_CODE)[:2]
    return BABEL_LOCALES.get(language, BABEL_LOCALES[settings.LANGUAGE_CODE])


def currency_label() -> str:
    # One label per language: "MAD" where French and English readers expect the ISO code,
    # the word dirham in Arabic (never "DH" on one page and "MAD" on the next).
    return gettext("MAD")


def format_number(value, decimals: int | None = None) -> str:
    """A number grouped the reader's way; `decimals` fixes the digits after the separator."""
    if value is None or value == "":
        return ""
    try:
        value = Decimal(str(value))
    except InvalidOperation:
        return str(value)  # already text ("—"): shown as it is
    if decimals is None:
        return babel_numbers.format_decimal(value, locale=_locale(), decimal_quantization=False)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return babel_numbers.format_decimal(value, format=pattern, locale=_locale())


def format_money(amount) -> str:
    """An amount in dirhams: no ",00" for whole amounts, cents only when there are some."""
    if amount is None or amount == "":
        return ""
    amount = Decimal(str(amount))
    decimals = 0 if amount == amount.to_integral_value() else 2
    # The unit after the number in the three languages ("300,000 MAD" in English too, as the
    # fee grids print it), joined by a no-break space so it never starts a line.
    return f"{format_number(amount, decimals)}\u00a0{currency_label()}"


def _local(value):
    # Dates and times are read as Morocco's wall clock, wherever the server runs.
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return value.astimezone(ZoneInfo(settings.TIME_ZONE))
    return value


def format_date(value, style: str = "short") -> str:
    """A calendar day. "short": 3 juil. 2026 (abbreviated month, never ambiguous);
    "long": 3 juillet 2026; "weekday": vendredi 3 juillet 2026; "day_month": 3 juil.;
    "month": juil. 2026."""
    if value in (None, ""):
        return ""
    if isinstance(value, str):  # a day or an instant kept as ISO text in stored JSON
        value = datetime.datetime.fromisoformat(value)
    value = _local(value)
    locale = _locale()
    if style in ("long", "weekday"):
        text = babel_dates.format_date(value, "long" if style == "long" else "full", locale=locale)
    elif style == "weekday_day_month":
        # CLDR has no full-width skeleton for it: Babel's would abbreviate to "ven. 3 juil.".
        text = babel_dates.format_date(value, WEEKDAY_DAY_MONTH[locale], locale=locale)
    else:
        skeleton = {
            "short": "yMMMd",
            "weekday_short": "MMMEd",
            "day_month": "MMMd",
            "month": "yMMM",
        }[style]
        text = babel_dates.format_skeleton(skeleton, value, locale=locale)
    if locale == "fr" and style != "month" and value.day == 1:
        # French writes the first of the month as an ordinal: "1er juillet" (CLDR has "1").
        text = re.sub(r"\b1 ", "1er ", text, count=1)
    return text


def format_time(value) -> str:
    """A wall-clock time in Morocco, 24-hour as Moroccans write it in the three languages."""
    if value in (None, ""):
        return ""
    return babel_dates.format_skeleton("Hm", _local(value), locale=_locale())


def format_datetime(value, style: str = "short") -> str:
    """A day and a time: 3 juil. 2026, 14:05 (the day style as in format_date). Also takes
    the ISO text stored in notification parameters; older rows stored an already written
    date, shown as it is."""
    if value in (None, ""):
        return ""
    if isinstance(value, str):
        try:
            value = datetime.datetime.fromisoformat(value)
        except ValueError:
            return value
    return gettext("%(date)s, %(time)s") % {
        "date": format_date(value, style),
        "time": format_time(value),
    }


def format_span(start, end, style: str = "weekday") -> str:
    """A meeting's day and hours: "jeudi 10 décembre 2026, de 10:00 à 11:00"."""
    return gettext("%(date)s, from %(start)s to %(end)s") % {
        "date": format_date(start, style),
        "start": format_time(start),
        "end": format_time(end),
    }


def time_zone_label() -> str:
    # What people say ("heure du Maroc"), not the tz database name "Africa/Casablanca".
    return gettext("Morocco time")


def de_place(name: str) -> str:
    """French "de" before a place name, elided before a vowel or a mute h: "d'Agadir",
    "de Casablanca". Other languages compose places with their own words in the msgid."""
    if name and re.match(r"[aeiouyhàâäéèêëîïôöùûüœAEIOUYHÀÂÄÉÈÊËÎÏÔÖÙÛÜŒ]", name):
        return f"d\u2019{name}"
    return f"de {name}"


def colon() -> str:
    return "\u00a0:" if _locale() == "fr" else ":"
