"""The account's own part of "Download my data": the profile and how the person logs in."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Notification
from .personal_data import Record, plain, record_of, register_personal_data

PROFILE_FIELDS = ("email", "first_name", "last_name", "phone", "city", "region",
                  "preferred_language", "date_joined", "last_login")  # fmt: skip


def export(user) -> list[Record]:
    addresses = EmailAddress.objects.filter(user=user).order_by("email")
    extra = [
        (
            "email_addresses",
            _("Email addresses"),
            ", ".join(a.email for a in addresses),
        ),
        (
            "two_factor_authentication",
            _("Two-factor authentication"),
            plain(Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()),
        ),
    ]
    return [record_of(user, PROFILE_FIELDS, extra)]


def register() -> None:
    register_personal_data(key="account", title=gettext_lazy("Profile"), export=export, order=0)


def export_notifications(user) -> list[Record]:
    notifications = Notification.objects.filter(user=user).order_by("created_at", "pk")
    return [
        record_of(n, ("created_at", "read_at", "emailed_at"), [("text", _("Text"), n.text)])
        for n in notifications
    ]


def erase_notifications(*, user, actor) -> None:
    # Their texts name the person's cases, meetings and hubs: nothing to keep for the figures.
    Notification.objects.filter(user=user).delete()


def register_notifications() -> None:
    register_personal_data(
        key="account_notifications",
        title=gettext_lazy("Notifications"),
        export=export_notifications,
        erase=erase_notifications,
        order=1,
    )
