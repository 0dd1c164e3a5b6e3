"""Office staff: the dashboard and every decision on applications and labels."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from accounts.roles import is_office_staff
from core.exceptions import ApplicationError

from .. import labelling_selectors as selectors
from ..forms_labelling import (
    CorrectionsForm,
    DecisionForm,
    NoteForm,
    ReasonForm,
    RenewForm,
    ScoresForm,
    SuspendForm,
    VisitReportForm,
    VisitScheduleForm,
)
from ..models.labelling import Criterion
from ..services import labelling as services
from .labelling import _detail_context, _label_context

# Which form of the detail page an action's form replaces when it comes back with errors.
_FORM_KEYS = {
    "accept": "accept_form",
    "scores": "scores_form",
    "visit": "visit_form",
    "visit-report": "visit_report_form",
    "corrections": "corrections_form",
    "decide": "decision_form",
    "renew": "renew_form",
    "suspend": "suspend_form",
    "reinstate": "reinstate_form",
    "withdraw": "withdraw_form",
}


def _office_only(request) -> None:
    if not is_office_staff(request.user):
        raise PermissionDenied


@login_required
def dashboard(request):
    _office_only(request)
    return render(request, "hubs/labelling/office_dashboard.html", selectors.dashboard_figures())


def _scores_form(request, application):
    criteria = Criterion.objects.filter(grid_id=application.grid_id)
    scores = {score.criterion_id: score for score in application.scores.all()}
    return ScoresForm(request.POST, criteria=criteria, scores=scores)


# action -> (form factory, service call, success message)
_APPLICATION_ACTIONS = {
    "accept": (
        lambda request, application: NoteForm(request.POST),
        lambda application, actor, data: services.application_accept_complete(
            application=application, actor=actor, note=data["note"]
        ),
        _("The application is complete and goes to review."),
    ),
    "scores": (
        _scores_form,
        lambda application, actor, data: services.application_score(
            application=application, actor=actor, scores=data
        ),
        _("The scores have been saved."),
    ),
    "visit": (
        lambda request, application: VisitScheduleForm(request.POST),
        lambda application, actor, data: services.application_schedule_visit(
            application=application, actor=actor, visit_on=data["visit_on"]
        ),
        _("The site visit has been scheduled."),
    ),
    "visit-report": (
        lambda request, application: VisitReportForm(request.POST),
        lambda application, actor, data: services.application_record_visit(
            application=application, actor=actor, report=data["report"]
        ),
        _("The site visit report has been recorded."),
    ),
    "corrections": (
        lambda request, application: CorrectionsForm(request.POST),
        lambda application, actor, data: services.application_request_corrections(
            application=application, actor=actor, note=data["note"], deadline=data["deadline"]
        ),
        _("The chamber has been asked for corrections."),
    ),
    "decide": (
        lambda request, application: DecisionForm(request.POST),
        lambda application, actor, data: services.application_decide(
            application=application,
            actor=actor,
            decision=data["decision"],
            reasons=data["reasons"],
            maturity=data.get("maturity"),
        ),
        _("The decision has been recorded and the chamber informed."),
    ),
}


@login_required
@require_POST
def application_action(request, public_id, action):
    _office_only(request)
    if action not in _APPLICATION_ACTIONS:
        raise Http404
    application = selectors.application_get_for_user(user=request.user, public_id=public_id)
    make_form, call, success = _APPLICATION_ACTIONS[action]
    form = make_form(request, application)
    if form.is_valid():
        data = form.scores() if isinstance(form, ScoresForm) else form.cleaned_data
        try:
            call(application, request.user, data)
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, success)
            return redirect("hubs:labelling_application", public_id=public_id)
    # Back to the page with the errors next to what was typed.
    messages.error(request, _("The action could not be recorded: see the form below."))
    context = _detail_context(request, application)
    context[_FORM_KEYS[action]] = form
    return render(request, "hubs/labelling/application_detail.html", context, status=400)


_LABEL_ACTIONS = {
    "renew": (
        RenewForm,
        lambda label, actor, data: services.label_renew(
            label=label,
            actor=actor,
            valid_until=data["valid_until"],
            phase=data["phase"],
            maturity=data["maturity"],
            reason=data["reason"],
        ),
        _("The label has been renewed."),
    ),
    "suspend": (
        SuspendForm,
        lambda label, actor, data: services.label_suspend(
            label=label, actor=actor, deadline=data["deadline"], reason=data["reason"]
        ),
        _("The label has been suspended."),
    ),
    "reinstate": (
        ReasonForm,
        lambda label, actor, data: services.label_reinstate(
            label=label, actor=actor, reason=data["reason"]
        ),
        _("The label has been reinstated."),
    ),
    "withdraw": (
        ReasonForm,
        lambda label, actor, data: services.label_withdraw(
            label=label, actor=actor, reason=data["reason"]
        ),
        _("The label has been withdrawn."),
    ),
}


@login_required
@require_POST
def label_action(request, public_id, action):
    _office_only(request)
    if action not in _LABEL_ACTIONS:
        raise Http404
    label = selectors.label_get_for_user(user=request.user, public_id=public_id)
    form_class, call, success = _LABEL_ACTIONS[action]
    form = form_class(request.POST, prefix=action)
    if form.is_valid():
        try:
            call(label, request.user, form.cleaned_data)
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, success)
            return redirect("hubs:labelling_label", public_id=public_id)
    messages.error(request, _("The action could not be recorded: see the form below."))
    context = _label_context(request, label)
    context[_FORM_KEYS[action]] = form
    return render(request, "hubs/labelling/label_detail.html", context, status=400)
