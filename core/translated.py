"""Names kept in every language where a record outlives the moment it was written.

A notification or a frozen estimate is read later, by people who read other languages than its
writer: it keeps the reference data's name in each language and shows the reader's.
"""

from django.conf import settings
from django.utils.translation import get_language

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def in_every_language(instance, field: str) -> dict[str, str]:
    """{"fr": ..., "ar": ..., "en": ...} of a translated field, French where one is missing."""
    french = getattr(instance, f"{field}_{settings.LANGUAGE_CODE}") or ""
    return {language: getattr(instance, f"{field}_{language}") or french for language in LANGUAGES}


def in_reader_language(value) -> str:
    """The active language's text of what `in_every_language` kept (a plain text as it is)."""
    if not isinstance(value, dict):
        return value
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    return value.get(language) or value.get(settings.LANGUAGE_CODE, "")
