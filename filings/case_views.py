from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.exceptions import ApplicationError

from . import selectors_cases as selectors
from .access import advised_hub_ids, can_act_as_owner, can_review_case
from .services.cases import case_message_post
from .services.trademark import prefiling_start


class CaseMessageForm(forms.Form):
    text = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class CaseTrademarkForm(forms.Form):
    mark_text = forms.CharField(label=_("The brand to protect"), max_length=200, required=False)


@login_required
def case_list(request):
    return render(
        request,
        "filings/case/list.html",
        {"cases": selectors.cases_for_user(user=request.user)[:200]},
    )


@login_required
def case_detail(request, public_id):
    case = selectors.case_get_for_user(user=request.user, public_id=public_id)
    is_owner = can_act_as_owner(request.user, case)
    may_write = is_owner or can_review_case(request.user, case)
    context = {
        "case": case,
        "is_owner": is_owner,
        "message_form": CaseMessageForm() if may_write else None,
        "trademark_form": CaseTrademarkForm() if is_owner else None,
        **selectors.case_contents(case=case, viewer=request.user),
    }
    return render(request, "filings/case/detail.html", context)


@login_required
@require_POST
def case_message(request, public_id):
    case = selectors.case_get_for_user(user=request.user, public_id=public_id)
    form = CaseMessageForm(request.POST)
    if form.is_valid():
        try:
            case_message_post(case=case, actor=request.user, text=form.cleaned_data["text"])
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Message sent."))
    return redirect("filings:case_detail", public_id=public_id)


@login_required
@require_POST
def case_trademark_start(request, public_id):
    """ "Protect the brand of this company": a pre-filing inside the same case."""
    case = selectors.case_get_for_user(user=request.user, public_id=public_id)
    if not can_act_as_owner(request.user, case):
        raise PermissionDenied
    form = CaseTrademarkForm(request.POST)
    mark = form.cleaned_data["mark_text"] if form.is_valid() else ""
    # No company request: the reverse one-to-one raises an AttributeError subclass.
    company = getattr(case, "company_request", None)
    if not mark and company is not None:
        mark = company.certificate_name or company.name_1
    prefiling = prefiling_start(owner=request.user, case=case, mark_text=mark)
    return redirect("filings:trademark_step", public_id=prefiling.public_id, step=1)


@login_required
def advisor_home(request):
    if not advised_hub_ids(request.user):
        raise PermissionDenied
    waiting = selectors.advisor_waiting_items(user=request.user)
    return render(
        request,
        "filings/case/advisor_home.html",
        {
            "waiting": waiting,
            "overdue_count": sum(1 for entry in waiting if entry.overdue),
            "meetings": selectors.advisor_meetings_today(user=request.user),
        },
    )
