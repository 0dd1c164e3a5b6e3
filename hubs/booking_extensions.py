"""Where apps above `hubs` hang their links on appointments, without `hubs` importing them.

`filings` owns the link between a case (company request, trademark pre-filing) and its
meetings. It registers a provider here from its AppConfig.ready(); the agenda and the meeting
page then show the case "one click away". A provider takes the appointments and the viewing
user, runs its own permission-checked query (one per call, not per appointment) and returns
{appointment_id: [(label, url), ...]}.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable

LinkProvider = Callable[..., dict[int, list[tuple[str, str]]]]

_providers: list[LinkProvider] = []


def register_appointment_links(provider: LinkProvider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def unregister_appointment_links(provider: LinkProvider) -> None:
    if provider in _providers:
        _providers.remove(provider)


def appointment_links(*, appointments: Iterable, user) -> dict[int, list[tuple[str, str]]]:
    appointments = list(appointments)
    links: dict[int, list[tuple[str, str]]] = defaultdict(list)
    if not appointments:
        return links
    for provider in _providers:
        for appointment_id, items in provider(appointments=appointments, user=user).items():
            links[appointment_id].extend(items)
    return links


def attach_links(appointments: list, *, user) -> list:
    links = appointment_links(appointments=appointments, user=user)
    for appointment in appointments:
        appointment.related_links = links.get(appointment.pk, [])
    return appointments
