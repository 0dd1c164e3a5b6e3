"""`{% load bidi %}`: what a user wrote, set apart inside a sentence of the interface."""

from django import template
from django.utils.html import format_html

from core.bidi import isolate as isolate_text

register = template.Library()


@register.filter
def bdi(value):
    """`{% blocktranslate with name=user.first_name|bdi %}`: a Latin name keeps its order in
    an Arabic sentence (and an Arabic name in a French one), and reads as the user's words."""
    if value in (None, ""):
        return value
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def isolate(value):
    """Where markup can't go (a page's <title>, an <option>): the reference or name set apart
    with Unicode isolates, plain text's <bdi>."""
    if value in (None, ""):
        return value
    return isolate_text(value)
