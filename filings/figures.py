"""Requests a hub handled, offered to its annual label report."""

import datetime

from django.utils import timezone

from hubs.labelling_figures import register_annual_figures_provider

from .models import Case


def requests_handled(*, hub, start: datetime.date, end: datetime.date) -> dict:
    """Cases of the hub (company requests and trademark pre-filings) submitted in the period."""

    def midnight(day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))

    handled = (
        Case.objects.filter(
            hub=hub,
            events__to_status="submitted",
            events__at__gte=midnight(start),
            events__at__lt=midnight(end),
        )
        .distinct()
        .count()
    )
    return {"requests_handled": handled}


def register() -> None:
    register_annual_figures_provider(requests_handled)
