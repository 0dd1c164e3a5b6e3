"""Every write of the labelling workflow.

Two state machines (application, label). Each move goes through `_move_application` or
`_move_label`: lock the row, check the TRANSITIONS map, write, append a history row, and
queue the email (and the public-data signal) on commit.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import is_office_staff
from core.exceptions import ApplicationError
from core.outbox import enqueue
from core.uploads import checked_display_name

from ..labelling_files import evidence_file_kind
from ..labelling_selectors import chambers_user_speaks_for
from ..models.labelling import (
    PILOT_MONTHS,
    AnnualReport,
    ApplicationEvidence,
    ApplicationHistory,
    CriteriaGrid,
    Criterion,
    CriterionScore,
    Decision,
    Label,
    LabelApplication,
    LabelHistory,
    LabelReminder,
    PlatformNote,
)
from ..signals import hub_public_data_changed

Status = LabelApplication.Status
LabelStatus = Label.Status
DEPLOYMENT_YEARS = 3

APPLICATION_FIELDS = (
    "space_address",
    "surface_m2",
    "accessibility",
    "opening_hours",
    "team",
    "ip_training",
    "services_creation",
    "services_innovation",
    "services_ip",
    "services_information",
    "equipment",
)


class TransitionNotAllowed(ApplicationError):
    pass


class ApplicationIncomplete(ApplicationError):
    pass


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    # 31 March + 1 month ends on 30 April, not in May.
    for last_day in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=last_day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _require_office_staff(actor) -> None:
    if not is_office_staff(actor):
        raise PermissionDenied


def _require_chamber_of(actor, application_or_hub) -> None:
    chamber_id = application_or_hub.chamber_id
    if chamber_id not in {chamber.pk for chamber in chambers_user_speaks_for(user=actor)}:
        raise PermissionDenied


def _notify_public(hub_id: int) -> None:
    transaction.on_commit(
        lambda: hub_public_data_changed.send(sender=Label, hub_ids=[hub_id]), robust=True
    )


def _queue_application_email(history: ApplicationHistory) -> None:
    from ..tasks_labelling import application_status_email_task

    enqueue(application_status_email_task, history.pk)


def _queue_label_email(history: LabelHistory) -> None:
    from ..tasks_labelling import label_status_email_task

    enqueue(label_status_email_task, history.pk)


# --- Application ------------------------------------------------------------------------------


def _platform_note_fields(platform_note) -> dict:
    """History fields of a note the platform writes: a code, or (code, date)."""
    if platform_note is None:
        return {}
    code, date = platform_note if isinstance(platform_note, tuple) else (platform_note, None)
    return {"platform_note": code, "platform_note_date": date}


def _lock_application(application: LabelApplication) -> LabelApplication:
    return LabelApplication.objects.select_for_update().get(pk=application.pk)


def _move_application(
    locked: LabelApplication, *, to: str, actor, note: str = "", platform_note=None, **changes
) -> LabelApplication:
    """Move a locked application; the caller has checked the actor's right to do it."""
    current = Status(locked.status)
    if to not in LabelApplication.TRANSITIONS[current]:
        raise TransitionNotAllowed(
            _("This application is %(status)s: this step is not possible now.")
            % {"status": current.label.lower()}
        )
    for field, value in changes.items():
        setattr(locked, field, value)
    locked.status = to
    locked.status_changed_at = timezone.now()
    locked.save()
    history = ApplicationHistory.objects.create(
        application=locked,
        actor=actor,
        from_status=current,
        to_status=to,
        note=note,
        **_platform_note_fields(platform_note),
    )
    _queue_application_email(history)
    return locked


@transaction.atomic
def application_create(*, hub, actor, **fields) -> LabelApplication:
    _require_chamber_of(actor, hub)
    if LabelApplication.objects.filter(
        hub=hub, status__in=LabelApplication.OPEN | {Status.DRAFT}
    ).exists():
        raise ApplicationError(_("An application for this space is already in progress."))
    unknown = set(fields) - set(APPLICATION_FIELDS)
    if unknown:
        raise ValueError(f"Not application fields: {sorted(unknown)}")
    try:
        with transaction.atomic():
            return LabelApplication.objects.create(
                hub=hub, chamber=hub.chamber, created_by=actor, **fields
            )
    except IntegrityError as error:
        # Two managers starting an application for the same space at once.
        raise ApplicationError(
            _("An application for this space is already in progress.")
        ) from error


@transaction.atomic
def application_update(*, application: LabelApplication, actor, data: dict) -> LabelApplication:
    _require_chamber_of(actor, application)
    locked = _lock_application(application)
    if not locked.is_editable:
        raise TransitionNotAllowed(_("This application can no longer be changed."))
    for field in APPLICATION_FIELDS:
        if field in data:
            setattr(locked, field, data[field])
    locked.save()
    return locked


@transaction.atomic
def evidence_add(
    *, application: LabelApplication, actor, uploaded_file, description: str
) -> ApplicationEvidence:
    _require_chamber_of(actor, application)
    locked = _lock_application(application)
    if not locked.is_editable:
        raise TransitionNotAllowed(_("This application can no longer be changed."))
    content_type, extension = evidence_file_kind(uploaded_file)
    original_name = checked_display_name(uploaded_file.name)
    uploaded_file.name = f"evidence{extension}"
    return ApplicationEvidence.objects.create(
        application=locked,
        file=uploaded_file,
        original_name=original_name,
        description=description,
        content_type=content_type,
        size=uploaded_file.size,
        uploaded_by=actor,
    )


@transaction.atomic
def evidence_delete(*, evidence: ApplicationEvidence, actor) -> None:
    _require_chamber_of(actor, evidence.application)
    locked = _lock_application(evidence.application)
    if not locked.is_editable:
        raise TransitionNotAllowed(_("This application can no longer be changed."))
    evidence.file.delete(save=False)
    evidence.delete()


def application_missing_parts(application: LabelApplication) -> list[str]:
    """What still keeps the application from being submitted, in the chamber's words."""
    missing = []
    labels = {
        "space_address": _("the address of the space"),
        "surface_m2": _("the surface of the space"),
        "accessibility": _("how the space is accessible"),
        "opening_hours": _("the opening hours"),
        "team": _("the team"),
        "ip_training": _("the team's training in industrial property"),
        "services_creation": _("the services of axis 1 (company creation)"),
        "services_innovation": _("the services of axis 2 (creativity and innovation)"),
        "services_ip": _("the services of axis 3 (industrial property)"),
        "services_information": _("the services of axis 4 (information)"),
        "equipment": _("the equipment"),
    }
    for field, label in labels.items():
        value = getattr(application, field)
        if value in (None, "") or (isinstance(value, str) and not value.strip()):
            missing.append(label)
    if not application.evidence.exists():
        missing.append(_("at least one evidence file"))
    return missing


def criteria_grid_in_force(on: datetime.date) -> CriteriaGrid | None:
    return (
        CriteriaGrid.objects.filter(in_force_from__lte=on)
        .order_by("-in_force_from", "-version")
        .first()
    )


def criteria_grid_is_locked(grid: CriteriaGrid, *, today: datetime.date | None = None) -> bool:
    """A grid in force (or that judged an application) is history and may not change."""
    today = today or timezone.localdate()
    return grid.in_force_from <= today or LabelApplication.objects.filter(grid=grid).exists()


@transaction.atomic
def criteria_grid_new_version(
    *, grid: CriteriaGrid, actor, in_force_from: datetime.date | None = None
) -> CriteriaGrid:
    """A copy of the grid with the next version number, dated in the future so it can be edited.

    The version number is unique: two staff members copying at once cannot both take it.
    """
    last = CriteriaGrid.objects.select_for_update().order_by("-version").first()
    new = CriteriaGrid.objects.create(
        version=(last.version if last else 0) + 1,
        in_force_from=in_force_from or timezone.localdate() + datetime.timedelta(days=30),
        note=_("Copy of version %(version)s") % {"version": grid.version},
    )
    Criterion.objects.bulk_create(
        Criterion(
            grid=new,
            code=c.code,
            title_fr=c.title_fr,
            title_ar=c.title_ar,
            title_en=c.title_en,
            weight=c.weight,
            order=c.order,
        )  # fmt: skip
        for c in grid.criteria.all()
    )
    return new


@transaction.atomic
def application_submit(*, application: LabelApplication, actor) -> LabelApplication:
    _require_chamber_of(actor, application)
    locked = _lock_application(application)
    missing = application_missing_parts(locked)
    if missing:
        raise ApplicationIncomplete(
            _("The application is not complete yet. Missing: %(parts)s.")
            % {"parts": ", ".join(missing)},
            extra={"missing": missing},
        )
    changes = {}
    if locked.grid_id is None:
        # Judged on the grid in force the day it was first submitted, even if a newer one
        # comes into force while corrections go back and forth.
        grid = criteria_grid_in_force(timezone.localdate())
        if grid is None:
            raise ApplicationError(
                _("No criteria grid is in force yet: the office cannot receive applications.")
            )
        changes["grid"] = grid
        changes["submitted_at"] = timezone.now()
    return _move_application(locked, to=Status.SUBMITTED, actor=actor, **changes)


@transaction.atomic
def application_accept_complete(
    *, application: LabelApplication, actor, note: str = ""
) -> LabelApplication:
    _require_office_staff(actor)
    locked = _lock_application(application)
    return _move_application(
        locked, to=Status.IN_REVIEW, actor=actor, note=note or _("The application is complete.")
    )


@transaction.atomic
def application_score(
    *, application: LabelApplication, actor, scores: dict[int, tuple[int, str]]
) -> None:
    """Record scores {criterion id: (score, comment)} against the application's own grid."""
    _require_office_staff(actor)
    locked = _lock_application(application)
    if locked.status not in (Status.IN_REVIEW, Status.SITE_VISIT):
        raise TransitionNotAllowed(_("Scores are given during the review and the site visit."))
    criteria = {c.pk: c for c in Criterion.objects.filter(grid_id=locked.grid_id)}
    for criterion_id, (score, comment) in scores.items():
        if criterion_id not in criteria:
            raise ApplicationError(_("This criterion is not part of the application's grid."))
        if not 0 <= score <= CriterionScore.MAX_SCORE:
            raise ApplicationError(_("A score goes from 0 to 4."))
        CriterionScore.objects.update_or_create(
            application=locked,
            criterion=criteria[criterion_id],
            defaults={"score": score, "comment": comment, "scored_by": actor},
        )


@dataclass(frozen=True)
class ScoreSummary:
    weighted: float  # 0 to 100
    scored: int
    total: int


def application_score_summary(application: LabelApplication) -> ScoreSummary:
    criteria = list(Criterion.objects.filter(grid_id=application.grid_id))
    scores = {s.criterion_id: s.score for s in application.scores.all()}
    total_weight = sum(c.weight for c in criteria) or 1
    weighted = sum(c.weight * scores.get(c.pk, 0) for c in criteria)
    return ScoreSummary(
        weighted=round(100 * weighted / (total_weight * CriterionScore.MAX_SCORE), 1),
        scored=sum(1 for c in criteria if c.pk in scores),
        total=len(criteria),
    )


@transaction.atomic
def application_schedule_visit(
    *, application: LabelApplication, actor, visit_on: datetime.date
) -> LabelApplication:
    _require_office_staff(actor)
    if visit_on < timezone.localdate():
        raise ApplicationError(_("A site visit cannot be scheduled in the past."))
    locked = _lock_application(application)
    if locked.status == Status.SITE_VISIT:
        # Moving the date is not a change of stage, but it is recorded all the same.
        locked.site_visit_on = visit_on
        locked.save(update_fields=["site_visit_on"])
        ApplicationHistory.objects.create(
            application=locked,
            actor=actor,
            from_status=locked.status,
            to_status=locked.status,
            **_platform_note_fields((PlatformNote.VISIT_MOVED, visit_on)),
        )
        return locked
    return _move_application(
        locked,
        to=Status.SITE_VISIT,
        actor=actor,
        platform_note=(PlatformNote.VISIT_SCHEDULED, visit_on),
        site_visit_on=visit_on,
    )


@transaction.atomic
def application_record_visit(
    *, application: LabelApplication, actor, report: str
) -> LabelApplication:
    _require_office_staff(actor)
    locked = _lock_application(application)
    if locked.status != Status.SITE_VISIT:
        raise TransitionNotAllowed(_("No site visit is under way for this application."))
    if locked.site_visit_on and locked.site_visit_on > timezone.localdate():
        raise ApplicationError(
            _("The visit report can be recorded once the visit has taken place.")
        )
    locked.site_visit_report = report
    locked.save(update_fields=["site_visit_report"])
    ApplicationHistory.objects.create(
        application=locked,
        actor=actor,
        from_status=locked.status,
        to_status=locked.status,
        **_platform_note_fields(PlatformNote.VISIT_REPORTED),
    )
    return locked


@transaction.atomic
def application_request_corrections(
    *, application: LabelApplication, actor, note: str, deadline: datetime.date
) -> LabelApplication:
    _require_office_staff(actor)
    if deadline <= timezone.localdate():
        raise ApplicationError(_("The deadline for corrections must be in the future."))
    if not note.strip():
        raise ApplicationError(_("Say what must be corrected."))
    locked = _lock_application(application)
    return _move_application(
        locked,
        to=Status.CORRECTIONS,
        actor=actor,
        note=note,
        corrections_requested=note,
        corrections_deadline=deadline,
    )


@transaction.atomic
def application_decide(
    *,
    application: LabelApplication,
    actor,
    decision: str,
    reasons: str,
    maturity: int | None = None,
) -> LabelApplication:
    """Grant (pilot or deployment) or refuse. Two staff deciding at once: the second waits
    on the row lock, then finds the application closed and is told so."""
    _require_office_staff(actor)
    if not reasons.strip():
        raise ApplicationError(_("Give the reasons for the decision."))
    locked = _lock_application(application)
    now = timezone.now()
    if decision == Decision.REFUSED:
        return _move_application(
            locked,
            to=Status.REFUSED,
            actor=actor,
            note=reasons,
            decision=decision,
            decision_reasons=reasons,
            decided_by=actor,
            decided_at=now,
        )
    if decision not in (Decision.PILOT, Decision.DEPLOYMENT):
        raise ApplicationError(_("Choose a decision."))
    if maturity not in (1, 2, 3):
        raise ApplicationError(_("Choose a maturity level from 1 to 3."))
    if locked.status == Status.SITE_VISIT and not locked.site_visit_report.strip():
        raise ApplicationError(_("Record the site visit report before granting the label."))
    summary = application_score_summary(locked)
    if locked.status == Status.SITE_VISIT and summary.scored < summary.total:
        raise ApplicationError(_("Score every criterion of the grid before granting the label."))
    moved = _move_application(
        locked,
        to=Status.GRANTED,
        actor=actor,
        note=reasons,
        decision=decision,
        decision_reasons=reasons,
        decided_by=actor,
        decided_at=now,
    )
    _label_grant(application=moved, actor=actor, maturity=maturity, reasons=reasons)
    return moved


# --- Label ------------------------------------------------------------------------------------


def _label_grant(*, application: LabelApplication, actor, maturity: int, reasons: str) -> Label:
    today = timezone.localdate()
    pilot = application.decision == Decision.PILOT
    months = PILOT_MONTHS if pilot else DEPLOYMENT_YEARS * 12
    try:
        with transaction.atomic():
            label = Label.objects.create(
                hub_id=application.hub_id,
                application=application,
                # Replaced below by one derived from the primary key: unique without a race.
                number=f"tmp-{application.public_id.hex[:16]}",
                phase=Label.Phase.PILOT if pilot else Label.Phase.DEPLOYMENT,
                maturity=maturity,
                valid_from=today,
                valid_until=add_months(today, months),
                pilot_months=PILOT_MONTHS if pilot else None,
            )
    except IntegrityError as error:
        raise ApplicationError(
            _("This space already holds a current label: suspend or withdraw it first.")
        ) from error
    label.number = f"CI-{today.year}-{label.pk:04d}"
    label.save(update_fields=["number"])
    history = LabelHistory.objects.create(
        label=label, actor=actor, from_status="", to_status=LabelStatus.ACTIVE, note=reasons
    )
    _queue_label_email(history)
    _notify_public(label.hub_id)
    return label


def _lock_label(label: Label) -> Label:
    return Label.objects.select_for_update().get(pk=label.pk)


def _move_label(
    locked: Label, *, to: str, actor, note: str = "", platform_note=None, **changes
) -> Label:
    current = LabelStatus(locked.status)
    if to not in Label.TRANSITIONS[current]:
        raise TransitionNotAllowed(
            _("This label is %(status)s: this step is not possible now.")
            % {"status": current.label.lower()}
        )
    for field, value in changes.items():
        setattr(locked, field, value)
    locked.status = to
    locked.status_changed_at = timezone.now()
    try:
        with transaction.atomic():
            locked.save()
    except IntegrityError as error:
        raise ApplicationError(_("This space already holds another current label.")) from error
    history = LabelHistory.objects.create(
        label=locked,
        actor=actor,
        from_status=current,
        to_status=to,
        note=note,
        **_platform_note_fields(platform_note),
    )
    _queue_label_email(history)
    _notify_public(locked.hub_id)
    return locked


def _require_reason(reason: str) -> None:
    if not reason.strip():
        raise ApplicationError(_("Give the reason for this decision."))


@transaction.atomic
def label_renew(
    *, label: Label, actor, valid_until: datetime.date, phase: str, maturity: int, reason: str
) -> Label:
    _require_office_staff(actor)
    _require_reason(reason)
    if valid_until <= timezone.localdate():
        raise ApplicationError(_("The new validity must end in the future."))
    if maturity not in (1, 2, 3):
        raise ApplicationError(_("Choose a maturity level from 1 to 3."))
    if phase not in Label.Phase.values:
        raise ApplicationError(_("Choose a phase."))
    locked = _lock_label(label)
    changes = {
        "valid_until": valid_until,
        "phase": phase,
        "maturity": maturity,
        "suspension_deadline": None,
    }
    if locked.status == LabelStatus.EXPIRED:
        changes["valid_from"] = timezone.localdate()
    if phase == Label.Phase.DEPLOYMENT:
        changes["pilot_months"] = None
    return _move_label(locked, to=LabelStatus.ACTIVE, actor=actor, note=reason, **changes)


@transaction.atomic
def label_suspend(*, label: Label, actor, deadline: datetime.date, reason: str) -> Label:
    _require_office_staff(actor)
    _require_reason(reason)
    if deadline <= timezone.localdate():
        raise ApplicationError(_("The deadline to correct must be in the future."))
    locked = _lock_label(label)
    return _move_label(
        locked, to=LabelStatus.SUSPENDED, actor=actor, note=reason, suspension_deadline=deadline
    )


@transaction.atomic
def label_reinstate(*, label: Label, actor, reason: str) -> Label:
    _require_office_staff(actor)
    _require_reason(reason)
    locked = _lock_label(label)
    if locked.status != LabelStatus.SUSPENDED:
        raise TransitionNotAllowed(_("Only a suspended label can be reinstated."))
    return _move_label(
        locked, to=LabelStatus.ACTIVE, actor=actor, note=reason, suspension_deadline=None
    )


@transaction.atomic
def label_withdraw(*, label: Label, actor, reason: str) -> Label:
    _require_office_staff(actor)
    _require_reason(reason)
    locked = _lock_label(label)
    return _move_label(
        locked, to=LabelStatus.WITHDRAWN, actor=actor, note=reason, suspension_deadline=None
    )


@transaction.atomic
def label_expire(*, label: Label) -> Label:
    """The platform itself moves a label whose validity has ended (actor: nobody)."""
    locked = _lock_label(label)
    if locked.valid_until >= timezone.localdate():
        raise ApplicationError(_("This label is still valid."))
    return _move_label(
        locked,
        to=LabelStatus.EXPIRED,
        actor=None,
        platform_note=PlatformNote.VALIDITY_ENDED,
        suspension_deadline=None,
    )


def labels_expire_due() -> int:
    expired = 0
    for label in Label.objects.filter(
        status__in=Label.CURRENT, valid_until__lt=timezone.localdate()
    ):
        label_expire(label=label)
        expired += 1
    return expired


# --- Annual reports ---------------------------------------------------------------------------


def report_periods_due(label: Label, *, today: datetime.date) -> list[int]:
    """The years of the label whose report was due (anniversary passed) by `today`."""
    periods = []
    period = 1
    while add_months(label.valid_from, 12 * period) <= min(today, label.valid_until):
        periods.append(period)
        period += 1
    return periods


@transaction.atomic
def annual_report_submit(
    *,
    label: Label,
    actor,
    period: int,
    requests_handled: int,
    appointments_held: int,
    events_run: int,
    narrative: str = "",
) -> AnnualReport:
    if label.hub.chamber_id not in {c.pk for c in chambers_user_speaks_for(user=actor)}:
        raise PermissionDenied
    if label.status == LabelStatus.WITHDRAWN:
        raise TransitionNotAllowed(_("This label has been withdrawn."))
    if period < 1 or add_months(label.valid_from, 12 * (period - 1)) > timezone.localdate():
        raise ApplicationError(_("This year of the label has not started yet."))
    try:
        with transaction.atomic():
            return AnnualReport.objects.create(
                label=label,
                period=period,
                requests_handled=requests_handled,
                appointments_held=appointments_held,
                events_run=events_run,
                narrative=narrative,
                submitted_by=actor,
            )
    except IntegrityError as error:
        raise ApplicationError(_("The report for this year has already been sent.")) from error


# --- Reminders --------------------------------------------------------------------------------

EXPIRY_REMINDER_DAYS = 90


def _record_reminder(*, label: Label, kind: str, subject_key: str) -> LabelReminder | None:
    """The unique row first: if it exists already, another run sent this reminder."""
    try:
        with transaction.atomic():
            return LabelReminder.objects.create(label=label, kind=kind, subject_key=subject_key)
    except IntegrityError:
        return None


def reminders_send_expiry(*, today: datetime.date | None = None) -> int:
    from ..tasks_labelling import label_reminder_email_task

    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=EXPIRY_REMINDER_DAYS)
    sent = 0
    labels = Label.objects.filter(
        status=LabelStatus.ACTIVE, valid_until__gte=today, valid_until__lte=horizon
    )
    for label in labels:
        with transaction.atomic():
            reminder = _record_reminder(
                label=label,
                kind=LabelReminder.Kind.EXPIRY,
                subject_key=label.valid_until.isoformat(),
            )
            if reminder is not None:
                enqueue(label_reminder_email_task, reminder.pk)
                sent += 1
    return sent


def reminders_send_report_overdue(*, today: datetime.date | None = None) -> int:
    from ..tasks_labelling import label_reminder_email_task

    today = today or timezone.localdate()
    sent = 0
    labels = Label.objects.filter(status__in=Label.CURRENT).prefetch_related("annual_reports")
    for label in labels:
        submitted = {report.period for report in label.annual_reports.all()}
        for period in report_periods_due(label, today=today):
            if period in submitted:
                continue
            with transaction.atomic():
                reminder = _record_reminder(
                    label=label, kind=LabelReminder.Kind.REPORT_OVERDUE, subject_key=str(period)
                )
                if reminder is not None:
                    enqueue(label_reminder_email_task, reminder.pk)
                    sent += 1
    return sent
