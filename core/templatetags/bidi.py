"""`{% load bidi %}`: what a user wrote, set apart inside a sentence of the interface."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def bdi(value):
    """`{% blocktranslate with name=user.first_name|bdi %}`: a Latin name keeps its order in
    an Arabic sentence (and an Arabic name in a French one), and reads as the user's words."""
    if value in (None, ""):
        return value
    return format_html("<bdi>{}</bdi>", value)
