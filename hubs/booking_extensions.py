"""Where apps above `hubs` hang their links on appointments, without `hubs` importing them.

`filings` owns the link between a case (company request, trademark pre-filing) and its
meetings. It registers a provider here from its AppConfig.ready(); the agenda and the meeting
page then show the case "one click away". A provider takes the appointments and the viewing
user, runs its own permission-checked query (one per call, not per appointment) and returns
{appointment_id: [(label, url), ...]}.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

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


# --- Attaching a meeting to something of the booker's, while booking --------------------------
# A provider offers the booker's files at this hub as choices ([(value, label)]), and is told,
# inside the booking's transaction, which one was chosen. Values are the provider's own
# (e.g. a case's public id); hubs only passes them through.


@dataclass(frozen=True)
class BookingAttachment:
    choices: Callable[..., list[tuple[str, str]]]  # (*, user, hub)
    attach: Callable[..., None]  # (*, appointment, value, user): validates and links
    label: str = ""


_attachments: list[BookingAttachment] = []


def register_booking_attachment(attachment: BookingAttachment) -> None:
    if attachment not in _attachments:
        _attachments.append(attachment)


def booking_attachment_choices(*, user, hub) -> tuple[str, list[tuple[str, str]]]:
    """(label, choices) offered on the booking form; empty when nothing can be attached."""
    for attachment in _attachments:
        choices = attachment.choices(user=user, hub=hub)
        if choices:
            return attachment.label, choices
    return "", []


def booking_attach(*, appointment, value: str, user) -> None:
    if not value:
        return
    for attachment in _attachments:
        attachment.attach(appointment=appointment, value=value, user=user)
