"""Reads of company-creation requests that enforce access (rules in filings.access)."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from accounts.roles import Role

from .access import advised_hub_ids, can_view_item
from .models import CompanyDocument, CompanyRequest, CompanyStatus, DocumentAccess

OPEN_STATUSES = [
    s for s in CompanyStatus.values if s not in ("draft", "company_created", "withdrawn")
]


def company_request_get_for_user(*, user, public_id) -> CompanyRequest:
    try:
        request = CompanyRequest.objects.select_related(
            "case__hub", "case__owner", "case__advisor", "legal_form", "region"
        ).get(public_id=public_id)
    except (CompanyRequest.DoesNotExist, ValueError):
        raise Http404 from None
    if not can_view_item(user, request):
        raise PermissionDenied
    return request


def company_document_get_for_user(*, user, public_id) -> CompanyDocument:
    try:
        document = CompanyDocument.objects.select_related("request").get(public_id=public_id)
    except (CompanyDocument.DoesNotExist, ValueError):
        raise Http404 from None
    company_request_get_for_user(user=user, public_id=document.request.public_id)
    return document


def company_requests_of_owner(*, user):
    return (
        CompanyRequest.objects.filter(case__owner=user)
        .select_related("case__hub", "case__advisor", "legal_form")
        .order_by("-case__created_at")
    )


def company_queue(*, user, status: str = "", older_than_days: int | None = None, mine=False):
    """Requests of the hubs the user advises, the longest waiting first."""
    qs = (
        CompanyRequest.objects.filter(case__hub_id__in=advised_hub_ids(user))
        .exclude(status=CompanyStatus.DRAFT)
        .select_related("case__hub", "case__owner", "case__advisor", "legal_form")
        .order_by("status_changed_at", "pk")
    )
    if status in CompanyStatus.values:
        qs = qs.filter(status=status)
    else:
        qs = qs.filter(status__in=OPEN_STATUSES)
    if older_than_days:
        qs = qs.filter(
            status_changed_at__lte=timezone.now() - datetime.timedelta(days=older_than_days)
        )
    if mine:
        qs = qs.filter(case__advisor=user)
    return qs


def advisors_of_hubs(*, hub_ids):
    return (
        get_user_model()
        .objects.filter(
            hub_memberships__hub_id__in=hub_ids,
            hub_memberships__role__in=(Role.ADVISOR, Role.HUB_MANAGER),
        )
        .distinct()
        .order_by("last_name", "email")
    )


def advisor_workload(*, user) -> list:
    """Open requests per advisor of the user's hubs, so a manager can share the work."""
    hub_ids = advised_hub_ids(user)
    open_here = Q(
        advised_cases__hub_id__in=hub_ids,
        advised_cases__company_request__status__in=OPEN_STATUSES,
    )
    return list(
        advisors_of_hubs(hub_ids=hub_ids).annotate(
            open_requests=Count("advised_cases", filter=open_here)
        )
    )


def company_history(*, request: CompanyRequest):
    return request.case.events.select_related("actor").order_by("at", "pk")


def document_accesses(*, case_reference: str = ""):
    """The access log, newest first; callers check the reader is office staff."""
    qs = DocumentAccess.objects.select_related("accessed_by").order_by("-accessed_at", "-pk")
    if case_reference:
        qs = qs.filter(case_reference__iexact=case_reference)
    return qs
