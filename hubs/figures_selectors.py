"""Who may read which dashboard, and the dashboard itself, rolled up from the network figures.

Office staff read the whole network, any region and any hub; a hub manager reads the hubs
they manage. The roll-up works on the providers' aggregated rows (a few per hub and month),
never on the rows they counted.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role, is_hub_manager, is_office_staff
from core.regions import RegionCode

from .models import Hub, Membership
from .network_figures import FigureScope, months_between, network_figures

NATIONAL, REGION, HUB = "national", "region", "hub"


@dataclass(frozen=True)
class DashboardTarget:
    level: str
    title: str
    hub_ids: tuple[int, ...] | None
    region_code: str = ""
    hub: Hub | None = None


def can_read_figures(user) -> bool:
    return is_office_staff(user) or is_hub_manager(user)


def figures_hubs_managed(*, user):
    return Hub.objects.filter(memberships__user=user, memberships__role=Role.HUB_MANAGER).distinct()


def figures_target_for_user(*, user, region_code: str = "", hub_slug: str = "") -> DashboardTarget:
    """The dashboard asked for, or PermissionDenied / Http404; national when nothing is named."""
    if hub_slug:
        hub = Hub.objects.select_related("chamber__region").filter(slug=hub_slug).first()
        if hub is None:
            raise Http404
        allowed = is_office_staff(user) or (
            is_hub_manager(user)
            and Membership.objects.filter(user=user, hub=hub, role=Role.HUB_MANAGER).exists()
        )
        if not allowed:
            raise PermissionDenied
        return DashboardTarget(level=HUB, title=hub.name, hub_ids=(hub.pk,), hub=hub)
    if not is_office_staff(user):
        raise PermissionDenied
    if region_code:
        if region_code not in RegionCode.values:
            raise Http404
        hub_ids = tuple(
            Hub.objects.filter(chamber__region__code=region_code).values_list("pk", flat=True)
        )
        return DashboardTarget(
            level=REGION,
            title=str(RegionCode(region_code).label),
            hub_ids=hub_ids,
            region_code=region_code,
        )
    return DashboardTarget(level=NATIONAL, title=str(_("The whole network")), hub_ids=None)


@dataclass
class CountLine:
    key: str
    label: str
    section: str
    total: int
    per_month: list[int]
    per_group: dict = field(default_factory=dict)
    annual_key: str = ""


@dataclass
class Dashboard:
    target: DashboardTarget
    start: datetime.date
    end: datetime.date  # included, as the person chose it
    months: list[datetime.date]
    counts: list[CountLine]
    delays: list
    breakdowns: list
    # (group id, label, what its own dashboard's URL takes) of the bars: regions or hubs.
    groups: list[tuple[object, str, str]]

    def sections(self) -> list[tuple[str, list[CountLine]]]:
        ordered: dict[str, list[CountLine]] = {}
        for line in self.counts:
            ordered.setdefault(line.section, []).append(line)
        return list(ordered.items())

    def requests_received_per_group(self) -> list[int]:
        received = [line for line in self.counts if line.annual_key == "requests_handled"]
        return [sum(line.per_group.get(g[0], 0) for line in received) for g in self.groups]


def dashboard_build(*, target: DashboardTarget, start: datetime.date, end: datetime.date):
    """The figures of `target` for the days start..end, both included."""
    scope = FigureScope(hub_ids=target.hub_ids, start=start, end=end + datetime.timedelta(days=1))
    provided = network_figures(scope)
    months = months_between(scope.start, scope.end)
    month_index = {month: i for i, month in enumerate(months)}
    group_of, groups = _groups(target)
    counts = []
    for series in provided.counts:
        per_month, per_group = [0] * len(months), {}
        for hub_id, month, n in series.rows:
            if month in month_index:
                per_month[month_index[month]] += n
            group = group_of.get(hub_id)
            if group is not None:
                per_group[group] = per_group.get(group, 0) + n
        counts.append(
            CountLine(
                key=series.key,
                label=str(series.label),
                section=str(series.section),
                total=sum(per_month),
                per_month=per_month,
                per_group=per_group,
                annual_key=series.annual_key,
            )
        )
    return Dashboard(
        target=target,
        start=start,
        end=end,
        months=months,
        counts=counts,
        delays=provided.delays,
        breakdowns=provided.breakdowns,
        groups=groups,
    )


def _groups(target: DashboardTarget):
    """Bars per region on the national dashboard, per hub on a region's; none for a hub."""
    if target.level == HUB:
        return {}, []
    hubs = Hub.objects.order_by("name").values_list("pk", "name", "slug", "chamber__region__code")
    if target.level == REGION:
        hubs = list(hubs.filter(chamber__region__code=target.region_code))
        return {h[0]: h[0] for h in hubs}, [(pk, name, slug) for pk, name, slug, _c in hubs]
    group_of = {pk: code for pk, _name, _slug, code in hubs}
    return group_of, [(code, str(label), code) for code, label in RegionCode.choices]
