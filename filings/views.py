import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from core.exceptions import ApplicationError
from core.uploads import served_as

from . import selectors
from .access import advised_hub_ids, can_act_as_owner, can_review_case
from .forms import (
    ApplicantStepForm,
    ClassesStepForm,
    CommentForm,
    MarkStepForm,
    ReviewForm,
    StartForm,
)
from .models import PreFilingStatus
from .search.engine import REASONS, RISKS, explain_report, marks_similar_to
from .services import trademark as services
from .services.fees import fee_estimate, fee_grid_current, fees_for_reader

# Lazy: read at import, an eager gettext would freeze the titles in the server's language.
STEPS = [
    (1, gettext_lazy("The mark")),
    (2, gettext_lazy("The applicant")),
    (3, gettext_lazy("Goods and services")),
    (4, gettext_lazy("Check and submit")),
]


def _detail_url(prefiling):
    return reverse("filings:trademark_detail", args=[prefiling.public_id])


@login_required
def trademark_list(request):
    form = StartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        prefiling = services.prefiling_start(
            owner=request.user,
            hub=form.cleaned_data["hub"],
            mark_text=form.cleaned_data["mark_text"],
        )
        return redirect("filings:trademark_step", public_id=prefiling.public_id, step=1)
    return render(
        request,
        "filings/trademark_list.html",
        {"form": form, "prefilings": selectors.prefilings_of_owner(user=request.user)},
    )


def _step_form(step, request, prefiling):
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    if step == 1:
        initial = {"mark_type": prefiling.mark_type, "mark_text": prefiling.mark_text}
        return MarkStepForm(data, files, initial=initial, has_logo=bool(prefiling.logo))
    if step == 2:
        initial = {
            "applicant_kind": prefiling.applicant_kind,
            "applicant_name": prefiling.applicant_name,
            "applicant_address": prefiling.applicant_address,
            "applicant_resides_in_morocco": prefiling.applicant_resides_in_morocco,
            "agent_name": prefiling.agent_name,
            "agent_address": prefiling.agent_address,
        }
        return ApplicantStepForm(data, initial=initial)
    if step == 3:
        term_classes = set(prefiling.terms.values_list("nice_class_id", flat=True))
        initial = {
            "terms": list(prefiling.terms.all()),
            "extra_classes": [c for c in prefiling.classes if c not in term_classes],
            "free_terms": prefiling.free_terms,
            "channel": prefiling.channel,
        }
        return ClassesStepForm(data, initial=initial)
    return None


@login_required
def trademark_step(request, public_id, step):
    prefiling = selectors.prefiling_get_for_user(user=request.user, public_id=public_id)
    if not can_act_as_owner(request.user, prefiling.case):
        raise PermissionDenied
    if step not in (1, 2, 3, 4):
        raise Http404
    if prefiling.status not in services.EDITABLE:
        return redirect(_detail_url(prefiling))
    form = _step_form(step, request, prefiling)
    if request.method == "POST" and form is not None and form.is_valid():
        data = dict(form.cleaned_data)
        terms = None
        if step == 3:
            terms = list(data.pop("terms"))
            extra = data.pop("extra_classes")
            data["classes"] = sorted(set(extra))
        try:
            services.prefiling_save_step(
                prefiling=prefiling, actor=request.user, step=step, fields=data, terms=terms
            )
        except ApplicationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved as a draft."))
            return redirect("filings:trademark_step", public_id=public_id, step=step + 1)
    context = {
        "prefiling": prefiling,
        "form": form,
        "step": step,
        "steps": STEPS,
        "progress": step * 25,
    }
    if step == 1 and prefiling.mark_text:
        context["report"] = _report(prefiling.mark_text, prefiling.classes)
    if step == 3:
        query = request.GET.get("q", "")
        describe = request.GET.get("describe", "")
        context.update(
            query=query,
            describe=describe,
            found=selectors.nice_search(query=query) if query else None,
            suggested=(selectors.classes_suggested_for(description=describe) if describe else None),
        )
    if step == 4:
        context.update(
            report=_report(prefiling.mark_text, prefiling.classes),
            fees=fees_for_reader(
                fee_estimate(class_count=len(prefiling.classes), channel=prefiling.channel)
            ),
            grid=fee_grid_current(),
            missing=services.missing_for_submission(prefiling),
            terms_by_class=services.terms_grouped_by_class(
                prefiling, prefiling.terms.select_related("nice_class")
            ),
        )
    return render(request, "filings/trademark_step.html", context)


def _report(mark_text, classes):
    report = services.similarity_report(mark_text=mark_text, classes=classes)
    return explain_report(report)


@login_required
@require_GET
def similarity_json(request):
    """The live report of the mark step, fetched as the applicant types."""
    text = request.GET.get("q", "")[:200]
    try:
        classes = [int(c) for c in request.GET.getlist("classes") if 1 <= int(c) <= 45]
    except ValueError:
        classes = []
    results = marks_similar_to(text, classes=classes, limit=5) if text.strip() else []
    return JsonResponse(
        {
            "results": [
                dict(
                    m.as_dict(),
                    risk_label=str(RISKS[m.risk]),
                    reason_labels=[str(REASONS[c]) for c in m.reasons],
                )
                for m in results
            ]
        }
    )


@login_required
def trademark_detail(request, public_id):
    prefiling = selectors.prefiling_get_for_user(user=request.user, public_id=public_id)
    case = prefiling.case
    is_owner = can_act_as_owner(request.user, case)
    is_reviewer = can_review_case(request.user, case)
    moves = services.TRANSITIONS.get(prefiling.status, {})
    actions = [
        (to, PreFilingStatus(to).label)
        for to, who in moves.items()
        if (who == services.OWNER and is_owner) or (who == services.REVIEWER and is_reviewer)
    ]
    report = prefiling.similarity_report or (
        _report(prefiling.mark_text, prefiling.classes) if prefiling.mark_text else {}
    )
    return render(
        request,
        "filings/trademark_detail.html",
        {
            "prefiling": prefiling,
            "case": case,
            "is_owner": is_owner,
            "is_reviewer": is_reviewer,
            "actions": actions,
            "report": explain_report(report),
            "fees": fees_for_reader(
                prefiling.fee_estimate
                or fee_estimate(class_count=len(prefiling.classes), channel=prefiling.channel)
            ),
            "terms_by_class": services.terms_grouped_by_class(
                prefiling, prefiling.terms.select_related("nice_class")
            ),
            "history": selectors.case_history(prefiling=prefiling),
            "comment_form": CommentForm(),
            "review_form": ReviewForm(),
        },
    )


@login_required
@require_POST
def trademark_transition(request, public_id):
    prefiling = selectors.prefiling_get_for_user(user=request.user, public_id=public_id)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("This change is not possible."))
        return redirect(_detail_url(prefiling))
    try:
        services.prefiling_transition(
            prefiling=prefiling,
            to_status=form.cleaned_data["to_status"],
            actor=request.user,
            note=form.cleaned_data["note"],
        )
    except ApplicationError as error:
        messages.error(request, error.message)
        if form.cleaned_data["to_status"] == PreFilingStatus.SUBMITTED:
            return redirect("filings:trademark_step", public_id=public_id, step=4)
    else:
        messages.success(
            request,
            _("Done: the status is now “%(status)s”.")
            % {"status": PreFilingStatus(form.cleaned_data["to_status"]).label},
        )
    return redirect(_detail_url(prefiling))


@login_required
@require_POST
def trademark_comment(request, public_id):
    prefiling = selectors.prefiling_get_for_user(user=request.user, public_id=public_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.prefiling_comment(
                prefiling=prefiling, actor=request.user, note=form.cleaned_data["note"]
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your comment has been added."))
    else:
        messages.error(request, _("Write a comment first."))
    return redirect(_detail_url(prefiling))


@login_required
def trademark_logo(request, public_id):
    prefiling = selectors.prefiling_get_for_user(user=request.user, public_id=public_id)
    if not prefiling.logo:
        raise Http404
    # Stored under a name the platform made, with the extension of what the image really is.
    detected = mimetypes.guess_type(prefiling.logo.name)[0] or ""
    content_type, filename = served_as(f"logo-{prefiling.case.reference}", detected)
    response = FileResponse(prefiling.logo.open("rb"), content_type=content_type, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def trademark_filing_file(request, public_id):
    prefiling = selectors.prefiling_get_for_user(user=request.user, public_id=public_id)
    if not prefiling.filing_file:
        raise Http404
    return FileResponse(
        prefiling.filing_file.open("rb"),
        content_type="application/pdf",
        as_attachment=False,
        filename=f"{prefiling.case.reference}.pdf",
    )


@login_required
def review_list(request):
    if not advised_hub_ids(request.user):
        raise PermissionDenied
    status = request.GET.get("status", "")
    if status not in PreFilingStatus.values:
        status = ""
    prefilings = list(selectors.prefilings_to_review(user=request.user, status=status))
    for prefiling in prefilings:
        # The report stores a code; the list shows it in the reader's words.
        risk = (prefiling.similarity_report or {}).get("highest_risk")
        prefiling.risk_label = str(RISKS.get(risk, "—"))
    return render(
        request,
        "filings/review_list.html",
        {
            "prefilings": prefilings,
            "status": status,
            "statuses": PreFilingStatus.choices,
        },
    )
