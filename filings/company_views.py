"""Pages of the company-creation request: parse, call a selector or a service, respond."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from accounts.roles import is_office_staff
from core.exceptions import ApplicationError
from core.http import client_ip
from core.inputs import int_or_none, search_text, uuid_or_none
from core.uploads import served_as

from . import selectors_company as selectors
from .access import advised_hub_ids, can_act_as_owner, can_review_case
from .company_forms import (
    AssignForm,
    CompanyStartForm,
    DocumentForm,
    LegalFormStepForm,
    MessageForm,
    NamesStepForm,
    OfficeStepForm,
    PartnerFormSet,
    ProjectStepForm,
    TransitionForm,
)
from .models import CompanyStatus, LegalForm
from .services import company as services
from .services.personal_data import document_access_record

STEPS = [
    (1, gettext_lazy("The project")),
    (2, gettext_lazy("Legal form and capital")),
    (3, gettext_lazy("Company names")),
    (4, gettext_lazy("Partners and managers")),
    (5, gettext_lazy("Office and documents")),
    (6, gettext_lazy("Check and submit")),
]
# What the entrepreneur is expected to do now, by status.
EXPECTED_FROM_OWNER = {
    CompanyStatus.DRAFT: gettext_lazy("Complete the form and submit it."),
    CompanyStatus.INFO_REQUESTED: gettext_lazy(
        "Your advisor needs information or corrections: see the request below, edit, "
        "then submit again."
    ),
    CompanyStatus.CERTIFICATE_OBTAINED: gettext_lazy(
        "Your name is reserved: prepare the capital deposit and sign the statutes with your "
        "advisor before the certificate expires."
    ),
}


def _detail(company):
    return redirect("filings:company_detail", public_id=company.public_id)


@login_required
def company_list(request):
    form = CompanyStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        company = services.company_request_start(owner=request.user, hub=form.cleaned_data["hub"])
        return redirect("filings:company_step", public_id=company.public_id, step=1)
    return render(
        request,
        "filings/company/list.html",
        {"form": form, "companies": selectors.company_requests_of_owner(user=request.user)},
    )


def _step_form(step, request, company):
    data = request.POST if request.method == "POST" else None
    if step == 1:
        initial = {"activity": company.activity, "region": company.region_id}
        return ProjectStepForm(data, initial=initial)
    if step == 2:
        initial = {"legal_form": company.legal_form_id, "capital": company.capital}
        return LegalFormStepForm(data, initial=initial)
    if step == 3:
        initial = {"name_1": company.name_1, "name_2": company.name_2, "name_3": company.name_3}
        return NamesStepForm(data, initial=initial)
    if step == 4:
        initial = list(
            company.partners.values(
                "full_name", "id_type", "id_number", "nationality", "share", "is_manager"
            )
        )
        return PartnerFormSet(data, initial=initial, company=company, prefix="partners")
    if step == 5:
        initial = {"office_kind": company.office_kind, "office_address": company.office_address}
        return OfficeStepForm(data, initial=initial)
    return None


@login_required
def company_step(request, public_id, step):
    company = selectors.company_request_get_for_user(user=request.user, public_id=public_id)
    if not can_act_as_owner(request.user, company.case):
        raise PermissionDenied
    if company.status not in services.EDITABLE:
        return _detail(company)
    if step < 1 or step > services.LAST_STEP:
        raise Http404
    if step > company.step:
        return redirect("filings:company_step", public_id=public_id, step=company.step)
    form = _step_form(step, request, company)
    if step == 4 and request.method == "POST" and "add_partner" in request.POST:
        # Another row without losing what was typed: the rows come back as unbound initial data.
        form = PartnerFormSet(
            initial=_partner_rows(request.POST) + [{}], company=company, prefix="partners"
        )
    elif request.method == "POST" and form is not None and form.is_valid():
        try:
            if step == 4:
                partners = [{k: v for k, v in p.items() if k != "DELETE"} for p in form.partners()]
                services.company_request_save_step(
                    request=company, actor=request.user, step=step, fields={}, partners=partners
                )
            else:
                services.company_request_save_step(
                    request=company, actor=request.user, step=step, fields=form.cleaned_data
                )
        except ApplicationError as error:
            messages.error(request, error.message if hasattr(error, "message") else str(error))
            return _detail(company)
        messages.success(request, _("Saved. You can come back to it at any time, on any device."))
        if "save_and_stay" in request.POST:
            return redirect("filings:company_step", public_id=public_id, step=step)
        return redirect("filings:company_step", public_id=public_id, step=min(step + 1, 6))
    context = {
        "company": company,
        "case": company.case,
        "form": form,
        "step": step,
        "steps": STEPS,
        "progress": int(100 * (step - 1) / (len(STEPS) - 1)),
        "legal_forms": LegalForm.objects.filter(active=True),
        "document_form": DocumentForm() if step == 5 else None,
        "documents": list(company.documents.all()) if step in (5, 6) else [],
        "missing": services.missing_for_submission(company) if step == 6 else [],
        "name_checks": [services.company_name_check(name=n, exclude=company) for n in company.names]
        if step in (3, 6)
        else [],
    }
    status = 400 if form is not None and form.is_bound else 200
    return render(request, "filings/company/step.html", context, status=status)


_PARTNER_FIELDS = ("full_name", "id_type", "id_number", "nationality", "share", "is_manager")


def _partner_rows(data) -> list[dict]:
    try:
        total = min(int(data.get("partners-TOTAL_FORMS", 0)), 9)
    except ValueError:
        total = 0
    return [
        {name: data.get(f"partners-{i}-{name}", "")[:150] for name in _PARTNER_FIELDS}
        for i in range(total)
    ]


@login_required
@require_POST
def company_document_upload(request, public_id):
    company = selectors.company_request_get_for_user(user=request.user, public_id=public_id)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.company_document_add(
                request=company,
                actor=request.user,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
            )
            messages.success(request, _("Document added."))
        except ApplicationError as error:
            messages.error(request, str(error))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    if can_act_as_owner(request.user, company.case) and company.status in services.EDITABLE:
        return redirect("filings:company_step", public_id=public_id, step=min(company.step, 5))
    return _detail(company)


@login_required
def company_detail(request, public_id):
    company = selectors.company_request_get_for_user(user=request.user, public_id=public_id)
    is_owner = can_act_as_owner(request.user, company.case)
    is_advisor = can_review_case(request.user, company.case)
    hub_id = company.case.hub_id
    is_manager = services.is_hub_manager_of(request.user, hub_id)
    context = {
        "company": company,
        "case": company.case,
        "is_owner": is_owner,
        "is_advisor": is_advisor,
        "actions": services.actions_for(request=company, user=request.user),
        "transition_form": TransitionForm(),
        "message_form": MessageForm() if is_owner or is_advisor else None,
        "assign_form": AssignForm(advisors=selectors.advisors_of_hubs(hub_ids=[hub_id]))
        if is_manager
        else None,
        "partners": list(company.partners.all()),
        "documents": list(company.documents.all()),
        "document_form": DocumentForm() if is_advisor else None,
        "history": selectors.company_history(request=company),
        "expected": EXPECTED_FROM_OWNER.get(company.status) if is_owner else None,
        "refiling_deadline": services.refiling_deadline(company),
        "editable": is_owner and company.status in services.EDITABLE,
    }
    return render(request, "filings/company/detail.html", context)


@login_required
@require_POST
def company_transition(request, public_id):
    company = selectors.company_request_get_for_user(user=request.user, public_id=public_id)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return _detail(company)
    data = dict(form.cleaned_data)
    to_status = data.pop("to_status")
    note = data.pop("note", "")
    try:
        services.company_request_transition(
            request=company, to_status=to_status, actor=request.user, note=note, data=data
        )
    except ValueError:
        messages.error(request, _("This change is not possible."))
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Status updated."))
    return _detail(company)


@login_required
@require_POST
def company_message(request, public_id):
    company = selectors.company_request_get_for_user(user=request.user, public_id=public_id)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.company_message_post(
                request=company, actor=request.user, text=form.cleaned_data["text"]
            )
            messages.success(request, _("Message sent."))
        except ApplicationError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Please write a message of 5000 characters at most."))
    return _detail(company)


@login_required
@require_POST
def company_claim(request, public_id):
    company = selectors.company_request_get_for_user(user=request.user, public_id=public_id)
    try:
        services.company_request_claim(request=company, actor=request.user)
        messages.success(request, _("You now follow this request."))
    except ApplicationError as error:
        messages.error(request, str(error))
    return _detail(company)


@login_required
@require_POST
def company_assign(request, public_id):
    company = selectors.company_request_get_for_user(user=request.user, public_id=public_id)
    form = AssignForm(
        request.POST, advisors=selectors.advisors_of_hubs(hub_ids=[company.case.hub_id])
    )
    if not services.is_hub_manager_of(request.user, company.case.hub_id):
        raise PermissionDenied
    if form.is_valid():
        try:
            services.company_request_assign(
                request=company, advisor=form.cleaned_data["advisor"], actor=request.user
            )
            messages.success(request, _("Request assigned."))
        except ApplicationError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Please choose an advisor of the hub."))
    return _detail(company)


@login_required
def company_document(request, public_id):
    document = selectors.company_document_get_for_user(user=request.user, public_id=public_id)
    # Law 09-08: every opening of a document (identity documents above all) leaves a trace.
    document_access_record(document=document, actor=request.user, ip_address=client_ip(request))
    content_type, filename = served_as(
        f"{document.kind}-{document.request.reference}", document.content_type
    )
    response = FileResponse(
        document.file.open("rb"), content_type=content_type, as_attachment=True, filename=filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def company_receipt(request, public_id):
    company = selectors.company_request_get_for_user(user=request.user, public_id=public_id)
    if not company.receipt:
        raise Http404
    return FileResponse(
        company.receipt.open("rb"),
        content_type="application/pdf",
        filename=f"{company.reference}.pdf",
    )


@login_required
def company_queue(request):
    if not advised_hub_ids(request.user):
        raise PermissionDenied
    status = request.GET.get("status", "")
    older = min(int_or_none(request.GET.get("older_than")) or 0, 3650)
    mine = request.GET.get("mine") == "1"
    queue = selectors.company_queue(
        user=request.user, status=status, older_than_days=older, mine=mine
    )[:200]
    return render(
        request,
        "filings/company/queue.html",
        {
            "queue": queue,
            "statuses": [(s, label) for s, label in CompanyStatus.choices if s != "draft"],
            "status": status,
            "older_than": older,
            "mine": mine,
            "workload": selectors.advisor_workload(user=request.user),
        },
    )


@login_required
@require_GET
def company_name_check_json(request):
    name = request.GET.get("name", "")[:200]
    exclude = None
    if request.GET.get("request"):
        public_id = uuid_or_none(request.GET["request"])
        if public_id is None:
            return JsonResponse({"error": _("This request could not be read.")}, status=400)
        try:
            exclude = selectors.company_request_get_for_user(user=request.user, public_id=public_id)
        except (Http404, PermissionDenied):
            exclude = None
    result = services.company_name_check(name=name, exclude=exclude)
    return JsonResponse(
        {
            "name": result["name"],
            "errors": [str(e) for e in result["errors"]],
            "warnings": [{"kind": w["kind"], "text": str(w["text"])} for w in result["warnings"]],
        }
    )


@login_required
def document_access_log(request):
    """Office staff read who opened which document of which case, newest first."""
    if not is_office_staff(request.user):
        raise PermissionDenied
    reference = search_text(request.GET.get("case"), max_length=20)
    page = Paginator(selectors.document_accesses(case_reference=reference), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "filings/company/document_access_log.html",
        {"page": page, "reference": reference},
    )
