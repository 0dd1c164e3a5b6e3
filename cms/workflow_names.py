"""The moderation workflow's names, in the reader's language.

Wagtail keeps a workflow's and a task's name in one column and shows it as it is in some thirty
places (the editor's status panel, "Submit to …" in the action menu, the dashboards, the emails
to moderators, sent in each recipient's language). The names the platform gives are stored as
their English msgid. Read from the database, such a name is a `str` whose characters are the
msgid (what the database gets back when the row is saved, and what lookups compare) and whose
`str()` is its translation in the active language (what templates and "%s" formatting show).
A name typed in the admin is shown as typed.

Not covered: the admin's form that renames a workflow shows the translation, and saving it
stores that translation as a typed name.
"""

from django.utils.translation import gettext, gettext_noop
from wagtail.models import Task, Workflow

WORKFLOW_NAME = gettext_noop("Hub editors submit, office staff approve")
TASK_NAME = gettext_noop("Office staff approval")
# Wagtail's migrations create a first workflow and task, named in English.
WAGTAIL_DEFAULT_NAME = gettext_noop("Moderators approval")
NAMES = frozenset({WORKFLOW_NAME, TASK_NAME, WAGTAIL_DEFAULT_NAME})


class TranslatedName(str):
    __slots__ = ()

    def __str__(self) -> str:
        return gettext(str.__str__(self))

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _from_db_value(value, expression, connection):
    return TranslatedName(value) if value in NAMES else value


def register() -> None:
    for model in (Workflow, Task):
        # Django calls a field's from_db_value on every value it reads, if the field has one.
        model._meta.get_field("name").from_db_value = _from_db_value
