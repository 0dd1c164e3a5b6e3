import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.inputs import PlatformDateField

from .labelling_files import MAX_EVIDENCE_BYTES, EvidenceFileRefused, evidence_file_kind
from .models.labelling import Decision, Label, LabelApplication
from .services.labelling import APPLICATION_FIELDS

_TEXTAREA = forms.Textarea(attrs={"rows": 3})
_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NoMarkupMixin:
    """Text is shown escaped anyway; refusing markup tells the person what went wrong."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str) and ("<" in value and ">" in value):
                self.add_error(name, _("Please write plain text, without HTML tags."))
        return cleaned


class ApplicationForm(NoMarkupMixin, forms.ModelForm):
    class Meta:
        model = LabelApplication
        fields = APPLICATION_FIELDS
        widgets = dict.fromkeys(
            (
                "accessibility",
                "team",
                "ip_training",
                "services_creation",
                "services_innovation",
                "services_ip",
                "services_information",
                "equipment",
            ),
            _TEXTAREA,
        )


class NewApplicationForm(forms.Form):
    hub = forms.ModelChoiceField(label=_("Space"), queryset=None, empty_label=None)

    def __init__(self, *args, hubs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hub"].queryset = hubs


class EvidenceForm(NoMarkupMixin, forms.Form):
    description = forms.CharField(label=_("What this file shows"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, JPEG or PNG, %(size)s MB at most.")
        % {"size": MAX_EVIDENCE_BYTES // (1024 * 1024)},
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        try:
            evidence_file_kind(uploaded)
        except EvidenceFileRefused as error:
            raise forms.ValidationError(error.message) from error
        return uploaded


class NoteForm(NoMarkupMixin, forms.Form):
    note = forms.CharField(label=_("Note"), widget=_TEXTAREA, max_length=3000, required=False)


def _future(value: datetime.date) -> datetime.date:
    if value <= timezone.localdate():
        raise forms.ValidationError(_("Choose a date in the future."))
    return value


class CorrectionsForm(NoMarkupMixin, forms.Form):
    note = forms.CharField(label=_("What must be corrected"), widget=_TEXTAREA, max_length=3000)
    deadline = PlatformDateField(label=_("Deadline"), widget=_DATE)

    def clean_deadline(self):
        return _future(self.cleaned_data["deadline"])


class VisitScheduleForm(forms.Form):
    visit_on = PlatformDateField(label=_("Date of the site visit"), widget=_DATE)

    def clean_visit_on(self):
        value = self.cleaned_data["visit_on"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("A site visit cannot be scheduled in the past."))
        return value


class VisitReportForm(NoMarkupMixin, forms.Form):
    report = forms.CharField(label=_("Site visit report"), widget=_TEXTAREA, max_length=10000)


class DecisionForm(NoMarkupMixin, forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices)
    maturity = forms.TypedChoiceField(
        label=_("Maturity level"),
        choices=[("", "—"), (1, "1"), (2, "2"), (3, "3")],
        coerce=int,
        required=False,
        empty_value=None,
    )
    reasons = forms.CharField(label=_("Reasons"), widget=_TEXTAREA, max_length=5000)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") in (Decision.PILOT, Decision.DEPLOYMENT) and not cleaned.get(
            "maturity"
        ):
            self.add_error("maturity", _("Choose a maturity level from 1 to 3."))
        return cleaned


class ScoresForm(forms.Form):
    """One score and comment per criterion of the application's frozen grid."""

    def __init__(self, *args, criteria, scores, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            existing = scores.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=f"{criterion.title} (×{criterion.weight})",
                choices=[("", "—")] + [(n, str(n)) for n in range(5)],
                coerce=int,
                required=False,
                empty_value=None,
                initial=existing.score if existing else None,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment"),
                required=False,
                max_length=2000,
                initial=existing.comment if existing else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def scores(self) -> dict[int, tuple[int, str]]:
        return {
            criterion.pk: (
                self.cleaned_data[f"score_{criterion.pk}"],
                self.cleaned_data[f"comment_{criterion.pk}"],
            )
            for criterion in self.criteria
            if self.cleaned_data.get(f"score_{criterion.pk}") is not None
        }


class ReasonForm(NoMarkupMixin, forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=_TEXTAREA, max_length=3000)


class SuspendForm(ReasonForm):
    deadline = PlatformDateField(label=_("Deadline to correct"), widget=_DATE)

    def clean_deadline(self):
        return _future(self.cleaned_data["deadline"])


class RenewForm(ReasonForm):
    valid_until = PlatformDateField(label=_("Valid until"), widget=_DATE)
    phase = forms.ChoiceField(label=_("Phase"), choices=Label.Phase.choices)
    maturity = forms.TypedChoiceField(
        label=_("Maturity level"), choices=[(1, "1"), (2, "2"), (3, "3")], coerce=int
    )

    def clean_valid_until(self):
        return _future(self.cleaned_data["valid_until"])


class AnnualReportForm(NoMarkupMixin, forms.Form):
    period = forms.TypedChoiceField(label=_("Year of the label"), coerce=int, choices=())
    requests_handled = forms.IntegerField(label=_("Requests handled"), min_value=0, max_value=10**6)
    appointments_held = forms.IntegerField(
        label=_("Appointments held"), min_value=0, max_value=10**6
    )
    events_run = forms.IntegerField(label=_("Events run"), min_value=0, max_value=10**5)
    narrative = forms.CharField(
        label=_("Activity summary"), widget=_TEXTAREA, max_length=5000, required=False
    )

    def __init__(self, *args, periods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(p, str(p)) for p in periods]


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        widget=forms.TextInput(attrs={"dir": "ltr", "autocomplete": "off", "spellcheck": "false"}),
    )
