from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 - public by design, refused in production


class DemoPasswordRefusedInProduction:
    """The demo password is printed in the README: production must never accept it.

    Installed as a password validator in production only (see settings).
    """

    def validate(self, password, user=None):
        if password == DEMO_PASSWORD:
            raise ValidationError(
                _("This password is public (it belongs to the demo). Choose another one."),
                code="demo_password",
            )

    def get_help_text(self):
        return _("Your password can't be the public demo password.")
