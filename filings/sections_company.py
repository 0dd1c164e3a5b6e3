"""What company creation shows in "My space" and in the staff area."""

from accounts.roles import is_office_staff

from .access import advised_hub_ids
from .selectors_company import company_queue, company_requests_of_owner


def my_space_context(user) -> dict | None:
    return {"companies": list(company_requests_of_owner(user=user)[:10])}


def staff_area_context(user) -> dict | None:
    if not advised_hub_ids(user):
        return None
    return {"open": company_queue(user=user).count()}


def access_log_context(user) -> dict | None:
    return {} if is_office_staff(user) else None
