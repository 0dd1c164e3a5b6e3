import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.inputs import PlatformDateField

MAX_DAYS = 5 * 366


def default_period(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """The last twelve months, this one included."""
    today = today or timezone.localdate()
    month = today.replace(day=1)
    for _i in range(11):
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return month, today


class FiguresPeriodForm(forms.Form):
    start = PlatformDateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = PlatformDateField(
        label=_("To (included)"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The end of the period must be on or after its start."))
            elif (end - start).days > MAX_DAYS:
                self.add_error("end", _("Choose a period of five years at most."))
        return cleaned


def figures_period_form(query) -> FiguresPeriodForm:
    """Bound to the query string when it names a period, else to the last twelve months."""
    if "start" in query or "end" in query:
        return FiguresPeriodForm(query)
    start, end = default_period()
    return FiguresPeriodForm({"start": start.isoformat(), "end": end.isoformat()})
