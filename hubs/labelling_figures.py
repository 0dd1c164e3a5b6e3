"""Figures the platform already knows, offered to a chamber when it writes its annual report.

`hubs` sits below `filings` and `cms`, which own requests handled and events run: each app
that knows a figure registers a provider from its AppConfig.ready(); this module only asks.
A provider is `provider(*, hub, start, end) -> dict` with any of the keys
requests_handled, appointments_held, events_run (end excluded).
"""

import datetime
from collections.abc import Callable

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
    for provider in _providers:
        for key, value in (provider(hub=hub, start=start, end=end) or {}).items():
            if key in FIGURE_KEYS:
                figures[key] = figures.get(key, 0) + value
    return figures
