"""Which way a text runs, and how to keep it so inside a sentence of the other direction.

Phones, references, emails and addresses run left to right in every language; what a person
wrote runs in its own script. Pages set such values apart with `<bdi>` or `dir`; notifications
and plain-text emails have no markup, so Unicode's first-strong isolate (U+2068) and pop
directional isolate (U+2069) keep "CR-2026-000005" or "KOKA KOLLA" in their own order inside an
Arabic sentence, and are invisible otherwise.
"""

import re
import unicodedata

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"


def isolate(value) -> str:
    text = str(value)
    if not text:
        return text
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


LTR_TOKEN = re.compile(
    r"""^\s*(
        \+?[\d\s().\-/]{4,}                  # phone numbers, ids made of digits
      | [A-Z]{2,4}-\d{4}-\d+                 # platform references: CR-2026-000005
      | [\w.+\-]+@[\w\-]+(\.[\w\-]+)+        # emails
      | (https?://|www\.)\S+                 # addresses
    )\s*$""",
    re.VERBOSE,
)


def text_direction(value) -> str | None:
    """The direction of a text's first strong letter, as a browser's dir="auto" finds it;
    WeasyPrint has no dir="auto", so PDFs are given the answer."""
    for char in str(value):
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None


def is_ltr_token(value) -> bool:
    """Whether a value is a phone, reference, email or address that must keep its
    left-to-right order inside Arabic text."""
    return isinstance(value, str) and bool(LTR_TOKEN.match(value))


LTR_INPUT_TYPES = {"email", "url", "tel", "number", "password"}
LTR_FIELD_NAMES = re.compile(r"phone|email|url|website|reference|number|code|siret|ice|iban")


def input_direction(bound_field) -> str | None:
    """The `dir` of a form input: "ltr" for what is written left to right in every language
    (phones, emails, addresses, references, numbers, codes), "auto" for text a person writes
    (names, messages), so each follows its own script. None for choices and dates."""
    widget = bound_field.field.widget
    input_type = getattr(widget, "input_type", None)
    if input_type in LTR_INPUT_TYPES or LTR_FIELD_NAMES.search(bound_field.name):
        return "ltr"
    if input_type in ("text", "search") or bound_field.widget_type == "textarea":
        return "auto"
    return None
