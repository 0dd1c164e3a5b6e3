"""Writes on trademark pre-filings: creation, the assistant's steps, the review workflow."""

from functools import partial

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.outbox import enqueue

from ..access import can_act_as_owner, can_review_case
from ..exceptions import PreFilingIncomplete, TransitionNotAllowed
from ..models import CaseKind, MarkType, PreFilingStatus, TrademarkPreFiling
from ..search.engine import explain_report, marks_similar_to
from .cases import case_event_record, case_open
from .fees import fee_estimate, fees_for_reader

SUBJECT = "trademark_prefiling"
S = PreFilingStatus
OWNER, REVIEWER = "owner", "reviewer"

# Who may make each move. Nothing else writes `status`.
TRANSITIONS: dict[str, dict[str, str]] = {
    S.DRAFT: {S.SUBMITTED: OWNER, S.WITHDRAWN: OWNER},
    S.SUBMITTED: {S.CHANGES_REQUESTED: REVIEWER, S.APPROVED: REVIEWER, S.WITHDRAWN: OWNER},
    S.CHANGES_REQUESTED: {S.SUBMITTED: OWNER, S.WITHDRAWN: OWNER},
    S.APPROVED: {},
    S.WITHDRAWN: {},
}
EDITABLE = (S.DRAFT, S.CHANGES_REQUESTED)
LAST_STEP = 4


def prefiling_start(*, owner, hub=None, mark_text: str = "", case=None) -> TrademarkPreFiling:
    """Start a pre-filing in a new case, or in an existing case of the owner (its project)."""
    with transaction.atomic():
        if case is None:
            case = case_open(kind=CaseKind.TRADEMARK, owner=owner, hub=hub, title=mark_text,
                             actor=owner)  # fmt: skip
        elif not can_act_as_owner(owner, case):
            raise TransitionNotAllowed(_("Only the owner of this case can protect a brand in it."))
        prefiling = TrademarkPreFiling.objects.create(case=case, mark_text=mark_text[:200])
        case_event_record(
            case=case, actor=owner, kind="transition", subject=SUBJECT, to_status=S.DRAFT,
            note=mark_text[:200],
        )  # fmt: skip
    return prefiling


def similarity_report(*, mark_text: str, classes) -> dict:
    results = marks_similar_to(mark_text, classes=classes, limit=10) if mark_text else []
    risks = [m.risk for m in results]
    highest = next((r for r in ("high", "medium", "low") if r in risks), "none")
    return {
        "at": timezone.now().isoformat(),
        "mark": mark_text,
        "classes": list(classes),
        "highest_risk": highest,
        "results": [m.as_dict() for m in results],
    }


@transaction.atomic
def prefiling_save_step(
    *, prefiling: TrademarkPreFiling, actor, step: int, fields: dict, terms=None
) -> TrademarkPreFiling:
    """Save one step of the assistant as a draft; the form has validated `fields`."""
    prefiling = TrademarkPreFiling.objects.select_for_update().get(pk=prefiling.pk)
    if not can_act_as_owner(actor, prefiling.case):
        raise TransitionNotAllowed(_("Only the applicant can edit this pre-filing."))
    if prefiling.status not in EDITABLE:
        raise TransitionNotAllowed(_("This pre-filing is under review and cannot be edited."))
    for name, value in fields.items():
        if name == "logo":
            if value:
                # The replaced logo is deleted with the save: no file outlives its row.
                replaced = prefiling.logo.name
                prefiling.logo.save(value.name, value, save=False)
                if replaced:
                    transaction.on_commit(partial(prefiling.logo.storage.delete, replaced))
            continue
        setattr(prefiling, name, value)
    if terms is not None:
        prefiling.terms.set(terms)
        chosen = sorted({term.nice_class_id for term in terms} | set(prefiling.classes))
        prefiling.classes = chosen
    prefiling.step = max(prefiling.step, min(step + 1, LAST_STEP))
    if prefiling.mark_text and prefiling.case.kind == CaseKind.TRADEMARK:
        prefiling.case.title = prefiling.mark_text[:200]
        prefiling.case.save(update_fields=["title", "updated_at"])
    prefiling.save()
    return prefiling


def missing_for_submission(prefiling: TrademarkPreFiling) -> list[str]:
    missing = []
    if prefiling.mark_type in (MarkType.WORD, MarkType.COMBINED) and not prefiling.mark_text:
        missing.append(_("the words of the mark"))
    if prefiling.mark_type in (MarkType.FIGURATIVE, MarkType.COMBINED) and not prefiling.logo:
        missing.append(_("the logo"))
    if not (prefiling.applicant_kind and prefiling.applicant_name):
        missing.append(_("the applicant"))
    if prefiling.agent_required and not prefiling.agent_name:
        missing.append(_("an agent domiciled in Morocco"))
    if not prefiling.classes:
        missing.append(_("at least one class of goods or services"))
    return missing


@transaction.atomic
def prefiling_transition(
    *, prefiling: TrademarkPreFiling, to_status: str, actor, note: str = ""
) -> TrademarkPreFiling:
    # Lock the row: two advisors clicking "approve" at once must not both move it.
    prefiling = (
        TrademarkPreFiling.objects.select_for_update().select_related("case").get(pk=prefiling.pk)
    )
    case = prefiling.case
    from_status = prefiling.status
    who = TRANSITIONS.get(from_status, {}).get(to_status)
    if who is None:
        raise TransitionNotAllowed(
            _("A pre-filing that is “%(from)s” cannot become “%(to)s”.")
            % {"from": S(from_status).label, "to": S(to_status).label}
        )
    allowed = can_act_as_owner(actor, case) if who == OWNER else can_review_case(actor, case)
    if not allowed:
        raise TransitionNotAllowed(_("You are not allowed to make this change."))
    if to_status == S.CHANGES_REQUESTED and not note.strip():
        raise TransitionNotAllowed(_("Say what needs to change."))
    if to_status == S.SUBMITTED:
        missing = missing_for_submission(prefiling)
        if missing:
            raise PreFilingIncomplete(
                _("Before submitting, please add: %(missing)s.") % {"missing": ", ".join(missing)}
            )
        # Freeze what the applicant saw when submitting: the review and the file use it.
        prefiling.similarity_report = similarity_report(
            mark_text=prefiling.mark_text, classes=prefiling.classes
        )
        prefiling.fee_estimate = fee_estimate(
            class_count=len(prefiling.classes), channel=prefiling.channel
        )
    if to_status == S.APPROVED and case.advisor_id is None:
        case.advisor = actor
        case.save(update_fields=["advisor", "updated_at"])
    prefiling.status = to_status
    prefiling.status_changed_at = timezone.now()
    prefiling.save(
        update_fields=["status", "status_changed_at", "similarity_report", "fee_estimate"]
    )
    case_event_record(
        case=case,
        actor=actor,
        kind="transition",
        subject=SUBJECT,
        from_status=from_status,
        to_status=to_status,
        note=note.strip(),
        item_id=prefiling.pk,
    )
    if to_status == S.APPROVED:
        from ..tasks import prefiling_render_filing_file_task

        enqueue(prefiling_render_filing_file_task, prefiling.pk)
    return prefiling


@transaction.atomic
def prefiling_comment(*, prefiling: TrademarkPreFiling, actor, note: str):
    case = prefiling.case
    if not (can_act_as_owner(actor, case) or can_review_case(actor, case)):
        raise TransitionNotAllowed(_("You are not allowed to comment on this case."))
    if not note.strip():
        raise TransitionNotAllowed(_("Write a comment first."))
    return case_event_record(
        case=case, actor=actor, kind="comment", subject=SUBJECT, note=note.strip()[:5000]
    )


def prefiling_render_filing_file(*, prefiling_id: int) -> TrademarkPreFiling:
    """Render and store the filing file of an approved pre-filing (idempotent)."""
    from core.pdf import render_pdf

    prefiling = TrademarkPreFiling.objects.select_related("case__hub", "case__owner").get(
        pk=prefiling_id
    )
    if prefiling.status != S.APPROVED or prefiling.filing_file:
        return prefiling
    language = getattr(prefiling.case.owner, "preferred_language", "") or "fr"
    with translation.override(language):
        terms = prefiling.terms.select_related("nice_class").order_by("nice_class_id", "term_fr")
        pdf = render_pdf(
            template_name="pdf/trademark_filing_file.html",
            context={
                "pdf_language": language,
                "prefiling": prefiling,
                "case": prefiling.case,
                "terms_by_class": terms_grouped_by_class(prefiling, terms),
                "report": explain_report(prefiling.similarity_report),
                "fees": fees_for_reader(prefiling.fee_estimate),
                "generated_at": timezone.now(),
            },
        )
    with transaction.atomic():
        locked = TrademarkPreFiling.objects.select_for_update().get(pk=prefiling.pk)
        if locked.filing_file:
            return locked
        locked.filing_file.save(f"{prefiling.case.reference}.pdf", ContentFile(pdf), save=True)
        case_event_record(
            case=prefiling.case,
            actor=None,
            kind="document",
            subject=SUBJECT,
            note="filing_file",
        )
    return locked


def terms_grouped_by_class(prefiling, terms) -> list[dict]:
    from ..models import NiceClass

    by_class = {number: [] for number in prefiling.classes}
    for term in terms:
        by_class.setdefault(term.nice_class_id, []).append(term)
    classes = NiceClass.objects.in_bulk(list(by_class))
    return [
        {"nice_class": classes.get(number), "number": number, "terms": by_class[number]}
        for number in sorted(by_class)
    ]
