"""What every email the platform sends says about itself, in the recipient's language."""

from email.utils import parseaddr

from django.conf import settings
from django.utils.translation import gettext


def site_name() -> str:
    return gettext("Carrés des innovateurs")


def sender() -> str:
    """The From header: the configured address under the site's name in the language active
    while the email is written (an Arabic reader sees «مربعات المبتكرين», not the French)."""
    # Unencoded: Django encodes the header when it sends.
    return f"{site_name()} <{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}>"


def subject_prefix() -> str:
    return f"[{site_name()}] "


def site_url(path: str) -> str:
    """An absolute link for an email: the site's public address, never the host a Wagtail
    Site row happens to hold (the demo's is "localhost")."""
    return settings.SITE_URL + path
