"""The hubs' part of "Download my data" and of the deletion of an account."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.personal_data import Record, record_of, register_personal_data

from .models import Appointment, AppointmentHistory
from .models.labelling import ApplicationHistory, LabelApplication, LabelHistory
from .services.booking import appointment_cancel_on_erasure

# Not the advisor's notes: they are the advisor's working notes, hidden from the entrepreneur
# on every page, and an export must not show what the pages do not.
APPOINTMENT_FIELDS = ("starts_at", "ends_at", "topic", "mode", "description", "status",
                      "cancel_reason")  # fmt: skip
APPLICATION_FIELDS = ("status", "created_at", "submitted_at", "space_address", "surface_m2",
                      "accessibility", "opening_hours", "team", "ip_training", "equipment",
                      "decision", "decided_at")  # fmt: skip


def export_appointments(user) -> list[Record]:
    appointments = Appointment.objects.filter(entrepreneur=user).select_related("hub", "advisor")
    return [
        record_of(
            a,
            APPOINTMENT_FIELDS,
            [("hub", _("Hub"), a.hub.name), ("advisor", _("Advisor"), str(a.advisor))],
        )
        for a in appointments.order_by("starts_at")
    ]


def export_label_applications(user) -> list[Record]:
    applications = LabelApplication.objects.filter(created_by=user).select_related("hub")
    return [
        record_of(a, APPLICATION_FIELDS, [("hub", _("Hub"), a.hub.name)])
        for a in applications.order_by("created_at")
    ]


def _status_words(row, name: str) -> str:
    """A history row's status in the reader's words (appointments name theirs as labels)."""
    if not getattr(row, name):
        return ""
    display = getattr(row, f"get_{name}_display", None)
    return str(display() if display else getattr(row, name.replace("status", "label")))


def _history_row(kind, subject, row) -> Record:
    return [
        ("kind", _("Kind"), kind),
        ("subject", _("About"), subject),
        ("at", _("Date"), timezone.localtime(row.at).isoformat()),
        ("from_status", _("From"), _status_words(row, "from_status")),
        ("to_status", _("To"), _status_words(row, "to_status")),
        ("note", _("Note"), row.note),
    ]


def export_history(user) -> list[Record]:
    rows = [
        _history_row(
            _("Appointment"), f"{timezone.localtime(h.appointment.starts_at):%Y-%m-%d %H:%M}", h
        )
        for h in AppointmentHistory.objects.filter(actor=user).select_related("appointment")
    ]
    rows += [
        _history_row(_("Label application"), str(h.application.hub), h)
        for h in ApplicationHistory.objects.filter(actor=user).select_related("application__hub")
    ]
    rows += [
        _history_row(_("Label"), h.label.number, h)
        for h in LabelHistory.objects.filter(actor=user).select_related("label")
    ]
    return rows


def erase(*, user, actor) -> None:
    """Upcoming meetings are cancelled (the advisor is told); what was written is wiped; the
    rows stay so the meetings held keep counting."""
    upcoming = Appointment.objects.booked().filter(entrepreneur=user, starts_at__gt=timezone.now())
    for appointment in upcoming:
        appointment_cancel_on_erasure(appointment=appointment, actor=actor)
    Appointment.objects.filter(entrepreneur=user).update(
        description="", cancel_reason="", advisor_notes=""
    )
    AppointmentHistory.objects.filter(Q(appointment__entrepreneur=user) | Q(actor=user)).exclude(
        note=""
    ).update(note="")


def register() -> None:
    register_personal_data(
        key="hubs_appointments",
        title=gettext_lazy("Appointments"),
        export=export_appointments,
        erase=erase,
        order=40,
    )
    register_personal_data(
        key="hubs_label_applications",
        title=gettext_lazy("Label applications"),
        export=export_label_applications,
        order=45,
    )
    register_personal_data(
        key="hubs_history",
        title=gettext_lazy("What you wrote in the history of appointments and labels"),
        export=export_history,
        order=46,
    )
