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

from django.core.exceptions import EmptyResultSet
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
# percentile_cont over the ORM's own query: one query whatever the number of cases. The SQL
# below splices only that query and our column names; values stay parameters.

PERCENTILES = (0.5, 0.9)


def _percentiles_sql(inner_sql: str, columns, base: str) -> str:
    parts = []
    for column in columns:
        diff = f'EXTRACT(EPOCH FROM (t."{column}" - t."{base}"))'
        parts.append(f'COUNT(t."{column}")')
        parts += [
            f"percentile_cont({p}) WITHIN GROUP (ORDER BY {diff})" for p in PERCENTILES
        ]  # fmt: skip
    # Column names are ours and inner_sql comes from the ORM with its values as parameters.
    return f"SELECT {', '.join(parts)} FROM ({inner_sql}) t"  # noqa: S608


def duration_percentiles(queryset, *, base: str, columns: list[str]):
    """Median and 90th percentile of `column - base` over the rows of `queryset`, per column.

    `queryset` yields one row per case with timestamps named `base` and each of `columns`
    (NULL when the case has not reached that milestone). Answers
    {column: (reached, median, p90)} with timedeltas, in one query.
    """
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        # A scope with no hub (a region whose hubs are not open yet): Django knows without
        # asking the database that nothing matches, and says so by raising.
        return dict.fromkeys(columns, (0, None, None))
    result = {}
    with connection.cursor() as cursor:
        cursor.execute(_percentiles_sql(sql, columns, base), params)
        row = cursor.fetchone()
    for i, column in enumerate(columns):
        reached, *values = row[i * 3 : i * 3 + 3]
        result[column] = (reached, *(_seconds(v) for v in values))
    return result


def _seconds(value) -> datetime.timedelta | None:
    if value is None:
        return None
    return datetime.timedelta(seconds=round(float(value)))
