"""Forms of the company-creation request: the entrepreneur's steps and the advisor's records."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from core.uploads import UploadRefused, check_upload, checked_display_name
from hubs.models import Region
from hubs.selectors import hub_list_active

from .models import CompanyDocumentKind, IdDocumentType, LegalForm, OfficeKind
from .services.company import (
    NAME_MAX,
    company_capital_problems,
    company_name_problems,
    company_partner_problems,
)

DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
_MARKUP = re.compile(r"[<>{}]")


def _plain(value: str) -> str:
    value = (value or "").strip()
    if _MARKUP.search(value):
        raise forms.ValidationError(_("Please use letters, digits and punctuation only."))
    return value


def clean_company_document(upload):
    """Accept a PDF, JPEG or PNG judged by its content, never by its name or declared type."""
    try:
        content_type, suffix = check_upload(upload, max_bytes=DOCUMENT_MAX_BYTES)
        original = checked_display_name(upload.name)
    except UploadRefused as error:
        raise forms.ValidationError(error.message) from None
    upload.original_name = original
    upload.checked_content_type = content_type
    upload.name = f"document{suffix}"
    return upload


class CompanyStartForm(forms.Form):
    hub = forms.ModelChoiceField(
        label=_("Your hub"),
        queryset=hub_list_active(),
        help_text=_("The hub whose advisors will guide your company creation."),
    )


class ProjectStepForm(forms.Form):
    activity = forms.CharField(
        label=_("Your activity, in your own words"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    region = forms.ModelChoiceField(label=_("Region of the project"), queryset=Region.objects.all())

    def clean_activity(self):
        return _plain(self.cleaned_data["activity"])


class LegalFormStepForm(forms.Form):
    legal_form = forms.ModelChoiceField(
        label=_("Legal form"),
        queryset=LegalForm.objects.filter(active=True),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    capital = forms.DecimalField(
        label=_("Capital (MAD)"), min_value=0, max_digits=14, decimal_places=2
    )

    def clean(self):
        data = super().clean()
        for problem in company_capital_problems(
            legal_form=data.get("legal_form"), capital=data.get("capital")
        ):
            self.add_error("capital", problem)
        return data


class NamesStepForm(forms.Form):
    name_1 = forms.CharField(label=_("First choice"), max_length=200)
    name_2 = forms.CharField(label=_("Second choice"), max_length=200, required=False)
    name_3 = forms.CharField(label=_("Third choice"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name_1", "name_2", "name_3"):
            self.fields[name].widget.attrs.update(
                {"data-name-check": "1", "autocomplete": "off", "maxlength": NAME_MAX + 20}
            )

    def clean(self):
        data = super().clean()
        seen = set()
        for field in ("name_1", "name_2", "name_3"):
            value = (data.get(field) or "").strip()
            if not value:
                continue
            for problem in company_name_problems(value):
                self.add_error(field, problem)
            if value.casefold() in seen:
                self.add_error(field, _("This name is already one of your choices."))
            seen.add(value.casefold())
        return data


class PartnerForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    id_type = forms.ChoiceField(label=_("ID document"), choices=IdDocumentType.choices)
    id_number = forms.RegexField(
        label=_("ID number"),
        max_length=30,
        regex=r"^[A-Za-z0-9\-]{4,30}$",
        error_messages={"invalid": _("Use the letters and digits of the document only.")},
    )
    nationality = forms.CharField(label=_("Nationality"), max_length=60)
    share = forms.DecimalField(
        label=_("Share of capital (%)"), min_value=0, max_value=100, max_digits=5, decimal_places=2
    )
    is_manager = forms.BooleanField(label=_("Manager"), required=False)

    def clean_full_name(self):
        return _plain(self.cleaned_data["full_name"])

    def clean_nationality(self):
        return _plain(self.cleaned_data["nationality"])


class BasePartnerFormSet(forms.BaseFormSet):
    def __init__(self, *args, company=None, **kwargs):
        self.company = company
        super().__init__(*args, **kwargs)

    def partners(self) -> list[dict]:
        return [
            f.cleaned_data
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]

    def clean(self):
        if any(self.errors):
            return
        for problem in company_partner_problems(request=self.company, partners=self.partners()):
            raise forms.ValidationError(problem)


PartnerFormSet = forms.formset_factory(
    PartnerForm,
    formset=BasePartnerFormSet,
    extra=0,
    min_num=1,
    max_num=10,
    validate_min=True,
    validate_max=True,
    can_delete=True,
)


class OfficeStepForm(forms.Form):
    office_kind = forms.ChoiceField(
        label=_("Registered office"), choices=OfficeKind.choices, widget=forms.RadioSelect
    )
    office_address = forms.CharField(label=_("Address of the office"), max_length=300)

    def clean_office_address(self):
        return _plain(self.cleaned_data["office_address"])


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=CompanyDocumentKind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, JPEG or PNG, 10 MB at most."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/png,image/jpeg"}),
    )

    def clean_file(self):
        return clean_company_document(self.cleaned_data["file"])


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class TransitionForm(forms.Form):
    to_status = forms.CharField(max_length=30, widget=forms.HiddenInput)
    note = forms.CharField(label=_("Note"), max_length=5000, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
    info_request = forms.CharField(
        label=_("What is missing or to correct"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    certificate_number = forms.CharField(
        label=_("Certificate number"), max_length=40, required=False
    )
    certificate_name = forms.CharField(label=_("Name granted"), max_length=120, required=False)
    refusal_reason = forms.CharField(label=_("Reason for the refusal"), max_length=2000,
                                     required=False)  # fmt: skip
    if_number = forms.RegexField(label=_("Tax identifier (IF)"), regex=r"^\d{1,20}$",
                                 required=False)  # fmt: skip
    ice_number = forms.RegexField(
        label=_("ICE"), regex=r"^\d{15}$", required=False,
        error_messages={"invalid": _("The ICE has 15 digits.")},
    )  # fmt: skip
    rc_number = forms.RegexField(label=_("Trade register number (RC)"), regex=r"^[\w\-/ ]{1,20}$",
                                 required=False)  # fmt: skip
    cnss_number = forms.RegexField(label=_("CNSS number"), regex=r"^\d{1,20}$", required=False)

    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if isinstance(value, str) and _MARKUP.search(value):
                self.add_error(name, _("Please use letters, digits and punctuation only."))
        return data


class AssignForm(forms.Form):
    advisor = forms.ModelChoiceField(label=_("Advisor"), queryset=None)

    def __init__(self, *args, advisors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advisor"].queryset = advisors
