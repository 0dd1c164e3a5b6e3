"""Law 09-08 on the files: export a person's cases, erase them, keep closed cases only as long
as the retention period, and trace every opening of a document."""

import datetime

from django.db import transaction
from django.db.models import Exists, Max, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.personal_data import Record, delete_file_on_commit, record_of
from accounts.roles import is_office_staff

from ..access import advised_hub_ids
from ..models import (
    Case,
    CaseEvent,
    CompanyDocument,
    CompanyDocumentKind,
    CompanyPartner,
    CompanyRequest,
    CompanyStatus,
    DocumentAccess,
    PreFilingStatus,
    RetentionPeriod,
    TrademarkPreFiling,
)
from .cases import case_event_record
from .trademark import prefiling_transition

# A case is closed when nothing more can happen to it.
CLOSED_COMPANY = (CompanyStatus.COMPANY_CREATED, CompanyStatus.WITHDRAWN)
CLOSED_TRADEMARK = (PreFilingStatus.APPROVED, PreFilingStatus.WITHDRAWN)
ANONYMISED = "—"


# --- The access log -------------------------------------------------------------------------


def document_access_record(*, document: CompanyDocument, actor, ip_address: str) -> DocumentAccess:
    case = document.request.case
    return DocumentAccess.objects.create(
        document=document,
        document_public_id=document.public_id,
        document_kind=document.kind,
        case=case,
        case_reference=case.reference,
        accessed_by=actor,
        ip_address=ip_address or None,
    )


# --- Erasure --------------------------------------------------------------------------------


@transaction.atomic
def company_request_withdraw_on_erasure(*, request: CompanyRequest, actor) -> CompanyRequest:
    """The owner leaves: a request still in progress stops, with an event like any move."""
    request = CompanyRequest.objects.select_for_update().select_related("case").get(pk=request.pk)
    if request.status in CLOSED_COMPANY:
        return request
    from_status = request.status
    request.status = CompanyStatus.WITHDRAWN
    request.status_changed_at = timezone.now()
    request.save(update_fields=["status", "status_changed_at"])
    case_event_record(
        case=request.case,
        actor=actor,
        kind="transition",
        subject="company_request",
        from_status=from_status,
        to_status=CompanyStatus.WITHDRAWN,
    )
    return request


@transaction.atomic
def case_anonymise(*, case: Case) -> Case:
    """Erase what identifies a person in a case; keep kind, hub, statuses and dates (figures)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.anonymised_at:
        return case
    case.title = ANONYMISED
    case.anonymised_at = timezone.now()
    case.save(update_fields=["title", "anonymised_at", "updated_at"])
    # Notes and details quote names, numbers, file names and what was discussed.
    CaseEvent.objects.filter(case=case).update(note="", details={})
    company = CompanyRequest.objects.filter(case=case).first()
    if company is not None:
        for document in company.documents.all():
            delete_file_on_commit(document.file)
        company.documents.all().delete()
        company.partners.all().delete()
        delete_file_on_commit(company.receipt)
        for field in ("activity", "name_1", "name_2", "name_3", "office_address", "info_request",
                      "certificate_number", "certificate_name", "refusal_reason", "if_number",
                      "ice_number", "rc_number", "cnss_number", "receipt"):  # fmt: skip
            setattr(company, field, "")
        company.name_checks = {}
        company.save()
    # A case file may hold several pre-filings (one per brand of the project).
    for prefiling in TrademarkPreFiling.objects.filter(case=case):
        delete_file_on_commit(prefiling.logo)
        delete_file_on_commit(prefiling.filing_file)
        for field in ("mark_text", "logo", "applicant_name", "applicant_address", "agent_name",
                      "agent_address", "free_terms", "filing_file"):  # fmt: skip
            setattr(prefiling, field, "")
        prefiling.similarity_report = {}
        prefiling.save()
        prefiling.terms.clear()
    return case


def erase(*, user, actor) -> None:
    """The owner deletes their account: open requests are withdrawn, every case anonymised."""
    cases = (
        Case.objects.filter(owner=user)
        .select_related("company_request")
        .prefetch_related("trademarks")
    )
    for case in cases:
        company = getattr(case, "company_request", None)
        if company is not None and company.status not in CLOSED_COMPANY:
            company_request_withdraw_on_erasure(request=company, actor=actor)
        for prefiling in case.trademarks.all():
            if prefiling.status not in CLOSED_TRADEMARK:
                prefiling_transition(
                    prefiling=prefiling, to_status=PreFilingStatus.WITHDRAWN, actor=actor
                )
        case_anonymise(case=case)
    # What they wrote on other people's cases (entrepreneurs write only on their own, but a
    # former advisor's account may have been emptied of its role first).
    CaseEvent.objects.filter(actor=user).update(note="", details={})
    # The trace that a document was opened stays (the owner's right to know); the address it
    # was opened from is the person's.
    DocumentAccess.objects.filter(accessed_by=user).update(ip_address=None)


# --- Retention ------------------------------------------------------------------------------


def cases_past_retention(*, now=None):
    """Closed cases, not yet anonymised, whose last event is older than the period in force."""
    now = now or timezone.now()
    period = RetentionPeriod.in_force(timezone.localdate(now))
    if period is None:
        return Case.objects.none()
    cutoff = now - datetime.timedelta(days=round(period.months * 30.44))
    # Closed means nothing of the case file is still open: a closed company request next to a
    # pre-filing still in review keeps the whole file.
    open_company = CompanyRequest.objects.filter(case=OuterRef("pk")).exclude(
        status__in=CLOSED_COMPANY
    )
    open_trademark = TrademarkPreFiling.objects.filter(case=OuterRef("pk")).exclude(
        status__in=CLOSED_TRADEMARK
    )
    has_filing = Exists(CompanyRequest.objects.filter(case=OuterRef("pk"))) | Exists(
        TrademarkPreFiling.objects.filter(case=OuterRef("pk"))
    )
    return (
        Case.objects.filter(anonymised_at__isnull=True)
        .filter(has_filing, ~Exists(open_company), ~Exists(open_trademark))
        .annotate(closed_at=Max("events__at"))
        .filter(closed_at__lt=cutoff)
    )


def closed_cases_anonymise(*, now=None, batch: int = 500) -> int:
    """The nightly job: one transaction per case, so a failure leaves the others done."""
    done = 0
    for case in cases_past_retention(now=now).order_by("pk")[:batch]:
        case_anonymise(case=case)
        done += 1
    return done


# --- Export ---------------------------------------------------------------------------------


def _case_extra(case: Case) -> Record:
    return [("case", _("Case"), case.reference), ("hub", _("Hub"), case.hub.name)]


def export_cases(user) -> list[Record]:
    cases = Case.objects.filter(owner=user).select_related("hub").order_by("created_at")
    return [record_of(case, ("kind", "title", "created_at"), _case_extra(case)) for case in cases]


def export_company_requests(user) -> list[Record]:
    requests = CompanyRequest.objects.filter(case__owner=user).select_related(
        "case__hub", "legal_form", "region"
    )
    fields = ("status", "activity", "region", "legal_form", "name_1", "name_2", "name_3",
              "capital", "office_kind", "office_address", "submitted_at", "info_request",
              "certificate_number", "certificate_name", "certificate_expires_on",
              "refusal_reason", "if_number", "ice_number", "rc_number", "cnss_number")  # fmt: skip
    return [record_of(r, fields, _case_extra(r.case)) for r in requests.order_by("pk")]


def export_partners(user) -> list[Record]:
    partners = CompanyPartner.objects.filter(request__case__owner=user).select_related(
        "request__case"
    )
    fields = ("full_name", "id_type", "id_number", "nationality", "share", "is_manager")
    return [
        record_of(p, fields, [("case", _("Case"), p.request.case.reference)])
        for p in partners.order_by("request_id", "pk")
    ]


def export_documents(user) -> list[Record]:
    documents = CompanyDocument.objects.filter(request__case__owner=user).select_related(
        "request__case"
    )
    return [
        record_of(
            d,
            ("kind", "original_name", "content_type", "size", "uploaded_at"),
            [("case", _("Case"), d.request.case.reference)],
        )
        for d in documents.order_by("uploaded_at", "pk")
    ]


def export_trademarks(user) -> list[Record]:
    prefilings = TrademarkPreFiling.objects.filter(case__owner=user).select_related("case__hub")
    fields = ("status", "mark_text", "mark_type", "logo", "applicant_kind", "applicant_name",
              "applicant_address", "applicant_resides_in_morocco", "agent_name", "agent_address",
              "classes", "free_terms", "channel")  # fmt: skip
    return [record_of(p, fields, _case_extra(p.case)) for p in prefilings.order_by("pk")]


EVENT_KINDS = {
    "opened": gettext_lazy("Case opened"),
    "transition": gettext_lazy("Change of status"),
    "message": gettext_lazy("Message"),
    "comment": gettext_lazy("Message"),
    "document": gettext_lazy("Document"),
    "assignment": gettext_lazy("Advisor assigned"),
    "meeting": gettext_lazy("Meeting"),
}


def export_history(user) -> list[Record]:
    events = CaseEvent.objects.filter(actor=user).select_related("case").order_by("at", "pk")
    return [
        [
            ("case", _("Case"), e.case.reference),
            ("at", _("Date"), timezone.localtime(e.at).isoformat()),
            ("kind", _("Kind"), str(EVENT_KINDS.get(e.kind, e.kind))),
            ("from_status", _("From"), e.from_label),
            ("to_status", _("To"), e.to_label),
            ("note", _("Note"), e.note),
            ("details", _("Details"), "; ".join(f"{k}: {v}" for k, v in e.details_display())),
        ]
        for e in events
    ]


def _kind_label(kind: str) -> str:
    try:
        return str(CompanyDocumentKind(kind).label)
    except ValueError:
        return kind


def _opened_by(access: DocumentAccess, user) -> str:
    """Who opened a document, as the owner may know it: themselves, or a role, never a name.

    The names and addresses of the staff are theirs, not the entrepreneur's; what the owner has
    a right to know is that their file was opened, when, and by which kind of reader.
    """
    reader = access.accessed_by
    if reader is None:
        return str(_("Platform staff"))
    if reader.pk == user.pk:
        return str(_("You"))
    if access.case is not None and access.case.hub_id in advised_hub_ids(reader):
        return str(_("An advisor of your hub"))
    if is_office_staff(reader):
        return str(_("OMPIC office staff"))
    return str(_("Platform staff"))


def export_document_accesses(user) -> list[Record]:
    """Who opened the documents of the user's requests: they have a right to know."""
    accesses = (
        DocumentAccess.objects.filter(case__owner=user)
        .select_related("accessed_by", "case")
        .order_by("accessed_at", "pk")
    )
    return [
        [
            ("case", _("Case"), a.case_reference),
            ("document_kind", _("Kind of document"), _kind_label(a.document_kind)),
            ("accessed_by", _("Opened by"), _opened_by(a, user)),
            ("accessed_at", _("Opened at"), timezone.localtime(a.accessed_at).isoformat()),
            # Their own address only: another reader's is that reader's personal data.
            (
                "ip_address",
                _("IP address"),
                (a.ip_address or "") if a.accessed_by_id == user.pk else "",
            ),
        ]
        for a in accesses
    ]
