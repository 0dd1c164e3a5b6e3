from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.outbox import enqueue

from ..access import can_act_as_owner, can_review_case
from ..exceptions import TransitionNotAllowed
from ..models import Case, CaseAppointment, CaseEvent, FilingMilestones

NOTIFIED_EVENT_KINDS = ("transition", "message", "comment")


def case_open(*, kind: str, owner, hub, actor, title: str = "") -> Case:
    """Open a case with the next reference of its kind and year (TM-2026-000123)."""
    year = timezone.now().year
    for _attempt in range(5):
        try:
            with transaction.atomic():
                last = Case.objects.filter(kind=kind, year=year).aggregate(m=Max("sequence"))["m"]
                case = Case.objects.create(
                    kind=kind,
                    year=year,
                    sequence=(last or 0) + 1,
                    owner=owner,
                    hub=hub,
                    title=title[:200],
                )
                case_event_record(case=case, actor=actor, kind="opened", subject="case")
                return case
        except IntegrityError:
            # Another case took this number between our read and our insert: take the next.
            continue
    raise IntegrityError("could not allocate a case reference")


def case_event_record(
    *,
    case: Case,
    actor,
    kind: str,
    subject: str,
    from_status="",
    to_status="",
    note="",
    details: dict | None = None,
    item_id: int | None = None,
    at=None,
) -> CaseEvent:
    """Append to the case's timeline; the other side of the case is notified on commit.

    A transition of a request or pre-filing names it (`item_id`) so that its milestones are
    kept for the figures. `at` is now, except for imports and tests of past activity.
    """
    event = CaseEvent.objects.create(
        case=case,
        hub_id=case.hub_id,
        actor=actor,
        kind=kind,
        subject=subject,
        from_status=from_status,
        to_status=to_status,
        note=note,
        details=details or {},
        at=at or timezone.now(),
    )
    if kind == "transition" and item_id is not None:
        _milestones_record(event, item_id)
    if kind in NOTIFIED_EVENT_KINDS and subject != "company_request":
        from ..tasks import case_event_notify_task

        enqueue(case_event_notify_task, event.pk)
    return event


def _milestones_record(event: CaseEvent, item_id: int) -> None:
    """First submission opens the row; each later milestone is set the first time only."""
    if event.from_status == "draft" and event.to_status == "submitted":
        FilingMilestones.objects.get_or_create(
            subject=event.subject,
            item_id=item_id,
            defaults={"case": event.case, "hub_id": event.hub_id, "submitted_at": event.at},
        )
        return
    rows = FilingMilestones.objects.filter(subject=event.subject, item_id=item_id)
    for column in FilingMilestones.columns_for(event.subject, event.to_status):
        rows.filter(**{f"{column}__isnull": True}).update(**{column: event.at})


@transaction.atomic
def case_message_post(*, case: Case, actor, text: str) -> CaseEvent:
    text = (text or "").strip()
    if not text:
        raise TransitionNotAllowed(_("The message is empty."))
    if not (can_act_as_owner(actor, case) or can_review_case(actor, case)):
        raise TransitionNotAllowed(_("You cannot write on this case."))
    event = case_event_record(case=case, actor=actor, kind="message", subject="case",
                              note=text[:5000])  # fmt: skip
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())
    return event


@transaction.atomic
def case_appointment_link(*, case: Case, appointment, actor) -> CaseAppointment:
    """Attach a meeting to a case of the same person at the same hub, and say so in its timeline."""
    if appointment.entrepreneur_id != case.owner_id or actor.pk != case.owner_id:
        raise TransitionNotAllowed(_("This meeting cannot be attached to this case."))
    if appointment.hub_id != case.hub_id:
        raise TransitionNotAllowed(_("The meeting and the case must be at the same hub."))
    try:
        with transaction.atomic():
            link = CaseAppointment.objects.create(case=case, appointment=appointment,
                                                  linked_by=actor)  # fmt: skip
    except IntegrityError:
        raise TransitionNotAllowed(_("This meeting is already attached to a case.")) from None
    case_event_record(
        case=case, actor=actor, kind="meeting", subject="appointment",
        to_status=appointment.status, details={"topic": appointment.topic},
    )  # fmt: skip
    from ..notifications import case_meeting_notify

    transaction.on_commit(lambda: case_meeting_notify(link=link))
    return link
