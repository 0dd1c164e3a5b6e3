"""`{% load formats %}`: the filters every template, email and PDF uses to show amounts,
numbers, dates and times (see core/formats.py for the rules)."""

from django import template
from django.utils import translation
from django.utils.html import format_html

from core import bidi, formats

register = template.Library()


@register.filter(needs_autoescape=True)
def money(amount, autoescape=True):
    """In HTML the amount is isolated in a <bdi>, so "300.000 درهم" keeps its order inside
    a sentence of the other direction; plain-text emails get the bare text."""
    text = formats.format_money(amount)
    if not text or not autoescape:
        return text
    return format_html("<bdi>{}</bdi>", text)


@register.filter
def number(value, decimals=None):
    return formats.format_number(value, None if decimals in (None, "") else int(decimals))


@register.filter
def day(value, style="short"):
    """`|day`, `|day:"long"`, or with a language for bilingual documents: `|day:"long ar"`."""
    style, _, language = style.partition(" ")
    if language:
        with translation.override(language):
            return formats.format_date(value, style)
    return formats.format_date(value, style)


@register.filter
def clock(value):
    return formats.format_time(value)


@register.filter
def moment(value, style="short"):
    return formats.format_datetime(value, style)


@register.filter
def span(start, end):
    return formats.format_span(start, end)


@register.simple_tag
def time_zone_name():
    return formats.time_zone_label()


@register.filter
def de_place(name):
    return formats.de_place(name)


@register.filter
def bidi_dir(value):
    """`dir` for a displayed value: "ltr" for phones, references, emails and addresses, else
    the direction of its first letter (what a person wrote reads in its own script)."""
    if bidi.is_ltr_token(value):
        return "ltr"
    return bidi.text_direction(value) or "auto"


@register.simple_tag
def colon():
    """The colon after a label: French puts a no-break space before it ("Référence : …")."""
    return formats.colon()


@register.filter
def with_direction(bound_field):
    """Renders a form field with the `dir` its content needs (see input_direction); a `dir`
    the form set itself wins."""
    direction = bidi.input_direction(bound_field)
    if direction is None or "dir" in bound_field.field.widget.attrs:
        return bound_field
    return bound_field.as_widget(attrs={"dir": direction})
