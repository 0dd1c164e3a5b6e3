"""What filings shows in "My space" and in the staff area."""

from .access import advised_hub_ids
from .models import PreFilingStatus
from .selectors import prefilings_of_owner, prefilings_to_review


def my_space_context(user) -> dict | None:
    return {"prefilings": list(prefilings_of_owner(user=user)[:10])}


def staff_area_context(user) -> dict | None:
    if not advised_hub_ids(user):
        return None
    return {"waiting": prefilings_to_review(user=user, status=PreFilingStatus.SUBMITTED).count()}


def cases_context(user) -> dict | None:
    from .models import Case

    cases = list(Case.objects.filter(owner=user).select_related("hub").order_by("-updated_at")[:10])
    return {"cases": cases} if cases else None


def advisor_home_context(user) -> dict | None:
    if not advised_hub_ids(user):
        return None
    return {}
