"""The fixed demo accounts. Only the embedded demo creates them; production refuses."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group

from .models import User
from .roles import OFFICE_STAFF_GROUP
from .validators import DEMO_PASSWORD

# Public on purpose, like the password: testers add it to any authenticator app.
DEMO_TOTP_SECRET = "CARRESDEMOMFAKEYFORTESTINGXYZ234"  # noqa: S105


def ensure_user(
    email: str, *, first_name: str, last_name: str, language: str = "fr", mfa: bool = False
) -> User:
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "preferred_language": language,
            "phone": "0612345678",
        },
    )
    if created or not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    if mfa and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)
    return user


def make_office_staff(user: User) -> None:
    user.groups.add(Group.objects.get(name=OFFICE_STAFF_GROUP))
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
