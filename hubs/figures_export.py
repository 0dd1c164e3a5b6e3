"""The dashboard as a CSV file or an Excel workbook, with the period the person filtered on.

A spreadsheet runs a cell that starts with =, +, - or @ as a formula: every text cell that
could (a hub's name is typed by people) is prefixed with an apostrophe, and XlsxWriter is told
never to turn strings into formulas or links.
"""

import csv
import io

import xlsxwriter
from django.utils.formats import date_format
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _blank(value):
    return "" if value is None else value


def dashboard_sheets(dashboard) -> list[tuple[str, list[list]]]:
    """The dashboard as named tables of rows, first row the header."""
    months = [date_format(month, "Y-m") for month in dashboard.months]
    counts = [[_("Figure"), _("Section"), *months, _("Total")]]
    counts += [[line.label, line.section, *line.per_month, line.total] for line in dashboard.counts]
    delays = [[_("Milestone"), _("Section"), _("Reached"), _("Median (days)"),
               _("90th percentile (days)")]]  # fmt: skip
    delays += [
        [str(d.label), str(d.section), d.reached, _blank(d.median_days), _blank(d.p90_days)]
        for d in dashboard.delays
    ]
    sheets = [(_("Per month"), counts), (_("Delays"), delays)]
    for breakdown in dashboard.breakdowns:
        rows = [[str(c) for c in breakdown.columns], *breakdown.rows]
        sheets.append((str(breakdown.title), rows))
    if dashboard.groups:
        per_group = [[_("Where"), *(line.label for line in dashboard.counts)]]
        per_group += [
            [label, *(line.per_group.get(group, 0) for line in dashboard.counts)]
            for group, label, _arg in dashboard.groups
        ]
        sheets.append((_("Per place"), per_group))
    return sheets


def _period_row(dashboard) -> list[str]:
    return [
        dashboard.target.title,
        _("From %(start)s to %(end)s")
        % {"start": dashboard.start.isoformat(), "end": dashboard.end.isoformat()},
    ]


def dashboard_csv(dashboard) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([safe_cell(c) for c in _period_row(dashboard)])
    for title, rows in dashboard_sheets(dashboard):
        writer.writerow([])
        writer.writerow([safe_cell(title)])
        writer.writerows([safe_cell(c) for c in row] for row in rows)
    return out.getvalue()


def dashboard_xlsx(dashboard) -> bytes:
    out = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    workbook = xlsxwriter.Workbook(out, options)
    bold = workbook.add_format({"bold": True})
    for index, (title, rows) in enumerate(dashboard_sheets(dashboard)):
        # Sheet names: 31 characters at most, unique, none of []:*?/\
        name = "".join(c for c in title if c not in "[]:*?/\\")[:28] or "sheet"
        sheet = workbook.add_worksheet(f"{index + 1} {name}"[:31])
        if get_language_bidi():
            sheet.right_to_left()
        sheet.write_row(0, 0, [safe_cell(c) for c in _period_row(dashboard)], bold)
        for r, row in enumerate(rows, start=2):
            sheet.write_row(r, 0, [safe_cell(c) for c in row], bold if r == 2 else None)
        sheet.set_column(0, 0, 36)
    workbook.close()
    return out.getvalue()
