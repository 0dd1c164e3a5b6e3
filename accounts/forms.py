import re

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.regions import RegionCode

from .models import User

# Moroccan numbers: +212 or 0, then 9 digits starting with 5, 6, 7 or 8; spaces, dots and
# dashes are accepted because that is how people write them.
_PHONE_RE = re.compile(r"^(?:\+212|00212|0)[5-8]\d{8}$")
# Letters of any script, joined by spaces, hyphens, apostrophes or dots: nothing else is a name.
_NAME_RE = re.compile(r"^[^\W\d_]+(?:[ '’.\-]+[^\W\d_]+)*\.?$")


def clean_moroccan_phone(value: str) -> str:
    compact = re.sub(r"[\s.\-()]", "", value or "")
    if not compact:
        return ""
    if not _PHONE_RE.match(compact):
        raise forms.ValidationError(
            _("Enter a Moroccan phone number, for example 06 12 34 56 78 or +212 6 12 34 56 78.")
        )
    return compact


def clean_person_name(value: str) -> str:
    value = (value or "").strip()
    if value and not _NAME_RE.match(value):
        raise forms.ValidationError(
            _("A name may contain letters, spaces, hyphens and apostrophes only.")
        )
    return value


class ProfileFieldsMixin:
    def clean_phone(self):
        return clean_moroccan_phone(self.cleaned_data.get("phone"))

    def clean_first_name(self):
        return clean_person_name(self.cleaned_data.get("first_name"))

    def clean_last_name(self):
        return clean_person_name(self.cleaned_data.get("last_name"))


class SignupForm(ProfileFieldsMixin, forms.Form):
    """Extra fields asked at sign-up; allauth calls `signup()` after creating the user."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    phone = forms.CharField(
        label=_("Phone"),
        max_length=32,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    region = forms.ChoiceField(
        label=_("Region"), choices=[("", "—")] + list(RegionCode.choices), required=False
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=settings.LANGUAGES
    )
    accept_data_notice = forms.BooleanField(
        label=_("I have read how my personal data is used (law 09-08) and I accept it."),
        error_messages={"required": _("You must accept the personal-data notice to sign up.")},
    )

    field_order = ["first_name", "last_name", "email", "phone", "city", "region"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].initial = get_language()
        self.fields["accept_data_notice"].help_text = format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            reverse("accounts:privacy"),
            _("Read the personal-data notice"),
        )

    def signup(self, request, user):
        for field in ("first_name", "last_name", "phone", "city", "region", "preferred_language"):
            setattr(user, field, self.cleaned_data[field])
        user.save()


class ProfileForm(ProfileFieldsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "phone", "city", "region", "preferred_language"]


class NotificationPreferencesForm(forms.Form):
    emails = forms.MultipleChoiceField(
        label=_("Emails I want to receive"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Emails about your account's security, your meetings and requests for missing "
            "information are always sent."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        from .notifications import optional_kinds

        super().__init__(*args, **kwargs)
        kinds = optional_kinds()
        self.fields["emails"].choices = [(k.key, k.label) for k in kinds]
        opted_out = set(user.email_opt_outs or [])
        self.fields["emails"].initial = [k.key for k in kinds if k.key not in opted_out]


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand that my account and my personal data will be deleted, and that this "
            "cannot be undone."
        )
    )
