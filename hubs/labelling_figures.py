"""Figures the platform already knows, offered to a chamber when it writes its annual report.

They are the network figures (`network_figures`) of the label's hub over the report's year:
each count that names an `annual_key` fills that line. Extra providers may still be registered
here: `provider(*, hub, start, end) -> dict` with any of the keys below (end excluded).
"""

import datetime
from collections.abc import Callable

from .network_figures import FigureScope, network_figures

FIGURE_KEYS = ("requests_handled", "appointments_held", "events_run")

_providers: list[Callable[..., dict]] = []


def register_annual_figures_provider(provider: Callable[..., dict]) -> None:
    if provider not in _providers:
        _providers.append(provider)


def unregister_annual_figures_provider(provider: Callable[..., dict]) -> None:
    if provider in _providers:
        _providers.remove(provider)


def annual_figures(*, hub, start: datetime.date, end: datetime.date) -> dict:
    figures: dict = {}
    scope = FigureScope(hub_ids=(hub.pk,), start=start, end=end)
    for series in network_figures(scope).counts:
        if series.annual_key in FIGURE_KEYS:
            total = sum(n for _hub, _month, n in series.rows)
            figures[series.annual_key] = figures.get(series.annual_key, 0) + total
    for provider in _providers:
        for key, value in (provider(hub=hub, start=start, end=end) or {}).items():
            if key in FIGURE_KEYS:
                figures[key] = figures.get(key, 0) + value
    return figures
