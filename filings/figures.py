"""What the network's figures know from filings: requests received and completed, the time to
each milestone, certificats négatifs, pre-filings per Nice class and their similarity risk.

Counts are read from the case history (`CaseEvent`, which carries the hub); delays, risks and
classes from `FilingMilestones`, one row per request or pre-filing (a case may hold several
pre-filings), kept by the services with each transition.
"""

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, DateField, Exists, OuterRef
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from hubs.network_figures import (
    Breakdown,
    CountSeries,
    Delay,
    FigureScope,
    ProvidedFigures,
    counts_per_hub_and_month,
    duration_percentiles,
    month_of,
    register_network_figures_provider,
)

from .models import CaseEvent, CompanyStatus, FilingMilestones, PreFilingStatus, TrademarkPreFiling

COMPANY, TRADEMARK = "company_request", "trademark_prefiling"
COMPANY_SECTION = _("Company creation")
TRADEMARK_SECTION = _("Trademarks")

# (subject, from_status or None for any, to_status) -> series. A first submission is the move
# out of the draft: a request sent back after an information request is not received twice.
TRANSITION_SERIES = {
    (COMPANY, CompanyStatus.DRAFT, CompanyStatus.SUBMITTED): (
        "company_requests_received", _("Company requests received"), COMPANY_SECTION,
        "requests_handled",
    ),
    (COMPANY, None, CompanyStatus.COMPANY_CREATED): (
        "companies_created", _("Companies created"), COMPANY_SECTION, "",
    ),
    (COMPANY, None, CompanyStatus.CERTIFICATE_OBTAINED): (
        "certificates_obtained", _("Certificats négatifs obtained"), COMPANY_SECTION, "",
    ),
    (COMPANY, None, CompanyStatus.CERTIFICATE_REFUSED): (
        "certificates_refused", _("Certificats négatifs refused"), COMPANY_SECTION, "",
    ),
    (TRADEMARK, PreFilingStatus.DRAFT, PreFilingStatus.SUBMITTED): (
        "prefilings_received", _("Trademark pre-filings received"), TRADEMARK_SECTION,
        "requests_handled",
    ),
    (TRADEMARK, None, PreFilingStatus.APPROVED): (
        "prefilings_approved", _("Trademark pre-filings approved"), TRADEMARK_SECTION, "",
    ),
}  # fmt: skip

# milestone key -> (column of FilingMilestones, label)
COMPANY_MILESTONES = {
    "certificate_requested": ("certificate_requested_at", _("Certificat négatif requested")),
    "certificate_obtained": ("certificate_obtained_at", _("Certificat négatif obtained")),
    "certificate_refused": ("certificate_refused_at", _("Certificat négatif refused")),
    "company_created": ("company_created_at", _("Company created")),
}
TRADEMARK_MILESTONES = {
    "first_review": ("first_review_at", _("First review by an advisor")),
    "approved": ("approved_at", _("Pre-filing approved")),
}


def _in_scope(rows, scope: FigureScope):
    return rows if scope.hub_ids is None else rows.filter(hub_id__in=scope.hub_ids)


def _counts(scope: FigureScope) -> list[CountSeries]:
    series = {
        rule: CountSeries(key=key, label=label, section=section, annual_key=annual)
        for rule, (key, label, section, annual) in TRANSITION_SERIES.items()
    }
    # Events carry their case's hub: one scan of the partial index of the counted moves, no
    # join. The few moves that match no series (a request sent back in) are grouped, then left.
    rows = (
        _in_scope(CaseEvent.objects.filter(kind="transition"), scope)
        .filter(
            subject__in={subject for subject, _from, _to in TRANSITION_SERIES},
            to_status__in={to_status for _subject, _from, to_status in TRANSITION_SERIES},
            at__gte=scope.start_at,
            at__lt=scope.end_at,
        )
        .annotate(month=TruncMonth("at", output_field=DateField()))
        .values("hub_id", "subject", "from_status", "to_status", "month")
        .annotate(n=Count("*"))
        .order_by()
    )
    for row in rows:
        subject, to_status = row["subject"], row["to_status"]
        target = series.get((subject, row["from_status"], to_status)) or series.get(
            (subject, None, to_status)
        )
        if target is not None:
            target.rows.append((row["hub_id"], month_of(row["month"]), row["n"]))
    return list(series.values())


def _submitted(scope: FigureScope, subject: str):
    """The cohort: requests or pre-filings first submitted in the period, one row each."""
    return _in_scope(
        FilingMilestones.objects.filter(
            subject=subject, submitted_at__gte=scope.start_at, submitted_at__lt=scope.end_at
        ),
        scope,
    )


def _delays(scope: FigureScope, subject: str, milestones: dict, section) -> list[Delay]:
    columns = [column for column, _label in milestones.values()]
    rows = _submitted(scope, subject).values("submitted_at", *columns).order_by()
    found = duration_percentiles(rows, base="submitted_at", columns=columns)
    return [
        Delay(key=f"{subject}:{key}", label=label, section=section, reached=found[column][0],
              median=found[column][1], p90=found[column][2])
        for key, (column, label) in milestones.items()
    ]  # fmt: skip


def _high_risk(scope: FigureScope) -> CountSeries:
    high = TrademarkPreFiling.objects.filter(
        pk=OuterRef("item_id"), similarity_report__highest_risk="high"
    )
    return CountSeries(
        key="prefilings_high_risk",
        label=_("Pre-filings with a high similarity risk"),
        section=TRADEMARK_SECTION,
        rows=counts_per_hub_and_month(
            _submitted(scope, TRADEMARK).filter(Exists(high)), "submitted_at"
        ),
    )


def _per_class(scope: FigureScope) -> Breakdown:
    return Breakdown(
        key="prefilings_per_class",
        title=_("Trademark pre-filings per Nice class"),
        section=TRADEMARK_SECTION,
        columns=[_("Nice class"), _("Pre-filings"), _("High similarity risk")],
        rows=_per_class_rows(scope),
    )


def _per_class_rows(scope: FigureScope) -> list[list]:
    """Pre-filings per Nice class, unnesting the JSON list of classes in the database."""
    try:
        ids_sql, params = _submitted(scope, TRADEMARK).values("item_id").query.sql_with_params()
    except EmptyResultSet:
        # A scope with no hub (a region whose hubs are not open yet): Django knows without
        # asking the database that nothing matches, and says so by raising.
        return []
    table = TrademarkPreFiling._meta.db_table
    # Only our table name and the ORM's own SQL are spliced in; values travel as parameters.
    counted = (
        "c.value::int, COUNT(*), "
        "COUNT(*) FILTER (WHERE tp.similarity_report->>'highest_risk' = 'high')"
    )
    classes = "CROSS JOIN LATERAL jsonb_array_elements_text(tp.classes) c(value)"
    where = f"tp.id IN ({ids_sql})"
    # S608: table and SQL fragments are ours; the ids query keeps its values as parameters.
    sql = f"SELECT {counted} FROM {table} tp {classes} WHERE {where} GROUP BY 1 ORDER BY 1"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [list(row) for row in cursor.fetchall()]


def filings_figures(scope: FigureScope) -> ProvidedFigures:
    return ProvidedFigures(
        counts=[*_counts(scope), _high_risk(scope)],
        delays=[
            *_delays(scope, COMPANY, COMPANY_MILESTONES, COMPANY_SECTION),
            *_delays(scope, TRADEMARK, TRADEMARK_MILESTONES, TRADEMARK_SECTION),
        ],
        breakdowns=[_per_class(scope)],
    )


def register() -> None:
    register_network_figures_provider(filings_figures, order=10)
