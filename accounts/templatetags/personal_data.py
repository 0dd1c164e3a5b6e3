"""The export holds dates as ISO 8601 text (what JSON needs); the PDF is read by a person."""

import datetime

from django import template
from django.utils import formats, timezone

register = template.Library()


@register.filter
def readable(value):
    if not isinstance(value, str) or len(value) < 10 or value[4:5] != "-":
        return value
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except ValueError:
        return value
    if len(value) == 10:
        return formats.date_format(parsed.date(), "d/m/Y")
    if timezone.is_aware(parsed):
        parsed = timezone.localtime(parsed)
    # Day first in every language, as on the platform's other documents.
    return formats.date_format(parsed, "d/m/Y H:i")
