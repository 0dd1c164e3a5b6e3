"""The network's dashboards: national, per region, per hub, and their exports."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.roles import is_office_staff

from ..figures_charts import bar_chart, line_chart
from ..figures_export import dashboard_csv, dashboard_xlsx
from ..figures_selectors import (
    HUB,
    NATIONAL,
    REGION,
    can_read_figures,
    dashboard_build,
    figures_hubs_managed,
    figures_target_for_user,
)
from ..forms_figures import figures_period_form

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_GET
@login_required
def national(request):
    if not can_read_figures(request.user):
        raise PermissionDenied
    if not is_office_staff(request.user):
        hubs = list(figures_hubs_managed(user=request.user))
        if len(hubs) == 1:
            return redirect("hubs:figures_hub", slug=hubs[0].slug)
        return render(request, "hubs/figures/choose_hub.html", {"hubs": hubs})
    return _dashboard(request)


@require_GET
@login_required
def region(request, code):
    return _dashboard(request, region_code=code)


@require_GET
@login_required
def hub(request, slug):
    return _dashboard(request, hub_slug=slug)


@require_GET
@login_required
def national_export(request, fmt):
    return _export(request, fmt)


@require_GET
@login_required
def region_export(request, code, fmt):
    return _export(request, fmt, region_code=code)


@require_GET
@login_required
def hub_export(request, slug, fmt):
    return _export(request, fmt, hub_slug=slug)


def _urls(target) -> dict:
    if target.level == HUB:
        args = {"slug": target.hub.slug}
        page, export = "hubs:figures_hub", "hubs:figures_hub_export"
    elif target.level == REGION:
        args = {"code": target.region_code}
        page, export = "hubs:figures_region", "hubs:figures_region_export"
    else:
        args, page, export = {}, "hubs:figures", "hubs:figures_export"
    return {
        "page": reverse(page, kwargs=args),
        "csv": reverse(export, kwargs={**args, "fmt": "csv"}),
        "xlsx": reverse(export, kwargs={**args, "fmt": "xlsx"}),
    }


def _dashboard(request, **where):
    target = figures_target_for_user(user=request.user, **where)
    form = figures_period_form(request.GET)
    context = {"target": target, "form": form, "urls": _urls(target), "dashboard": None}
    if form.is_valid():
        dashboard = dashboard_build(
            target=target, start=form.cleaned_data["start"], end=form.cleaned_data["end"]
        )
        rtl = get_language_bidi()
        place_url = "hubs:figures_region" if target.level == NATIONAL else "hubs:figures_hub"
        context.update(
            dashboard=dashboard,
            query=urlencode({key: form.cleaned_data[key].isoformat() for key in ("start", "end")}),
            charts=[
                {
                    "title": section,
                    "lines": lines,
                    "svg": line_chart(
                        months=dashboard.months,
                        series=[(line.label, line.per_month) for line in lines],
                        rtl=rtl,
                    ),
                }
                for section, lines in dashboard.sections()
            ],
            bars=bar_chart(
                groups=[g[:2] for g in dashboard.groups],
                values=dashboard.requests_received_per_group(),
                rtl=rtl,
            )
            if dashboard.groups
            else None,
            group_heading=_("Region") if target.level == NATIONAL else _("Hub"),
            group_lines=[
                (
                    label,
                    reverse(place_url, args=[arg]),
                    [line.per_group.get(group, 0) for line in dashboard.counts],
                )
                for group, label, arg in dashboard.groups
            ],
        )
    return render(request, "hubs/figures/dashboard.html", context)


def _export(request, fmt, **where):
    target = figures_target_for_user(user=request.user, **where)
    form = figures_period_form(request.GET)
    if not form.is_valid():
        errors = "; ".join(str(e) for errors in form.errors.values() for e in errors)
        return HttpResponseBadRequest(errors, content_type="text/plain; charset=utf-8")
    dashboard = dashboard_build(
        target=target, start=form.cleaned_data["start"], end=form.cleaned_data["end"]
    )
    stem = "figures-{}-{}-{}".format(
        (target.hub.slug if target.hub else target.region_code or "national"),
        dashboard.start.isoformat(),
        dashboard.end.isoformat(),
    )
    if fmt == "csv":
        # A byte-order mark so that Excel opens the UTF-8 file with its accents and Arabic.
        response = HttpResponse("\ufeff" + dashboard_csv(dashboard), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{stem}.csv"'
        return response
    response = HttpResponse(dashboard_xlsx(dashboard), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{stem}.xlsx"'
    return response
