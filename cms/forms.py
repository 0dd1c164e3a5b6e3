from django import forms
from django.utils.translation import gettext_lazy as _

from core.regions import RegionCode


class FindHubForm(forms.Form):
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions")), *RegionCode.choices]
    )
    city = forms.ChoiceField(label=_("City"), required=False)
    lat = forms.DecimalField(
        required=False,
        min_value=-90,
        max_value=90,
        widget=forms.HiddenInput,
        error_messages={"invalid": _("Your position could not be read. Please try again.")},
    )
    lng = forms.DecimalField(
        required=False,
        min_value=-180,
        max_value=180,
        widget=forms.HiddenInput,
        error_messages={"invalid": _("Your position could not be read. Please try again.")},
    )

    def __init__(self, *args, cities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].choices = [("", _("All cities")), *[(c, c) for c in cities]]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False)
