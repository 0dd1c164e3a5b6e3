"""Who may see and do what on a case: the one place the rules of access live."""

from accounts.roles import Role, is_office_staff

from .models import Case

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


def can_view_case(user, case: Case) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return case.owner_id == user.pk or case.hub_id in advised_hub_ids(user) or is_office_staff(user)


def can_review_case(user, case: Case) -> bool:
    """Advisors of the case's hub review it; office staff read but do not decide."""
    return case.hub_id in advised_hub_ids(user)


def can_act_as_owner(user, case: Case) -> bool:
    return getattr(user, "is_authenticated", False) and case.owner_id == user.pk


def visible_cases(user):
    if not getattr(user, "is_authenticated", False):
        return Case.objects.none()
    if is_office_staff(user):
        return Case.objects.all()
    from django.db.models import Q

    return Case.objects.filter(Q(owner=user) | Q(hub_id__in=advised_hub_ids(user)))
