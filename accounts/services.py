"""Writes on accounts: the deletion of an account under law 09-08."""

import uuid

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import ApplicationError

from . import roles
from .models import User
from .personal_data import personal_data_erase


class AccountDeletionRefused(ApplicationError):
    pass


class WrongPassword(AccountDeletionRefused):
    pass


def account_deletion_refusal(user) -> str:
    """Why this account may not delete itself ("" when it may).

    Advisors, editors and office staff act for an institution: their names stay on the decisions
    they took, and their roles must be handed over first, by office staff.
    """
    if user.is_staff or user.is_superuser or (roles.roles_of(user) - {roles.Role.ENTREPRENEUR}):
        return _(
            "Your account holds a role at a hub or at the office (advisor, editor or office "
            "staff). Ask office staff to hand your role over and remove it; you can then delete "
            "your account."
        )
    return ""


@transaction.atomic
def account_delete(*, user: User, password: str, actor) -> User:
    """Erase the person's data everywhere and turn the account into an empty tombstone.

    The user row stays (inactive, no email, no name, no usable password) because cases,
    appointments and registrations point to it and are counted in the anonymous figures; a
    tombstone per account, not one shared row, because some rows are unique per user (one
    registration per event and person).
    """
    if actor.pk != user.pk:
        raise AccountDeletionRefused(_("Only the person themselves can delete their account."))
    if not user.check_password(password or ""):
        raise WrongPassword(_("The password is not correct."))
    refusal = account_deletion_refusal(user)
    if refusal:
        raise AccountDeletionRefused(refusal)
    user = User.objects.select_for_update().get(pk=user.pk)
    personal_data_erase(user=user, actor=user)
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.groups.clear()
    user.user_permissions.clear()
    user.email = f"deleted-{uuid.uuid4().hex}@deleted.invalid"
    user.first_name = user.last_name = user.phone = user.city = user.region = ""
    user.preferred_language = settings.LANGUAGE_CODE
    user.last_login = None
    user.is_active = False
    # A new unusable password also changes the session hash: every open session ends.
    user.set_unusable_password()
    user.deleted_at = timezone.now()
    user.save()
    return user
