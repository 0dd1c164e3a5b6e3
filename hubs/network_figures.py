"""The network's figures: what each app knows, counted by the database, for one hub, one region
or the whole network.

`hubs` sits below `filings` and `cms`, which own requests, pre-filings and events: each app
registers a provider from its AppConfig.ready(); this module asks them all and rolls their
answers up by month and by region or hub. A provider is `provider(scope) -> ProvidedFigures`
and must answer with database aggregations (a few rows per hub and month), never by loading
the rows it counts. The annual label report takes its figures from here too.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone


@dataclass(frozen=True)
class FigureScope:
    """Which hubs (None: the whole network, network-wide events included) and which days."""

    hub_ids: tuple[int, ...] | None
    start: datetime.date  # included
    end: datetime.date  # excluded

    @property
    def start_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.start, datetime.time.min))

    @property
    def end_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.end, datetime.time.min))


@dataclass
class CountSeries:
    """A count per hub and month: rows are (hub_id or None, first day of the month, n)."""

    key: str
    label: str
    section: str
    rows: list[tuple[int | None, datetime.date, int]] = field(default_factory=list)
    # The line of the annual label report this count fills, if any (labelling_figures).
    annual_key: str = ""


@dataclass
class Delay:
    """How long it took from a start (the submission) to a milestone, for those that reached it."""

    key: str
    label: str
    section: str
    reached: int
    median: datetime.timedelta | None
    p90: datetime.timedelta | None

    @property
    def median_days(self) -> float | None:
        return _days(self.median)

    @property
    def p90_days(self) -> float | None:
        return _days(self.p90)


def _days(delta: datetime.timedelta | None) -> float | None:
    return None if delta is None else round(delta.total_seconds() / 86400, 1)


@dataclass
class Breakdown:
    """A small table the provider computed whole (e.g. pre-filings per Nice class)."""

    key: str
    title: str
    section: str
    columns: list[str]
    rows: list[list]


@dataclass
class ProvidedFigures:
    counts: list[CountSeries] = field(default_factory=list)
    delays: list[Delay] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)


# provider -> order: the dashboard shows the providers' figures in this order.
_providers: dict[Callable[[FigureScope], ProvidedFigures], int] = {}


def register_network_figures_provider(
    provider: Callable[[FigureScope], ProvidedFigures], *, order: int = 100
) -> None:
    _providers[provider] = order


def unregister_network_figures_provider(provider) -> None:
    _providers.pop(provider, None)


def network_figures_providers() -> list:
    return sorted(_providers, key=lambda provider: _providers[provider])


def network_figures(scope: FigureScope) -> ProvidedFigures:
    merged = ProvidedFigures()
    for provider in network_figures_providers():
        provided = provider(scope)
        merged.counts += provided.counts
        merged.delays += provided.delays
        merged.breakdowns += provided.breakdowns
    return merged


def month_of(value) -> datetime.date:
    """TruncMonth answers a date on some backends and a datetime on others."""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.date().replace(day=1)
    return value.replace(day=1)


def counts_per_hub_and_month(queryset, column: str, count=None) -> list[tuple]:
    """(hub id, month, count) rows of a queryset that has a hub_id, counted by the database."""
    rows = (
        queryset.annotate(month=TruncMonth(column))
        .values("hub_id", "month")
        .annotate(n=count or Count("*"))
        .order_by()
    )
    return [(row["hub_id"], month_of(row["month"]), row["n"]) for row in rows]


def months_between(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """First days of the months that the days [start, end) touch."""
    months, month = [], start.replace(day=1)
    while month < end:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


# Percentiles -------------------------------------------------------------------------------
#
# PostgreSQL has percentile_cont; SQLite (the embedded default) has no percentile at all, so
# there we rank the values with window functions and interpolate between the two ranks around
# the wanted position, which is exactly percentile_cont's definition: position (n - 1) * p.
# The SQL below splices only the ORM's own query and our column names; values are parameters.

PERCENTILES = (0.5, 0.9)


def _epoch_diff(column: str, base: str, vendor: str) -> str:
    if vendor == "postgresql":
        return f'EXTRACT(EPOCH FROM (t."{column}" - t."{base}"))'
    return f'(julianday(t."{column}") - julianday(t."{base}")) * 86400.0'


def _percentiles_aggregate(inner_sql: str, columns, base: str) -> str:
    parts = []
    for column in columns:
        diff = _epoch_diff(column, base, "postgresql")
        parts.append(f'COUNT(t."{column}")')
        parts += [
            f"percentile_cont({p}) WITHIN GROUP (ORDER BY {diff})" for p in PERCENTILES
        ]  # fmt: skip
    # Column names are ours and inner_sql comes from the ORM with its values as parameters.
    return f"SELECT {', '.join(parts)} FROM ({inner_sql}) t"  # noqa: S608


def _percentiles_window(inner_sql: str, columns, base: str, vendor: str) -> str:
    # S608 below: column names and percentiles are our constants; values stay parameters.
    floor = "FLOOR({})" if vendor == "postgresql" else "CAST({} AS INTEGER)"
    values = " UNION ALL ".join(
        f"SELECT {i} AS k, {_epoch_diff(column, base, vendor)} AS v "  # noqa: S608
        f'FROM ({inner_sql}) t WHERE t."{column}" IS NOT NULL'
        for i, column in enumerate(columns)
    )
    wanted = " UNION ALL ".join(f"SELECT {p} AS p" for p in PERCENTILES)
    position = "(r.n - 1) * w.p"
    low = floor.format(position)
    return (
        f"WITH d AS ({values}), "  # noqa: S608
        "r AS (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v) - 1 AS i, "
        "COUNT(*) OVER (PARTITION BY k) AS n FROM d) "
        f"SELECT r.k, w.p, r.n, MIN(r.v) + ({position} - {low}) * (MAX(r.v) - MIN(r.v)) "
        f"FROM r CROSS JOIN ({wanted}) w "
        f"WHERE r.i = {low} OR (r.i = {low} + 1 AND {position} > {low}) "
        "GROUP BY r.k, w.p, r.n"
    )


def duration_percentiles(queryset, *, base: str, columns: list[str], method: str | None = None):
    """Median and 90th percentile of `column - base` over the rows of `queryset`, per column.

    `queryset` yields one row per case with timestamps named `base` and each of `columns`
    (NULL when the case has not reached that milestone). Answers
    {column: (reached, median, p90)} with timedeltas, in one query.
    """
    vendor = connection.vendor
    method = method or ("aggregate" if vendor == "postgresql" else "window")
    sql, params = queryset.query.sql_with_params()
    result = dict.fromkeys(columns, (0, None, None))
    with connection.cursor() as cursor:
        if method == "aggregate":
            cursor.execute(_percentiles_aggregate(sql, columns, base), params)
            row = cursor.fetchone()
            for i, column in enumerate(columns):
                reached, *values = row[i * 3 : i * 3 + 3]
                result[column] = (reached, *(_seconds(v) for v in values))
        else:
            repeated = list(params) * len(columns)
            cursor.execute(_percentiles_window(sql, columns, base, vendor), repeated)
            found: dict[str, dict] = {}
            for k, p, n, value in cursor.fetchall():
                found.setdefault(columns[k], {"n": n})[float(p)] = _seconds(value)
            for column, values in found.items():
                result[column] = (values["n"], *(values.get(p) for p in PERCENTILES))
    return result


def _seconds(value) -> datetime.timedelta | None:
    if value is None:
        return None
    return datetime.timedelta(seconds=round(float(value)))
