"""Who may see and do what on a case: the one place the rules of access live.

A draft is its author's alone. A case is shown to its hub's advisors and to the office only
once something in it is addressed to them: a submitted request or pre-filing, a meeting, a
message. Until then it is the entrepreneur's notebook. Inside a shared case, the drafts stay
hidden from everyone but their author.
"""

from django.db.models import Exists, OuterRef, Q

from accounts.roles import Role, is_office_staff

from .models import (
    Case,
    CaseAppointment,
    CaseEvent,
    CompanyRequest,
    CompanyStatus,
    PreFilingStatus,
    TrademarkPreFiling,
)

ADVISING_ROLES = (Role.ADVISOR, Role.HUB_MANAGER)


def advised_hub_ids(user) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_filings_advised_hubs", None)
    if cached is None:
        cached = set(
            user.hub_memberships.filter(role__in=ADVISING_ROLES).values_list("hub_id", flat=True)
        )
        user._filings_advised_hubs = cached
    return cached


def _addressed_to_staff(case=None):
    """True where the case holds something meant for the hub (Exists, over OuterRef("pk"))."""
    case = OuterRef("pk") if case is None else case
    return (
        Exists(CompanyRequest.objects.filter(case=case).exclude(status=CompanyStatus.DRAFT))
        | Exists(TrademarkPreFiling.objects.filter(case=case).exclude(status=PreFilingStatus.DRAFT))
        | Exists(CaseAppointment.objects.filter(case=case))
        | Exists(CaseEvent.objects.filter(case=case, kind="message"))
    )


def case_is_shared(case: Case) -> bool:
    return Case.objects.filter(pk=case.pk).filter(_addressed_to_staff()).exists()


def can_view_case(user, case: Case) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if case.owner_id == user.pk:
        return True
    staff = case.hub_id in advised_hub_ids(user) or is_office_staff(user)
    return staff and case_is_shared(case)


def can_view_item(user, item) -> bool:
    """A company request or pre-filing: its case's readers once submitted, its author before."""
    if item.status == "draft":
        return getattr(user, "is_authenticated", False) and item.case.owner_id == user.pk
    return can_view_case(user, item.case)


def can_review_case(user, case: Case) -> bool:
    """Advisors of the case's hub review it; office staff read but do not decide."""
    return case.hub_id in advised_hub_ids(user)


def can_act_as_owner(user, case: Case) -> bool:
    return getattr(user, "is_authenticated", False) and case.owner_id == user.pk


def visible_cases(user):
    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    if is_office_staff(user):
        others = Q(_addressed_to_staff())
    else:
        others = Q(hub_id__in=advised_hub_ids(user)) & Q(_addressed_to_staff())
    return Case.objects.filter(Q(owner=user) | others)


def visible_items(user, case: Case, items):
    """The requests or pre-filings of ``case`` that ``user`` may see (drafts to their author)."""
    if getattr(user, "is_authenticated", False) and case.owner_id == user.pk:
        return list(items)
    return [item for item in items if item.status != "draft"]
