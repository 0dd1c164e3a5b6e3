"""The chamber's side of labelling, and the pages chamber and office share."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import is_hub_manager, is_office_staff
from core.exceptions import ApplicationError
from core.uploads import served_as

from .. import labelling_selectors as selectors
from ..forms_labelling import (
    AnnualReportForm,
    ApplicationForm,
    CorrectionsForm,
    DecisionForm,
    EvidenceForm,
    NewApplicationForm,
    NoteForm,
    ReasonForm,
    RenewForm,
    ScoresForm,
    SuspendForm,
    VisitReportForm,
    VisitScheduleForm,
)
from ..labelling_certificate import certificate_pdf
from ..labelling_figures import annual_figures
from ..models.labelling import Criterion, Label, LabelApplication
from ..services import labelling as services

Status = LabelApplication.Status


def _speaks_for(request, application_or_label) -> bool:
    chamber_id = (
        application_or_label.chamber_id
        if isinstance(application_or_label, LabelApplication)
        else application_or_label.hub.chamber_id
    )
    return selectors.user_speaks_for_chamber(user=request.user, chamber_id=chamber_id)


@login_required
def application_list(request):
    if not (is_hub_manager(request.user) or is_office_staff(request.user)):
        raise PermissionDenied
    applications = selectors.application_list_for_user(user=request.user)
    labels = selectors.label_list_for_user(user=request.user)
    return render(
        request,
        "hubs/labelling/application_list.html",
        {
            "applications": applications,
            "labels": labels,
            "can_apply": selectors.hubs_user_may_apply_for(user=request.user).exists(),
        },
    )


@login_required
def application_new(request):
    hubs = selectors.hubs_user_may_apply_for(user=request.user)
    if not hubs.exists():
        raise PermissionDenied
    form = NewApplicationForm(request.POST or None, hubs=hubs)
    if request.method == "POST" and form.is_valid():
        hub = form.cleaned_data["hub"]
        try:
            application = services.application_create(
                hub=hub,
                actor=request.user,
                space_address=hub.address,
                opening_hours=hub.opening_hours,
            )
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your draft application has been created."))
            return redirect("hubs:labelling_application_edit", public_id=application.public_id)
    return render(request, "hubs/labelling/application_new.html", {"form": form})


@login_required
def application_detail(request, public_id):
    application = selectors.application_get_for_user(user=request.user, public_id=public_id)
    return render(
        request, "hubs/labelling/application_detail.html", _detail_context(request, application)
    )


def _detail_context(request, application, *, evidence_form=None) -> dict:
    office = is_office_staff(request.user)
    chamber = _speaks_for(request, application)
    if evidence_form is None and chamber and application.is_editable:
        evidence_form = EvidenceForm()
    context = {
        "application": application,
        "history": application.history.select_related("actor"),
        "evidence": application.evidence.all(),
        "office": office,
        "chamber": chamber,
        "missing": services.application_missing_parts(application)
        if application.is_editable
        else [],
        "evidence_form": evidence_form,
        "label": Label.objects.filter(application=application).first(),
    }
    if office:
        context.update(_office_context(application))
    return context


def _office_context(application: LabelApplication) -> dict:
    criteria = Criterion.objects.filter(grid_id=application.grid_id) if application.grid_id else []
    scores = {score.criterion_id: score for score in application.scores.all()}
    status = application.status
    return {
        "scores_form": ScoresForm(criteria=criteria, scores=scores)
        if status in (Status.IN_REVIEW, Status.SITE_VISIT)
        else None,
        "score_summary": services.application_score_summary(application)
        if application.grid_id
        else None,
        "accept_form": NoteForm() if status == Status.SUBMITTED else None,
        "corrections_form": CorrectionsForm()
        if Status.CORRECTIONS in LabelApplication.TRANSITIONS[status]
        else None,
        "visit_form": VisitScheduleForm(initial={"visit_on": application.site_visit_on})
        if status in (Status.IN_REVIEW, Status.SITE_VISIT)
        else None,
        "visit_report_form": VisitReportForm(initial={"report": application.site_visit_report})
        if status == Status.SITE_VISIT
        else None,
        "decision_form": DecisionForm()
        if status in (Status.IN_REVIEW, Status.SITE_VISIT)
        else None,
    }


@login_required
def application_edit(request, public_id):
    application = selectors.application_get_for_user(user=request.user, public_id=public_id)
    if not _speaks_for(request, application):
        raise PermissionDenied
    if not application.is_editable:
        messages.info(request, _("This application can no longer be changed."))
        return redirect("hubs:labelling_application", public_id=public_id)
    form = ApplicationForm(request.POST or None, instance=application)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_update(
                application=application, actor=request.user, data=form.cleaned_data
            )
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your application has been saved."))
            return redirect("hubs:labelling_application", public_id=public_id)
    return render(
        request,
        "hubs/labelling/application_edit.html",
        {"form": form, "application": application},
    )


@login_required
@require_POST
def evidence_add(request, public_id):
    application = selectors.application_get_for_user(user=request.user, public_id=public_id)
    if not _speaks_for(request, application):
        raise PermissionDenied
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.evidence_add(
                application=application,
                actor=request.user,
                uploaded_file=form.cleaned_data["file"],
                description=form.cleaned_data["description"],
            )
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The file has been added."))
            return redirect("hubs:labelling_application", public_id=public_id)
    # Re-show the page with the form's errors and the description that was typed.
    return render(
        request,
        "hubs/labelling/application_detail.html",
        _detail_context(request, application, evidence_form=form),
        status=400,
    )


@login_required
def evidence_download(request, public_id, evidence_id):
    evidence = selectors.evidence_get_for_user(
        user=request.user, application_public_id=public_id, public_id=evidence_id
    )
    content_type, filename = served_as(
        f"evidence-{evidence.application.hub.slug}-{evidence.pk}", evidence.content_type
    )
    response = FileResponse(
        evidence.file.open("rb"), content_type=content_type, as_attachment=True, filename=filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def evidence_remove(request, public_id, evidence_id):
    evidence = selectors.evidence_get_for_user(
        user=request.user, application_public_id=public_id, public_id=evidence_id
    )
    try:
        services.evidence_delete(evidence=evidence, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The file has been removed."))
    return redirect("hubs:labelling_application", public_id=public_id)


@login_required
@require_POST
def application_submit(request, public_id):
    application = selectors.application_get_for_user(user=request.user, public_id=public_id)
    if not _speaks_for(request, application):
        raise PermissionDenied
    try:
        services.application_submit(application=application, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Your application has been sent to the office. You will be told by email.")
        )
    return redirect("hubs:labelling_application", public_id=public_id)


@login_required
def label_detail(request, public_id):
    label = selectors.label_get_for_user(user=request.user, public_id=public_id)
    return render(request, "hubs/labelling/label_detail.html", _label_context(request, label))


def _label_context(request, label) -> dict:
    office = is_office_staff(request.user)
    chamber = _speaks_for(request, label)
    periods = services.report_periods_due(label, today=timezone.localdate())
    reports = list(selectors.annual_reports_of(label))
    submitted = {report.period for report in reports}
    # The chamber may report on any year already begun and not yet reported.
    open_periods = [p for p in range(1, len(periods) + 2) if p not in submitted]
    if label.status == Label.Status.WITHDRAWN:
        open_periods = []
    context = {
        "label": label,
        "state": selectors.label_state_today(label),
        "history": label.history.select_related("actor"),
        "reports": reports,
        "missing_periods": [p for p in periods if p not in submitted],
        "office": office,
        "chamber": chamber,
        "pilot_evaluation": selectors.pilot_evaluation_date(label),
        "report_form": AnnualReportForm(
            periods=open_periods, initial=_known_figures(label, open_periods[0])
        )
        if chamber and open_periods
        else None,
    }
    if office:
        allowed = Label.TRANSITIONS[Label.Status(label.status)]
        context.update(
            {
                "renew_form": RenewForm(
                    initial={"phase": label.phase, "maturity": label.maturity},
                    prefix="renew",
                )
                if Label.Status.ACTIVE in allowed
                else None,
                "suspend_form": SuspendForm(prefix="suspend")
                if Label.Status.SUSPENDED in allowed
                else None,
                "reinstate_form": ReasonForm(prefix="reinstate")
                if label.status == Label.Status.SUSPENDED
                else None,
                "withdraw_form": ReasonForm(prefix="withdraw")
                if Label.Status.WITHDRAWN in allowed
                else None,
            }
        )
    return context


def _known_figures(label, period: int) -> dict:
    start = services.add_months(label.valid_from, 12 * (period - 1))
    end = services.add_months(label.valid_from, 12 * period)
    return {"period": period, **annual_figures(hub=label.hub, start=start, end=end)}


@login_required
@require_POST
def annual_report_new(request, public_id):
    label = selectors.label_get_for_user(user=request.user, public_id=public_id)
    if not _speaks_for(request, label):
        raise PermissionDenied
    periods = range(1, len(services.report_periods_due(label, today=timezone.localdate())) + 2)
    form = AnnualReportForm(request.POST, periods=periods)
    if form.is_valid():
        try:
            services.annual_report_submit(label=label, actor=request.user, **form.cleaned_data)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your annual report has been sent."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("hubs:labelling_label", public_id=public_id)


@login_required
def label_certificate(request, public_id):
    label = selectors.label_get_for_user(user=request.user, public_id=public_id)
    if label.status == Label.Status.WITHDRAWN:
        raise PermissionDenied
    response = HttpResponse(certificate_pdf(label), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="label-{label.number}.pdf"'
    return response
