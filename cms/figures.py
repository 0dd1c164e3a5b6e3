"""Events a hub ran, offered to its annual label report (the hub app cannot see pages)."""

import datetime

from django.utils import timezone

from hubs.labelling_figures import register_annual_figures_provider

from .models import EventPage, HubPage


def events_run(*, hub, start: datetime.date, end: datetime.date) -> dict:
    now = timezone.now()
    window_end = min(now, timezone.make_aware(datetime.datetime.combine(end, datetime.time.min)))
    window_start = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
    hub_paths = HubPage.objects.filter(hub=hub).values_list("path", flat=True)
    events = EventPage.objects.live().filter(start__gte=window_start, start__lt=window_end)
    under_hub = EventPage.objects.none()
    for path in hub_paths:
        under_hub = under_hub | events.filter(path__startswith=path)
    # An event and its translations are one event.
    return {"events_run": under_hub.values("translation_key").distinct().count()}


def register() -> None:
    register_annual_figures_provider(events_run)
