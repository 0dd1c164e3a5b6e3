from django import forms
from django.utils.translation import gettext_lazy as _

from core.bidi import isolate

from .models import Mode, Topic


class SlotSearchForm(forms.Form):
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)
    advisor = forms.TypedChoiceField(
        label=_("Advisor"), coerce=int, empty_value=None, required=False
    )
    # Carried from a blocked step of a case to the confirmation, where it preselects the case.
    case = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args, advisors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advisor"].choices = [("", _("Any advisor of this hub"))] + [
            (a.pk, isolate(a.get_full_name() or a.email)) for a in advisors
        ]


class BookingForm(forms.Form):
    mode = forms.ChoiceField(label=_("How do you want to meet?"), choices=Mode.choices)
    description = forms.CharField(
        label=_("What do you need?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few words so that your advisor can prepare (1000 characters at most)."),
    )
    remind_two_hours_before = forms.BooleanField(
        label=_("Also remind me two hours before"), required=False
    )

    def __init__(self, *args, modes=None, attach_label="", attach_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        if modes:
            self.fields["mode"].choices = [(m, Mode(m).label) for m in modes]
        if attach_choices:
            self.fields["attach_to"] = forms.ChoiceField(
                label=attach_label or _("Related file"),
                choices=[("", _("None"))] + list(attach_choices),
                required=False,
            )


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you cancelling?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Notes after the meeting"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
