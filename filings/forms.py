import re

from django import forms
from django.utils.translation import gettext_lazy as _
from PIL import Image

from core.uploads import JPEG, PNG, UploadRefused, check_upload
from hubs.selectors import hub_list_active

from .models import ApplicantKind, FilingChannel, GoodsServicesTerm, MarkType, PreFilingStatus

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_SIDE = 4000
# Markup in a mark or a name is never legitimate: refuse it rather than store and escape it.
_MARKUP = re.compile(r"[<>{}]")


def _no_markup(value: str) -> str:
    value = (value or "").strip()
    if _MARKUP.search(value):
        raise forms.ValidationError(_("Please use letters, digits and punctuation only."))
    return value


def clean_logo(upload):
    if not upload:
        return upload
    if upload.size > LOGO_MAX_BYTES:
        raise forms.ValidationError(_("The logo must be 2 MB or less."))
    try:
        _content_type, suffix = check_upload(
            upload, max_bytes=LOGO_MAX_BYTES, accept=(PNG, JPEG), max_pixels=LOGO_MAX_SIDE**2
        )
        with Image.open(upload) as image:
            width, height = image.size
    except UploadRefused as error:
        raise forms.ValidationError(error.message) from None
    finally:
        upload.seek(0)
    if width > LOGO_MAX_SIDE or height > LOGO_MAX_SIDE or width < 16 or height < 16:
        raise forms.ValidationError(_("The logo must be between 16 and 4000 pixels wide and high."))
    upload.name = f"logo{suffix}"
    return upload


class StartForm(forms.Form):
    hub = forms.ModelChoiceField(
        label=_("Your hub"),
        queryset=hub_list_active(),
        help_text=_("The hub whose advisors will review your file."),
    )
    mark_text = forms.CharField(label=_("Your mark"), max_length=200, required=False)

    def clean_mark_text(self):
        return _no_markup(self.cleaned_data["mark_text"])


class MarkStepForm(forms.Form):
    mark_type = forms.ChoiceField(
        label=_("Type of mark"), choices=MarkType.choices, widget=forms.RadioSelect
    )
    mark_text = forms.CharField(
        label=_("The words of the mark"),
        max_length=200,
        required=False,
        help_text=_("Exactly as it will be filed, in Latin or Arabic letters."),
    )
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG or JPEG, 2 MB at most. Required for a figurative or combined mark."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )

    def __init__(self, *args, has_logo=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_logo = has_logo

    def clean_mark_text(self):
        return _no_markup(self.cleaned_data["mark_text"])

    def clean_logo(self):
        return clean_logo(self.cleaned_data.get("logo"))

    def clean(self):
        data = super().clean()
        mark_type = data.get("mark_type")
        if mark_type in (MarkType.WORD, MarkType.COMBINED) and not data.get("mark_text"):
            self.add_error("mark_text", _("Enter the words of your mark."))
        needs_logo = mark_type in (MarkType.FIGURATIVE, MarkType.COMBINED)
        if needs_logo and not data.get("logo") and not self.has_logo and "logo" not in self.errors:
            self.add_error("logo", _("A figurative or combined mark needs its logo."))
        return data


class ApplicantStepForm(forms.Form):
    applicant_kind = forms.ChoiceField(
        label=_("Who files the mark?"), choices=ApplicantKind.choices, widget=forms.RadioSelect
    )
    applicant_name = forms.CharField(label=_("Full name or company name"), max_length=200)
    applicant_address = forms.CharField(label=_("Address"), max_length=300)
    applicant_resides_in_morocco = forms.BooleanField(
        label=_("The applicant lives or is established in Morocco"), required=False
    )
    agent_name = forms.CharField(
        label=_("Agent domiciled in Morocco"),
        max_length=200,
        required=False,
        help_text=_("Required for a company and for an applicant living abroad."),
    )
    agent_address = forms.CharField(label=_("Agent's address"), max_length=300, required=False)

    def clean(self):
        data = super().clean()
        for name in ("applicant_name", "applicant_address", "agent_name", "agent_address"):
            if name in data:
                try:
                    data[name] = _no_markup(data[name])
                except forms.ValidationError as error:
                    self.add_error(name, error)
        agent_required = data.get("applicant_kind") == ApplicantKind.COMPANY or not data.get(
            "applicant_resides_in_morocco"
        )
        if agent_required and not data.get("agent_name"):
            self.add_error(
                "agent_name",
                _("A company or an applicant living abroad files through an agent in Morocco."),
            )
        return data


class ClassesStepForm(forms.Form):
    terms = forms.ModelMultipleChoiceField(
        label=_("Goods and services"),
        queryset=GoodsServicesTerm.objects.select_related("nice_class"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    extra_classes = forms.TypedMultipleChoiceField(
        label=_("Other classes"),
        coerce=int,
        choices=[(n, str(n)) for n in range(1, 46)],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    free_terms = forms.CharField(
        label=_("Other goods or services, in your words"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    channel = forms.ChoiceField(
        label=_("How will you file?"), choices=FilingChannel.choices, widget=forms.RadioSelect
    )

    def clean_free_terms(self):
        return _no_markup(self.cleaned_data["free_terms"])

    def clean(self):
        data = super().clean()
        if not data.get("terms") and not data.get("extra_classes"):
            raise forms.ValidationError(_("Choose at least one class or one term."))
        return data


class ReviewForm(forms.Form):
    to_status = forms.ChoiceField(
        choices=[
            (PreFilingStatus.SUBMITTED, PreFilingStatus.SUBMITTED.label),
            (PreFilingStatus.CHANGES_REQUESTED, PreFilingStatus.CHANGES_REQUESTED.label),
            (PreFilingStatus.APPROVED, PreFilingStatus.APPROVED.label),
            (PreFilingStatus.WITHDRAWN, PreFilingStatus.WITHDRAWN.label),
        ]
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class CommentForm(forms.Form):
    note = forms.CharField(
        label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
