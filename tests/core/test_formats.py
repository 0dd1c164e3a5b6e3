"""How the platform writes numbers, amounts, dates, times, phones and references, in the words
and order a reader of each language expects. The expected strings are written out."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from core import bidi, formats

NNBSP = "\u202f"  # narrow no-break space: French digit groups
NBSP = "\u00a0"

# 14:05 in Morocco (UTC+1 all year since 2018, outside Ramadan).
AFTERNOON = datetime.datetime(2026, 7, 3, 13, 5, tzinfo=datetime.UTC)


def _in(language, function, *args):
    with translation.override(language):
        return function(*args)


@pytest.mark.parametrize(
    "language, amount, expected",
    [
        ("fr", Decimal("300000"), f"300{NNBSP}000{NBSP}MAD"),
        ("fr", Decimal("300000.00"), f"300{NNBSP}000{NBSP}MAD"),
        ("fr", Decimal("1050.50"), f"1{NNBSP}050,50{NBSP}MAD"),
        ("ar", Decimal("300000"), f"300.000{NBSP}درهم"),
        ("ar", Decimal("1050.50"), f"1.050,50{NBSP}درهم"),
        ("en", Decimal("300000"), f"300,000{NBSP}MAD"),
        ("en", "1050.5", f"1,050.50{NBSP}MAD"),
        ("fr", 0, f"0{NBSP}MAD"),
    ],
)
def test_amounts_in_dirhams_read_as_each_language_writes_them(language, amount, expected):
    assert _in(language, formats.format_money, amount) == expected


@pytest.mark.parametrize(
    "language, value, decimals, expected",
    [
        ("fr", 1234567, None, f"1{NNBSP}234{NNBSP}567"),
        ("ar", 1234567, None, "1.234.567"),
        ("en", 1234567, None, "1,234,567"),
        ("fr", Decimal("2.5"), 1, "2,5"),
        ("ar", Decimal("2.5"), 1, "2,5"),
        ("en", Decimal("2.5"), 1, "2.5"),
    ],
)
def test_numbers_are_grouped_the_readers_way(language, value, decimals, expected):
    assert _in(language, formats.format_number, value, decimals) == expected


@pytest.mark.parametrize(
    "language, style, expected",
    [
        ("fr", "short", "3 juil. 2026"),
        ("fr", "long", "3 juillet 2026"),
        ("fr", "weekday", "vendredi 3 juillet 2026"),
        ("fr", "day_month", "3 juil."),
        ("fr", "month", "juil. 2026"),
        ("ar", "short", "3 يوليوز 2026"),
        ("ar", "long", "3 يوليوز 2026"),
        ("ar", "weekday", "الجمعة، 3 يوليوز 2026"),
        ("en", "short", "Jul 3, 2026"),
        ("en", "long", "July 3, 2026"),
        ("en", "weekday", "Friday, July 3, 2026"),
    ],
)
def test_dates_name_the_month(language, style, expected):
    assert _in(language, formats.format_date, datetime.date(2026, 7, 3), style) == expected


def test_the_first_of_the_month_is_an_ordinal_in_french():
    first = datetime.date(2026, 7, 1)
    assert _in("fr", formats.format_date, first, "long") == "1er juillet 2026"
    assert _in("fr", formats.format_date, first, "weekday") == "mercredi 1er juillet 2026"
    assert _in("en", formats.format_date, first, "long") == "July 1, 2026"


def test_june_and_july_never_share_an_abbreviation_in_french():
    june = _in("fr", formats.format_date, datetime.date(2026, 6, 3))
    july = _in("fr", formats.format_date, datetime.date(2026, 7, 3))
    assert (june, july) == ("3 juin 2026", "3 juil. 2026")


@pytest.mark.parametrize(
    "language, expected",
    [
        ("fr", "3 juil. 2026 à 14:05"),
        ("ar", "3 يوليوز 2026 على الساعة 14:05"),
        ("en", "Jul 3, 2026, 14:05"),
    ],
)
def test_an_instant_is_written_on_moroccos_wall_clock(language, expected):
    assert _in(language, formats.format_datetime, AFTERNOON) == expected


def test_an_instant_stored_as_iso_text_is_written_for_the_reader():
    assert _in("fr", formats.format_datetime, AFTERNOON.isoformat()) == "3 juil. 2026 à 14:05"
    # Notifications written before the change hold an already formatted date: shown as is.
    assert _in("fr", formats.format_datetime, "03/07/2026 14:05") == "03/07/2026 14:05"


@pytest.mark.parametrize(
    "language, expected",
    [("fr", "heure du Maroc"), ("ar", "بتوقيت المغرب"), ("en", "Morocco time")],
)
def test_the_time_zone_is_named_as_people_say_it(language, expected):
    assert _in(language, formats.time_zone_label) == expected


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Agadir", "d\u2019Agadir"),
        ("Oujda", "d\u2019Oujda"),
        ("Errachidia", "d\u2019Errachidia"),
        ("Casablanca", "de Casablanca"),
        ("Fès", "de Fès"),
    ],
)
def test_french_elides_de_before_a_vowel(name, expected):
    assert formats.de_place(name) == expected


@pytest.mark.parametrize(
    "value, is_ltr",
    [
        ("+212 6 61 23 45 67", True),
        ("06 12 34 56 78", True),
        ("CR-2026-000005", True),
        ("TM-2026-000012", True),
        ("CO-2026-000001", True),
        ("salma@example.org", True),
        ("https://carres.ma/ar/", True),
        ("سلمى بناني", False),
        ("3 juil. 2026", False),
        ("Casablanca", False),
    ],
)
def test_phones_references_emails_and_addresses_are_told_apart_from_words(value, is_ltr):
    assert bidi.is_ltr_token(value) is is_ltr


def _render(source, language, **context):
    with translation.override(language):
        return Template("{% load formats %}" + source).render(Context(context))


def test_an_amount_in_a_page_is_isolated_so_arabic_keeps_its_order():
    html = _render("{{ amount|money }}", "ar", amount=Decimal("300000"))
    assert html == f"<bdi>300.000{NBSP}درهم</bdi>"


def test_an_amount_in_a_plain_text_email_has_no_markup():
    text = _render("{% autoescape off %}{{ amount|money }}{% endautoescape %}", "fr", amount=300000)
    assert text == f"300{NNBSP}000{NBSP}MAD"


def test_a_label_colon_follows_french_typography():
    assert _render("Référence{% colon %}", "fr") == f"Référence{NBSP}:"
    assert _render("Reference{% colon %}", "en") == "Reference:"


def test_a_bilingual_document_writes_each_side_in_its_own_language():
    day = datetime.date(2026, 8, 1)
    assert _render('{{ d|day:"long fr" }} / {{ d|day:"long ar" }}', "fr", d=day) == (
        "1er août 2026 / 1 غشت 2026"
    )


@pytest.mark.parametrize(
    "language, expected",
    [("fr", "vendredi 3 juillet"), ("ar", "الجمعة، 3 يوليوز"), ("en", "Friday, July 3")],
)
def test_a_day_of_the_coming_weeks_names_the_weekday_in_full(language, expected):
    assert _in(language, formats.format_date, datetime.date(2026, 7, 3), "weekday_day_month") == (
        expected
    )


def test_a_search_time_stored_as_iso_text_reads_as_a_day():
    assert _in("ar", formats.format_date, "2026-12-07T01:05:00+00:00") == "7 دجنبر 2026"


@pytest.mark.parametrize(
    "language, expected",
    [
        ("fr", "vendredi 3 juillet 2026, de 14:05 à 15:05"),
        ("ar", "الجمعة، 3 يوليوز 2026، من 14:05 إلى 15:05"),
        ("en", "Friday, July 3, 2026, from 14:05 to 15:05"),
    ],
)
def test_a_meeting_names_its_day_and_hours(language, expected):
    end = AFTERNOON + datetime.timedelta(hours=1)
    assert _in(language, formats.format_span, AFTERNOON, end) == expected


@pytest.mark.parametrize(
    "value, direction",
    [
        ("12 rue des Arts, Casablanca", "ltr"),
        ("12 زنقة الفنون، الدار البيضاء", "rtl"),
        ("2026", None),
    ],
)
def test_a_text_takes_the_direction_of_its_first_letter(value, direction):
    assert bidi.text_direction(value) == direction


def test_the_figures_chart_names_june_and_july_apart():
    from hubs.figures_charts import line_chart

    months = [datetime.date(2026, 6, 1), datetime.date(2026, 7, 1)]
    with translation.override("fr"):
        chart = line_chart(months=months, series=[("Demandes", [1, 2])], rtl=False)
    assert [m["label"] for m in chart["months"]] == ["juin 2026", "juil. 2026"]
