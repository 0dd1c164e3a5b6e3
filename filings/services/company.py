"""Writes on company-creation requests: the entrepreneur's draft, the advisor's steps, reminders."""

import datetime
import re
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from rapidfuzz import fuzz

from accounts.roles import Role
from core.formats import format_money
from core.mail import sender
from core.outbox import enqueue

from ..access import can_act_as_owner, can_review_case
from ..exceptions import TransitionNotAllowed
from ..models import (
    CaseKind,
    CompanyDelay,
    CompanyDocument,
    CompanyPartner,
    CompanyRequest,
    CompanyStatus,
    NameWord,
)
from ..search.engine import REASONS, RISKS, marks_similar_to
from ..search.normalize import mark_keys
from .cases import case_event_record, case_open

SUBJECT = "company_request"
S = CompanyStatus
OWNER, ADVISOR = "owner", "advisor"

# Who makes each move and which data the move records. Nothing else writes `status`.
TRANSITIONS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    S.DRAFT: {S.SUBMITTED: (OWNER, ())},
    S.SUBMITTED: {
        S.INFO_REQUESTED: (ADVISOR, ("info_request",)),
        S.CERTIFICATE_REQUESTED: (ADVISOR, ()),
    },
    S.INFO_REQUESTED: {S.SUBMITTED: (OWNER, ())},
    S.CERTIFICATE_REQUESTED: {
        S.CERTIFICATE_OBTAINED: (ADVISOR, ("certificate_number", "certificate_name")),
        S.CERTIFICATE_REFUSED: (ADVISOR, ("refusal_reason",)),
    },
    S.CERTIFICATE_REFUSED: {S.CERTIFICATE_REQUESTED: (ADVISOR, ())},
    S.CERTIFICATE_OBTAINED: {S.STATUTES: (ADVISOR, ())},
    S.STATUTES: {S.REGISTRATIONS: (ADVISOR, ())},
    S.REGISTRATIONS: {
        S.COMPANY_CREATED: (ADVISOR, ("if_number", "ice_number", "rc_number", "cnss_number"))
    },
    S.COMPANY_CREATED: {},
    # Reached only through `company_request_withdraw_on_erasure`.
    S.WITHDRAWN: {},
}
EDITABLE = (S.DRAFT, S.INFO_REQUESTED)
# Statuses in which the next move is the advisor's: the queue's "waiting on us".
WAITING_ON_ADVISOR = (S.SUBMITTED, S.CERTIFICATE_REQUESTED, S.CERTIFICATE_OBTAINED, S.STATUTES,
                      S.REGISTRATIONS, S.CERTIFICATE_REFUSED)  # fmt: skip
LAST_STEP = 6
NAME_MAX = 120
_NAME_CHARS = re.compile(r"^[\w\s&'’.,\-]+$")


def company_request_start(*, owner, hub) -> CompanyRequest:
    with transaction.atomic():
        case = case_open(kind=CaseKind.COMPANY, owner=owner, hub=hub, actor=owner)
        request = CompanyRequest.objects.create(case=case, region=hub.chamber.region)
        case_event_record(
            case=case, actor=owner, kind="transition", subject=SUBJECT, to_status=S.DRAFT
        )
    return request


def _lock(request: CompanyRequest) -> CompanyRequest:
    # PostgreSQL cannot lock the nullable side of an outer join (legal_form): lock the request
    # and its case only, which is what every move and assignment writes.
    return (
        CompanyRequest.objects.select_for_update(of=("self", "case"))
        .select_related("case__hub", "case__owner", "legal_form")
        .get(pk=request.pk)
    )


def _check_owner_can_edit(request: CompanyRequest, actor) -> None:
    if not can_act_as_owner(actor, request.case):
        raise TransitionNotAllowed(_("Only the entrepreneur who filed this request can edit it."))
    if request.status not in EDITABLE:
        raise TransitionNotAllowed(_("This request is with your advisor and cannot be edited now."))


@transaction.atomic
def company_request_save_step(
    *, request: CompanyRequest, actor, step: int, fields: dict, partners=None
) -> CompanyRequest:
    """Save one step as a draft; the form has validated `fields` and `partners` (dicts)."""
    request = _lock(request)
    _check_owner_can_edit(request, actor)
    for name, value in fields.items():
        setattr(request, name, value)
    if partners is not None:
        request.partners.all().delete()
        CompanyPartner.objects.bulk_create(
            [CompanyPartner(request=request, **partner) for partner in partners]
        )
    if {"name_1", "name_2", "name_3"} & set(fields):
        request.name_checks = {
            name: company_name_check(name=name, exclude=request)["warnings"]
            for name in request.names
        }
        if request.name_1:
            request.case.title = request.name_1[:200]
            request.case.save(update_fields=["title", "updated_at"])
    request.step = max(request.step, min(step + 1, LAST_STEP))
    request.save()
    return request


@transaction.atomic
def company_document_add(*, request: CompanyRequest, actor, kind: str, upload) -> CompanyDocument:
    """`upload` has been checked by content (company_forms.clean_company_document)."""
    request = _lock(request)
    allowed = can_act_as_owner(actor, request.case) and request.status in EDITABLE
    if not (allowed or can_review_case(actor, request.case)):
        raise TransitionNotAllowed(_("You cannot add documents to this request now."))
    document = CompanyDocument(
        request=request,
        kind=kind,
        original_name=upload.original_name[:200],
        content_type=upload.checked_content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    document.file.save(upload.name, upload, save=False)
    document.save()
    case_event_record(
        case=request.case, actor=actor, kind="document", subject=SUBJECT,
        details={"kind": document.kind, "original_name": document.original_name},
    )  # fmt: skip
    return document


def _partner_problems(request: CompanyRequest, partners) -> list[str]:
    problems = []
    form = request.legal_form
    count = len(partners)
    outside = form and (
        count < form.min_partners or (form.max_partners and count > form.max_partners)
    )
    if outside:
        if form.max_partners == 1:
            problems.append(_("A %(form)s has exactly one partner.") % {"form": form.name})
        elif form.max_partners:
            problems.append(
                _("A %(form)s has between %(min)s and %(max)s partners.")
                % {"form": form.name, "min": form.min_partners, "max": form.max_partners}
            )
        else:
            problems.append(
                _("A %(form)s has at least %(min)s partners.")
                % {"form": form.name, "min": form.min_partners}
            )
    if count and sum(Decimal(str(p["share"])) for p in partners) != Decimal(100):
        problems.append(_("The partners' shares must add up to 100 %."))
    if count and not any(p.get("is_manager") for p in partners):
        problems.append(_("At least one manager must be named."))
    return problems


def company_partner_problems(*, request: CompanyRequest, partners: list[dict]) -> list[str]:
    return _partner_problems(request, partners)


def company_capital_problems(*, legal_form, capital) -> list[str]:
    if (
        legal_form
        and legal_form.minimum_capital
        and capital is not None
        and capital < legal_form.minimum_capital
    ):
        return [
            _("The capital of a %(form)s is at least %(minimum)s.")
            % {"form": legal_form.name, "minimum": format_money(legal_form.minimum_capital)}
        ]
    return []


def missing_for_submission(request: CompanyRequest) -> list[str]:
    missing = []
    if not request.activity:
        missing.append(_("the activity"))
    if not request.legal_form_id:
        missing.append(_("the legal form"))
    if not request.name_1:
        missing.append(_("at least one proposed name"))
    partners = list(request.partners.values("share", "is_manager"))
    if not partners:
        missing.append(_("the partners"))
    missing += _partner_problems(request, partners)
    if request.capital is None:
        missing.append(_("the capital"))
    missing += company_capital_problems(legal_form=request.legal_form, capital=request.capital)
    if not request.office_kind:
        missing.append(_("the registered office"))
    for name in request.names:
        missing += company_name_problems(name)
    kinds = set(request.documents.values_list("kind", flat=True))
    if "id" not in kinds:
        missing.append(_("a copy of an ID document"))
    if request.office_kind == "lease" and "lease" not in kinds:
        missing.append(_("the lease"))
    if request.office_kind == "domiciliation" and "domiciliation" not in kinds:
        missing.append(_("the domiciliation contract"))
    return missing


def company_name_problems(name: str) -> list[str]:
    """Blocking problems with one proposed name (the same messages live and on submit)."""
    name = (name or "").strip()
    if not name:
        return [_("The name is empty.")]
    problems = []
    if len(name) > NAME_MAX:
        problems.append(_("The name is too long (%(max)s characters at most).") % {"max": NAME_MAX})
    if not _NAME_CHARS.match(name):
        problems.append(
            _("“%(name)s” contains characters a company name cannot have: use letters, digits, "
              "spaces and & ' - . , only.") % {"name": name[:NAME_MAX]}
        )  # fmt: skip
    for word in _words_in(name, NameWord.Kind.FORBIDDEN):
        problems.append(
            _("“%(word)s” cannot be used in a company name. %(reason)s")
            % {"word": word.word, "reason": _(word.reason) if word.reason else ""}
        )
    return problems


def _words_in(name: str, kind: str):
    tokens = {t.casefold() for t in re.findall(r"\w+", name)}
    return [w for w in NameWord.objects.filter(kind=kind) if w.word.casefold() in tokens]


def company_name_check(*, name: str, exclude: CompanyRequest | None = None) -> dict:
    """Everything the entrepreneur should know about one proposed name.

    `errors` block the submission; `warnings` do not (the advisor and the trade register decide).
    """
    name = (name or "").strip()[:200]
    errors = company_name_problems(name)
    warnings = []
    if not name:
        return {"name": name, "errors": errors, "warnings": warnings}
    for word in _words_in(name, NameWord.Kind.MISLEADING):
        warnings.append(
            {
                "kind": "misleading",
                "text": _("“%(word)s” may mislead the public and needs a justification. %(reason)s")
                % {"word": word.word, "reason": _(word.reason) if word.reason else ""},
            }
        )
    for match in marks_similar_to(name, limit=5):
        reasons = ", ".join(str(REASONS[r]) for r in match.reasons if r in REASONS)
        warnings.append(
            {
                "kind": "trademark",
                "text": _("Registered mark “%(mark)s” (no. %(number)s), risk %(risk)s: %(reasons)s")
                % {
                    "mark": match.mark,
                    "number": match.number,
                    "risk": RISKS[match.risk],
                    "reasons": reasons or "—",
                },
            }
        )
    for other in company_names_on_platform(name=name, exclude=exclude):
        warnings.append(
            {
                "kind": "platform",
                "text": _("A request filed on the platform already proposes “%(name)s”.")
                % {"name": other},
            }
        )
    return {"name": name, "errors": errors, "warnings": warnings}


def company_names_on_platform(*, name: str, exclude=None, threshold: int = 88) -> list[str]:
    key = mark_keys(name).visual
    if not key:
        return []
    qs = CompanyRequest.objects.exclude(status=S.DRAFT)
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    found = []
    for row in qs.values_list("name_1", "name_2", "name_3").iterator(chunk_size=2000):
        for other in row:
            if (
                other
                and other not in found
                and fuzz.ratio(key, mark_keys(other).visual) >= threshold
            ):
                found.append(other)
    return found[:5]


def _allowed(who: str, actor, request: CompanyRequest) -> bool:
    if who == OWNER:
        return can_act_as_owner(actor, request.case)
    return can_review_case(actor, request.case)


@transaction.atomic
def company_request_transition(
    *, request: CompanyRequest, to_status: str, actor, note: str = "", data: dict | None = None
) -> CompanyRequest:
    # Lock the row: two advisors recording one step at once must not both move it.
    request = _lock(request)
    from_status = request.status
    rule = TRANSITIONS.get(from_status, {}).get(to_status)
    if rule is None:
        raise TransitionNotAllowed(
            _("A request that is “%(from)s” cannot become “%(to)s”.")
            % {"from": S(from_status).label, "to": S(to_status).label}
        )
    who, required = rule
    if not _allowed(who, actor, request):
        raise TransitionNotAllowed(_("You are not allowed to make this change."))
    data = {k: (v or "").strip() if isinstance(v, str) else v for k, v in (data or {}).items()}
    missing = [field for field in required if not data.get(field)]
    if missing:
        labels = ", ".join(str(CompanyRequest._meta.get_field(f).verbose_name) for f in missing)
        raise TransitionNotAllowed(_("Please fill in: %(fields)s.") % {"fields": labels})
    now = timezone.now()
    if to_status == S.SUBMITTED:
        problems = missing_for_submission(request)
        if problems:
            raise TransitionNotAllowed(
                _("Before submitting, please complete: %(missing)s.")
                % {"missing": "; ".join(problems)}
            )
        request.submitted_at = request.submitted_at or now
        request.info_request = ""
    for field in required:
        setattr(
            request, field, data[field][: CompanyRequest._meta.get_field(field).max_length or None]
        )
    if to_status == S.CERTIFICATE_OBTAINED:
        validity = CompanyDelay.days_for(CompanyDelay.Key.CERTIFICATE_VALIDITY)
        request.certificate_expires_on = timezone.localdate(now) + datetime.timedelta(days=validity)
    if to_status == S.CERTIFICATE_REFUSED:
        request.refused_at = now
    request.status = to_status
    request.status_changed_at = now
    request.waiting_reminder_sent_at = None
    request.save()
    event = case_event_record(
        case=request.case, actor=actor, kind="transition", subject=SUBJECT,
        from_status=from_status, to_status=to_status, note=note.strip()[:5000],
        details={field: str(data[field]) for field in required}, item_id=request.pk,
    )  # fmt: skip
    request.case.save(update_fields=["updated_at"])
    from ..tasks_company import company_notify_task, company_render_receipt_task

    request_id = request.pk
    if to_status == S.SUBMITTED and from_status == S.DRAFT:
        request.receipt_language = (translation.get_language() or "fr")[:2]
        request.save(update_fields=["receipt_language"])
        enqueue(company_render_receipt_task, request_id)
    enqueue(company_notify_task, request_id, to_status, event.pk)
    return request


def actions_for(*, request: CompanyRequest, user) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (to, S(to).label, required)
        for to, (who, required) in TRANSITIONS.get(request.status, {}).items()
        if _allowed(who, user, request)
    ]


def refiling_deadline(request: CompanyRequest):
    if request.status != S.CERTIFICATE_REFUSED or not request.refused_at:
        return None
    return request.refused_at + datetime.timedelta(
        days=CompanyDelay.days_for(CompanyDelay.Key.REFILING_WINDOW)
    )


@transaction.atomic
def company_request_claim(*, request: CompanyRequest, actor) -> CompanyRequest:
    request = _lock(request)
    case = request.case
    if not can_review_case(actor, case):
        raise TransitionNotAllowed(_("Only an advisor of this hub can take this request."))
    if case.advisor_id and case.advisor_id != actor.pk:
        raise TransitionNotAllowed(_("Another advisor has already taken this request."))
    case.advisor = actor
    case.save(update_fields=["advisor", "updated_at"])
    case_event_record(case=case, actor=actor, kind="assignment", subject=SUBJECT,
                      note=actor.get_full_name() or actor.email)  # fmt: skip
    return request


def is_hub_manager_of(user, hub_id) -> bool:
    return (
        user.is_authenticated
        and user.hub_memberships.filter(hub_id=hub_id, role=Role.HUB_MANAGER).exists()
    )


@transaction.atomic
def company_request_assign(*, request: CompanyRequest, advisor, actor) -> CompanyRequest:
    request = _lock(request)
    case = request.case
    if not is_hub_manager_of(actor, case.hub_id):
        raise TransitionNotAllowed(_("Only the hub manager can assign requests."))
    if not can_review_case(advisor, case):
        raise TransitionNotAllowed(_("This person is not an advisor of the hub."))
    case.advisor = advisor
    case.save(update_fields=["advisor", "updated_at"])
    case_event_record(case=case, actor=actor, kind="assignment", subject=SUBJECT,
                      note=advisor.get_full_name() or advisor.email)  # fmt: skip
    return request


@transaction.atomic
def company_message_post(*, request: CompanyRequest, actor, text: str):
    text = (text or "").strip()
    if not text:
        raise TransitionNotAllowed(_("The message is empty."))
    if not (can_act_as_owner(actor, request.case) or can_review_case(actor, request.case)):
        raise TransitionNotAllowed(_("You cannot write on this request."))
    event = case_event_record(
        case=request.case, actor=actor, kind="message", subject=SUBJECT, note=text[:5000]
    )
    request_id, by_owner = request.pk, can_act_as_owner(actor, request.case)
    from ..tasks_company import company_notify_task

    enqueue(
        company_notify_task, request_id, "message_to_advisor" if by_owner else "message", event.pk
    )
    return event


def company_render_receipt(*, request_id: int) -> None:
    from core.pdf import render_pdf

    request = CompanyRequest.objects.select_related("case__hub", "case__owner", "legal_form").get(
        pk=request_id
    )
    if request.receipt:  # a re-delivered task: the receipt exists already
        return
    with translation.override(request.receipt_language or "fr"):
        pdf = render_pdf(template_name="pdf/company_receipt.html", context=receipt_context(request))
    with transaction.atomic():
        # Two runs at once (a re-delivery racing the first): the second finds the receipt.
        locked = CompanyRequest.objects.select_for_update().only("pk", "receipt").get(pk=request.pk)
        if locked.receipt:
            return
        request.receipt.save(f"{request.reference}.pdf", ContentFile(pdf), save=False)
        CompanyRequest.objects.filter(pk=request.pk).update(receipt=request.receipt.name)


def receipt_context(request: CompanyRequest, *, partners=None, documents=None) -> dict:
    return {
        "company": request,
        "case": request.case,
        "partners": list(request.partners.all()) if partners is None else partners,
        "documents": list(request.documents.all()) if documents is None else documents,
        "pdf_language": (translation.get_language() or "fr")[:2],
        "generated_at": timezone.now(),
    }


def _send(*, to: list[str], event: str, request: CompanyRequest, language: str) -> None:
    if not to:
        return
    with translation.override(language):
        context = {"company": request, "event": event, "site_url": settings.SITE_URL}
        subject = render_to_string("filings/company/email_subject.txt", context).strip()
        body = render_to_string("filings/company/email_body.txt", context)
        from_email = sender()
    send_mail(subject, body, from_email, to)


def company_notify(*, request_id: int, event: str, event_id: int | None = None) -> None:
    """Notify the entrepreneur (and the advisor of submissions and messages to them).

    Through the platform's notifications: one per person and case event, shown under the bell
    and emailed once (with the company email), unless the person turned these emails off.
    A request for missing information is always emailed.
    """
    from django.urls import reverse

    from accounts.notifications import notification_create

    request = CompanyRequest.objects.select_related("case__owner", "case__advisor").get(
        pk=request_id
    )
    owner, advisor = request.case.owner, request.case.advisor
    recipients = []
    if event != "message_to_advisor":
        recipients.append(owner)
    if advisor and event in ("message_to_advisor", S.SUBMITTED):
        recipients.append(advisor)
    kind = "company_info_requested" if event == S.INFO_REQUESTED else "company_update"
    url = reverse("filings:company_detail", args=[request.public_id])
    for person in recipients:
        notification_create(
            user=person,
            kind=kind,
            key=f"company:{request.pk}:{event}:{event_id or request.status_changed_at}:{person.pk}",
            params={"request_id": request.pk, "event": event, "reference": request.reference},
            url=url,
        )


def company_notification_email(notification) -> None:
    request = CompanyRequest.objects.select_related("case__owner", "case__advisor").get(
        pk=notification.params["request_id"]
    )
    user = notification.user
    _send(to=[user.email], event=notification.params["event"], request=request,
          language=user.preferred_language)  # fmt: skip


def company_send_expiry_reminders(*, today=None) -> int:
    """Tell the entrepreneur and the advisor once before a certificat négatif expires."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(
        days=CompanyDelay.days_for(CompanyDelay.Key.CERTIFICATE_WARNING)
    )
    sent = 0
    due = CompanyRequest.objects.filter(
        certificate_expires_on__lte=horizon,
        certificate_expires_on__gte=today,
        status__in=(S.CERTIFICATE_OBTAINED, S.STATUTES, S.REGISTRATIONS),
    ).exclude(expiry_reminder_sent_for=F("certificate_expires_on"))
    for request_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            request = (
                CompanyRequest.objects.select_for_update(of=("self",))
                .select_related("case__owner", "case__advisor")
                .get(pk=request_id)
            )
            # Re-read under the lock: two beat runs at once must not both send.
            if request.expiry_reminder_sent_for == request.certificate_expires_on:
                continue
            request.expiry_reminder_sent_for = request.certificate_expires_on
            request.save(update_fields=["expiry_reminder_sent_for"])
            # Each person is told in their own language.
            recipients = [request.case.owner]
            if request.case.advisor:
                recipients.append(request.case.advisor)
            for person in recipients:
                transaction.on_commit(
                    lambda r=request, who=person: _send(
                        to=[who.email], event="expiry", request=r, language=who.preferred_language
                    )
                )
            sent += 1
    return sent


def company_send_waiting_reminders(*, now=None) -> int:
    """Remind advisors once of requests waiting on them longer than the delay kept as data."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=CompanyDelay.days_for(CompanyDelay.Key.ADVISOR_WAITING))
    due = CompanyRequest.objects.filter(
        status__in=WAITING_ON_ADVISOR,
        status_changed_at__lte=limit,
        waiting_reminder_sent_at__isnull=True,
    ).select_related("case__hub", "case__advisor")
    sent = 0
    for request_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            request = (
                CompanyRequest.objects.select_for_update(of=("self",))
                .select_related("case__advisor", "case__hub")
                .get(pk=request_id)
            )
            if request.waiting_reminder_sent_at is not None:
                continue
            request.waiting_reminder_sent_at = now
            request.save(update_fields=["waiting_reminder_sent_at"])
            if request.case.advisor:
                recipients = [(request.case.advisor.email, request.case.advisor.preferred_language)]
            else:
                recipients = list(
                    request.case.hub.memberships.filter(role__in=(Role.ADVISOR, Role.HUB_MANAGER))
                    .values_list("user__email", "user__preferred_language")
                    .distinct()
                )
            for email, language in recipients:
                transaction.on_commit(
                    lambda r=request, to=email, lang=language: _send(
                        to=[to], event="waiting", request=r, language=lang
                    )
                )
            sent += 1
    return sent
