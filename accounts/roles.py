"""The one place that says who plays which role.

A role is derived from what a user is attached to: office staff belong to the office-staff
group, advisors, hub managers and editors have a hub membership (`hubs.Membership`, reached
through its `hub_memberships` related name so this layer does not import `hubs`). Anyone else
is an entrepreneur.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

OFFICE_STAFF_GROUP = "office_staff"


class Role(models.TextChoices):
    ENTREPRENEUR = "entrepreneur", _("Entrepreneur")
    ADVISOR = "advisor", _("Advisor")
    HUB_MANAGER = "hub_manager", _("Hub manager")
    EDITOR = "editor", _("Hub editor")
    OFFICE_STAFF = "office_staff", _("Office staff")


MEMBERSHIP_ROLES = (Role.ADVISOR, Role.HUB_MANAGER, Role.EDITOR)
ROLES_THAT_REQUIRE_MFA = frozenset({Role.ADVISOR, Role.HUB_MANAGER, Role.EDITOR, Role.OFFICE_STAFF})

_CACHE_ATTR = "_carres_roles"


def roles_of(user) -> frozenset[Role]:
    """The user's roles, computed once per user object (one or two queries)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    roles = {Role(role) for role in user.hub_memberships.values_list("role", flat=True)}
    if user.groups.filter(name=OFFICE_STAFF_GROUP).exists():
        roles.add(Role.OFFICE_STAFF)
    if not roles:
        roles.add(Role.ENTREPRENEUR)
    result = frozenset(roles)
    setattr(user, _CACHE_ATTR, result)
    return result


def forget_roles(user) -> None:
    """Call after changing a user's memberships or groups in the same request."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def is_entrepreneur(user) -> bool:
    return Role.ENTREPRENEUR in roles_of(user)


def is_advisor(user) -> bool:
    roles = roles_of(user)
    return Role.ADVISOR in roles or Role.HUB_MANAGER in roles


def is_hub_manager(user) -> bool:
    """A hub manager speaks for the hub's chamber: they apply for and follow its labels."""
    return Role.HUB_MANAGER in roles_of(user)


def is_hub_editor(user) -> bool:
    return Role.EDITOR in roles_of(user)


def is_office_staff(user) -> bool:
    return Role.OFFICE_STAFF in roles_of(user)


def can_enter_staff_area(user) -> bool:
    return is_advisor(user) or is_office_staff(user) or is_hub_editor(user)


def requires_mfa(user) -> bool:
    return bool(roles_of(user) & ROLES_THAT_REQUIRE_MFA)


def has_mfa(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
