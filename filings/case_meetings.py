"""The link between cases and meetings, offered to the booking flow of `hubs` (which knows
nothing of cases) through `hubs.booking_extensions`."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.bidi import isolate
from hubs.booking_extensions import (
    BookingAttachment,
    register_appointment_links,
    register_booking_attachment,
)

from .access import visible_cases
from .exceptions import TransitionNotAllowed
from .models import Case, CaseAppointment


def case_choices(*, user, hub) -> list[tuple[str, str]]:
    from .selectors_cases import cases_of_owner_at_hub

    return [(str(c.public_id), f"{isolate(c.reference)} · {isolate(c.label)}")
            for c in cases_of_owner_at_hub(user=user, hub_id=hub.pk)]  # fmt: skip


def case_attach(*, appointment, value: str, user) -> None:
    from .services.cases import case_appointment_link

    case = Case.objects.filter(public_id=value, owner=user).first() if _is_uuid(value) else None
    if case is None:
        raise TransitionNotAllowed(_("Choose one of your case files."))
    case_appointment_link(case=case, appointment=appointment, actor=user)


def _is_uuid(value: str) -> bool:
    import uuid

    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def case_links(*, appointments, user) -> dict[int, list[tuple[str, str]]]:
    """The case of each meeting, for whoever may open it: one query for all the meetings."""
    links = (
        CaseAppointment.objects.filter(
            appointment_id__in=[a.pk for a in appointments],
            case__in=visible_cases(user),
        )
        .select_related("case")
        .order_by()
    )
    return {
        link.appointment_id: [
            (f"{isolate(link.case.reference)} · {isolate(link.case.label)}",
             reverse("filings:case_detail", args=[link.case.public_id]))
        ]
        for link in links
    }  # fmt: skip


def register() -> None:
    register_appointment_links(case_links)
    register_booking_attachment(
        BookingAttachment(choices=case_choices, attach=case_attach, label=_("Case file"))
    )
