"""Reads of the labelling workflow, each enforcing who may see what.

"A chamber" is whoever holds a hub-manager membership on one of its hubs: they speak for
that chamber and, when it is a regional CCIS, for its branch offices. Office staff see all.
Anything else answers 404, so nobody learns what exists outside their reach.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from accounts.roles import Role, is_office_staff

from .models import Chamber, Hub, Region
from .models.labelling import (
    AnnualReport,
    ApplicationEvidence,
    Label,
    LabelApplication,
)

Status = LabelApplication.Status


def chambers_user_speaks_for(*, user):
    if not getattr(user, "is_authenticated", False):
        return Chamber.objects.none()
    manages = {"hubs__memberships__user": user, "hubs__memberships__role": Role.HUB_MANAGER}
    of_parent = {
        "parent__hubs__memberships__user": user,
        "parent__hubs__memberships__role": Role.HUB_MANAGER,
    }
    return Chamber.objects.filter(Q(**manages) | Q(**of_parent)).distinct()


def hubs_user_may_apply_for(*, user):
    return Hub.objects.filter(
        chamber__in=chambers_user_speaks_for(user=user), is_active=True
    ).select_related("chamber")


def user_speaks_for_chamber(*, user, chamber_id: int) -> bool:
    return chambers_user_speaks_for(user=user).filter(pk=chamber_id).exists()


def application_list_for_user(*, user):
    queryset = LabelApplication.objects.select_related("hub", "chamber")
    if is_office_staff(user):
        return queryset
    return queryset.filter(chamber__in=chambers_user_speaks_for(user=user))


def application_get_for_user(*, user, public_id) -> LabelApplication:
    application = application_list_for_user(user=user).filter(public_id=public_id).first()
    if application is None:
        raise Http404
    return application


def evidence_get_for_user(*, user, application_public_id, public_id) -> ApplicationEvidence:
    application = application_get_for_user(user=user, public_id=application_public_id)
    evidence = application.evidence.filter(public_id=public_id).first()
    if evidence is None:
        raise Http404
    return evidence


def label_list_for_user(*, user):
    queryset = Label.objects.select_related("hub__chamber__region")
    if is_office_staff(user):
        return queryset
    return queryset.filter(hub__chamber__in=chambers_user_speaks_for(user=user))


def label_get_for_user(*, user, public_id) -> Label:
    label = label_list_for_user(user=user).filter(public_id=public_id).first()
    if label is None:
        raise Http404
    return label


# --- Public -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verification:
    found: bool
    state: str = ""  # valid, suspended, withdrawn, expired
    label: Label | None = None


def normalise_code(raw: str) -> str:
    cleaned = "".join(ch for ch in (raw or "").upper() if ch.isalnum())[:12]
    if len(cleaned) != 12:
        return ""
    return f"{cleaned[0:4]}-{cleaned[4:8]}-{cleaned[8:12]}"


def label_state_today(label: Label, *, today: datetime.date | None = None) -> str:
    """What the label is worth today, even before the nightly job marks it expired."""
    today = today or timezone.localdate()
    if label.status == Label.Status.WITHDRAWN:
        return "withdrawn"
    if label.status == Label.Status.EXPIRED or label.valid_until < today:
        return "expired"
    if label.status == Label.Status.SUSPENDED:
        return "suspended"
    return "valid"


def label_verify(*, code: str) -> Verification:
    normalised = normalise_code(code)
    if not normalised:
        return Verification(found=False)
    label = (
        Label.objects.select_related("hub__chamber__region")
        .filter(verification_code=normalised)
        .first()
    )
    if label is None:
        return Verification(found=False)
    return Verification(found=True, state=label_state_today(label), label=label)


def public_register():
    """Every hub that holds or held a label, with its current one (constant queries)."""
    from .selectors import hub_label_statuses

    hubs = list(
        Hub.objects.filter(labels__isnull=False)
        .distinct()
        .select_related("chamber__region")
        .order_by("chamber__region__code", "name")
    )
    statuses = hub_label_statuses(hub_ids=[hub.pk for hub in hubs])
    return [(hub, statuses[hub.pk]) for hub in hubs]


# --- Office dashboard -------------------------------------------------------------------------


def dashboard_figures(*, today: datetime.date | None = None) -> dict:
    """Aggregations for the office: a fixed number of queries whatever the volume."""
    from .services.labelling import add_months

    today = today or timezone.localdate()
    now = timezone.now()
    open_statuses = [Status.SUBMITTED, Status.IN_REVIEW, Status.SITE_VISIT, Status.CORRECTIONS]
    stage_rows = (
        LabelApplication.objects.filter(status__in=open_statuses)
        .values("status")
        .annotate(
            count=Count("id"),
            older_30=Count("id", filter=Q(status_changed_at__lt=now - datetime.timedelta(days=30))),
        )
    )
    by_stage = {row["status"]: row for row in stage_rows}
    stages = [
        {
            "status": status,
            "label": Status(status).label,
            "count": by_stage.get(status, {}).get("count", 0),
            "older_30": by_stage.get(status, {}).get("older_30", 0),
        }
        for status in open_statuses
    ]
    queue = list(
        LabelApplication.objects.filter(status__in=open_statuses)
        .select_related("hub", "chamber")
        .order_by("status_changed_at")[:50]
    )
    expiring = list(
        Label.objects.filter(
            status__in=Label.CURRENT,
            valid_until__gte=today,
            valid_until__lte=today + datetime.timedelta(days=90),
        )
        .select_related("hub")
        .order_by("valid_until")
    )
    # Reports due: one per full year since the start. Labels are few (a few dozen), so the
    # periods are computed per label from one query of labels and one of report counts.
    current = list(
        Label.objects.filter(status__in=Label.CURRENT)
        .select_related("hub")
        .annotate(reports=Count("annual_reports"))
    )
    reports_missing = []
    for label in current:
        due = 0
        while add_months(label.valid_from, 12 * (due + 1)) <= min(today, label.valid_until):
            due += 1
        if due > label.reports:
            reports_missing.append((label, due - label.reports))
    per_region = list(
        Region.objects.annotate(
            labelled=Count(
                "chambers__hubs__labels",
                filter=Q(
                    chambers__hubs__labels__status=Label.Status.ACTIVE,
                    chambers__hubs__labels__valid_until__gte=today,
                ),
                distinct=True,
            ),
            suspended=Count(
                "chambers__hubs__labels",
                filter=Q(chambers__hubs__labels__status=Label.Status.SUSPENDED),
                distinct=True,
            ),
        ).order_by("code")
    )
    pilot_due = sorted(
        (
            (label, pilot_evaluation_date(label))
            for label in current
            if label.phase == Label.Phase.PILOT
            and pilot_evaluation_date(label) <= today + datetime.timedelta(days=60)
        ),
        key=lambda pair: pair[1],
    )
    max_region = max([region.labelled + region.suspended for region in per_region] or [0]) or 1
    return {
        "stages": stages,
        "queue": queue,
        "expiring": expiring,
        "reports_missing": reports_missing,
        "per_region": per_region,
        "max_region": max_region,
        "pilot_due": pilot_due,
        "today": today,
        "now": now,
    }


def annual_reports_of(label: Label):
    return AnnualReport.objects.filter(label=label).select_related("submitted_by")


def pilot_evaluation_date(label: Label) -> datetime.date | None:
    from .services.labelling import add_months

    if label.phase != Label.Phase.PILOT or not label.pilot_months:
        return None
    return add_months(label.valid_from, label.pilot_months)
