"""Appointments held, cancelled and missed, counted per hub and month for the network figures."""

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from .models import Appointment
from .network_figures import (
    CountSeries,
    FigureScope,
    ProvidedFigures,
    month_of,
    register_network_figures_provider,
)

SECTION = _("Appointments")
STATUS_SERIES = {
    Appointment.Status.HELD: ("appointments_held", _("Appointments held")),
    Appointment.Status.CANCELLED: ("appointments_cancelled", _("Appointments cancelled")),
    Appointment.Status.NO_SHOW: ("appointments_no_show", _("No-shows")),
}


def appointment_figures(scope: FigureScope) -> ProvidedFigures:
    appointments = Appointment.objects.filter(
        starts_at__gte=scope.start_at,
        starts_at__lt=scope.end_at,
        status__in=list(STATUS_SERIES),
    )
    if scope.hub_ids is not None:
        appointments = appointments.filter(hub_id__in=scope.hub_ids)
    series = {
        status: CountSeries(
            key=key,
            label=label,
            section=SECTION,
            annual_key="appointments_held" if status == Appointment.Status.HELD else "",
        )
        for status, (key, label) in STATUS_SERIES.items()
    }
    rows = (
        appointments.annotate(month=TruncMonth("starts_at"))
        .values("hub_id", "status", "month")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        series[row["status"]].rows.append((row["hub_id"], month_of(row["month"]), row["n"]))
    return ProvidedFigures(counts=list(series.values()))


def register() -> None:
    register_network_figures_provider(appointment_figures, order=20)
