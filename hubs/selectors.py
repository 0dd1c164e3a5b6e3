from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from accounts.roles import Role

from .models import Hub


def hub_list_active():
    return Hub.objects.filter(is_active=True).select_related("chamber__region")


def hubs_for_directory(*, hub_ids) -> dict[int, Hub]:
    """The active hubs among ``hub_ids`` with what a public list of hubs shows, in one query."""
    hubs = (
        Hub.objects.filter(pk__in=list(hub_ids), is_active=True)
        .select_related("chamber__region")
        .only(
            "id",
            "slug",
            "name",
            "city",
            "address",
            "latitude",
            "longitude",
            "chamber__region__code",
        )
    )
    return {hub.pk: hub for hub in hubs}


def hubs_where_user_advises(*, user):
    return Hub.objects.filter(
        memberships__user=user, memberships__role__in=[Role.ADVISOR, Role.HUB_MANAGER]
    ).distinct()


def hubs_where_user_edits(*, user):
    return Hub.objects.filter(memberships__user=user, memberships__role=Role.EDITOR).distinct()


@dataclass(frozen=True)
class LabelStatus:
    """What the public sees of a hub's label today."""

    code: str  # none, pilot, labelled, suspended, withdrawn, expired
    label: str
    number: str = ""
    valid_until: date | None = None


def hub_label_statuses(*, hub_ids) -> dict[int, LabelStatus]:
    """The current label status of each hub, in one query whatever the number of hubs."""
    from .labelling_selectors import label_state_today
    from .models.labelling import Label

    hub_ids = list(hub_ids)
    not_labelled = LabelStatus(code="none", label=_("Not labelled yet"))
    statuses = dict.fromkeys(hub_ids, not_labelled)
    # A hub's current label comes first (active or suspended), then its most recent one.
    labels = (
        Label.objects.filter(hub_id__in=hub_ids)
        .order_by("hub_id", "-valid_from", "-id")
        .only("hub_id", "number", "phase", "status", "valid_from", "valid_until")
    )
    seen_current = set()
    for label in labels:
        is_current = label.status in Label.CURRENT
        if label.hub_id in seen_current or (
            statuses[label.hub_id] is not not_labelled and not is_current
        ):
            continue
        if is_current:
            seen_current.add(label.hub_id)
        statuses[label.hub_id] = _public_status(label, label_state_today(label))
    return statuses


_STATE_LABELS = {
    "pilot": _("Labelled (pilot phase)"),
    "labelled": _("Labelled"),
    "suspended": _("Label suspended"),
    "withdrawn": _("Label withdrawn"),
    "expired": _("Label expired"),
}


def _public_status(label, state: str) -> LabelStatus:
    code = ("pilot" if label.phase == "pilot" else "labelled") if state == "valid" else state
    return LabelStatus(
        code=code, label=_STATE_LABELS[code], number=label.number, valid_until=label.valid_until
    )


# --- Read by the public site (cms) ---------------------------------------------------------


def hub_advisors(*, hub_id: int) -> list:
    """The people a visitor can meet at a hub: its advisors and hub managers, by name."""
    from django.contrib.auth import get_user_model

    return list(
        get_user_model()
        .objects.filter(
            is_active=True,
            hub_memberships__hub_id=hub_id,
            hub_memberships__role__in=[Role.ADVISOR, Role.HUB_MANAGER],
        )
        .distinct()
        .order_by("last_name", "first_name")
        .only("id", "first_name", "last_name")
    )


def hub_editor_user_ids(*, hub_id: int) -> list[int]:
    from .models import Membership

    return list(
        Membership.objects.filter(hub_id=hub_id, role=Role.EDITOR).values_list("user_id", flat=True)
    )
