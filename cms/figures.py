"""Events the hubs ran and the registrations they received, for the network figures.

An event belongs to the hub whose page it sits under (network-wide events sit under the
event index and count only nationally); an event and its translations are one event.
"""

from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubs.network_figures import (
    CountSeries,
    FigureScope,
    ProvidedFigures,
    counts_per_hub_and_month,
    register_network_figures_provider,
)

from .models import EventPage, EventRegistration, HubPage

SECTION = _("Events")
PATH_STEP = 4  # treebeard: each level of the page tree adds four characters to the path


def _events_with_hub():
    parent_hub = HubPage.objects.filter(path=OuterRef("parent_path")).values("hub_id")[:1]
    return EventPage.objects.annotate(
        parent_path=Substr("path", 1, Length("path") - Value(PATH_STEP))
    ).annotate(hub_id=Subquery(parent_hub))


def _in_scope(queryset, scope: FigureScope, field: str = "hub_id"):
    if scope.hub_ids is None:
        return queryset
    return queryset.filter(**{f"{field}__in": scope.hub_ids})


def _events_run(scope: FigureScope) -> CountSeries:
    window_end = min(timezone.now(), scope.end_at)
    events = _in_scope(
        _events_with_hub().live().filter(start__gte=scope.start_at, start__lt=window_end), scope
    )
    return CountSeries(
        key="events_run",
        label=_("Events held"),
        section=SECTION,
        annual_key="events_run",
        # An event is one page per language: counted once.
        rows=counts_per_hub_and_month(
            events, "start", count=Count("translation_key", distinct=True)
        ),
    )


def _registrations(scope: FigureScope) -> CountSeries:
    event_hub = _events_with_hub().filter(translation_key=OuterRef("event_key")).values("hub_id")
    registrations = _in_scope(
        EventRegistration.objects.filter(
            created_at__gte=scope.start_at, created_at__lt=scope.end_at
        ).annotate(hub_id=Subquery(event_hub[:1])),
        scope,
    )
    return CountSeries(
        key="event_registrations",
        label=_("Event registrations"),
        section=SECTION,
        rows=counts_per_hub_and_month(registrations, "created_at"),
    )


def event_figures(scope: FigureScope) -> ProvidedFigures:
    return ProvidedFigures(counts=[_events_run(scope), _registrations(scope)])


def register() -> None:
    register_network_figures_provider(event_figures, order=30)
