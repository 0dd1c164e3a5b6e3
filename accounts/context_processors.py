from django.utils.functional import SimpleLazyObject

from . import roles as role_checks


def roles(request):
    """Role flags for templates, computed only if a template reads them."""

    def compute():
        user = request.user
        return {
            "is_entrepreneur": role_checks.is_entrepreneur(user),
            "is_advisor": role_checks.is_advisor(user),
            "is_hub_editor": role_checks.is_hub_editor(user),
            "is_office_staff": role_checks.is_office_staff(user),
            "can_enter_staff_area": role_checks.can_enter_staff_area(user),
        }

    return {"user_roles": SimpleLazyObject(compute)}


def notifications(request):
    """Unread count for the bell: one query, only for a logged-in person, only if rendered.

    A callable (templates call it when they read it) that remembers its answer, so that plural
    forms get a real integer. Anonymous pages never read it: the public page cache is unchanged.
    """
    from .notifications import unread_count

    user = getattr(request, "user", None)
    answer = {}

    def count() -> int:
        if "count" not in answer:
            answer["count"] = unread_count(user)
        return answer["count"]

    return {"notifications_unread": count}
