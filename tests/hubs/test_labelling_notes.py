"""History notes the platform writes are kept as codes and read in the reader's language."""

import datetime
import importlib

from django.apps import apps
from django.utils import translation

from hubs.models.labelling import ApplicationHistory, PlatformNote
from hubs.services import labelling
from tests.hubs.labelling_support import (  # noqa: F401 -- fixtures
    chamber_manager,
    make_application,
    private_media,
)


def test_site_visit_notes_read_in_each_readers_language(
    hub_a, chamber_manager, office_staff, private_media
):
    application = make_application(hub=hub_a, manager=chamber_manager)
    labelling.application_submit(application=application, actor=chamber_manager)
    labelling.application_accept_complete(application=application, actor=office_staff)
    application.refresh_from_db()
    labelling.application_score(
        application=application,
        actor=office_staff,
        scores={criterion.pk: (3, "Bien") for criterion in application.grid.criteria.all()},
    )
    with translation.override("ar"):  # the office writes in Arabic
        labelling.application_schedule_visit(
            application=application, actor=office_staff, visit_on=datetime.date(2099, 1, 15)
        )
    entry = application.history.get(platform_note=PlatformNote.VISIT_SCHEDULED)
    assert entry.note == ""
    with translation.override("fr"):
        assert entry.platform_note_text == "Visite sur site programmée le 15 janvier 2099."
    with translation.override("ar"):
        assert entry.platform_note_text == "الزيارة الميدانية مبرمجة يوم 15 يناير 2099."


def test_notes_written_before_in_one_language_become_codes(hub_a, chamber_manager, private_media):
    application = make_application(hub=hub_a, manager=chamber_manager)
    written = {
        "Visite sur site programmée le 2026-12-03.": (
            "visit_scheduled",
            datetime.date(2026, 12, 3),
        ),
        "تم تسجيل تقرير الزيارة.": ("visit_reported", None),
        "Conforme, merci.": ("", None),  # a person's words stay as written
    }
    for note in written:
        ApplicationHistory.objects.create(
            application=application, from_status="draft", to_status="draft", note=note
        )
    migration = importlib.import_module(
        "hubs.migrations.0009_platform_notes_in_the_readers_language"
    )
    migration.notes_to_codes(apps, None)
    rows = ApplicationHistory.objects.filter(application=application).order_by("pk")
    assert [(row.platform_note, row.platform_note_date) for row in rows] == list(written.values())
    assert [row.note for row in rows] == ["", "", "Conforme, merci."]
