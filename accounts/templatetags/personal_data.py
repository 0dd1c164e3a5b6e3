"""The export holds dates as ISO 8601 text (what JSON needs); the PDF is read by a person."""

import datetime

from django import template

from core import formats

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
        return formats.format_date(parsed.date())
    return formats.format_datetime(parsed)
