"""The criteria grid in three languages, edited by office staff as new versions only."""

import datetime

import pytest
from django.contrib import admin
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone, translation

from hubs.admin_labelling import CriteriaGridAdmin
from hubs.forms_labelling import ScoresForm
from hubs.models.labelling import CriteriaGrid
from hubs.services.labelling import criteria_grid_is_locked, criteria_grid_new_version
from tests.accounts.factories import UserFactory
from tests.hubs.labelling_support import (  # noqa: F401 -- fixtures
    chamber_manager,
    make_application,
    make_label,
    private_media,
)


@pytest.fixture
def grid_v1(db):
    return CriteriaGrid.objects.get(version=1)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Espace dédié, identifié et accessible"),
        ("ar", "فضاء مخصص ومحدد وميسر الولوج"),
        ("en", "A dedicated, identified and accessible space"),
    ],
)
def test_criteria_are_shown_in_the_reader_language(grid_v1, language, expected):
    criterion = grid_v1.criteria.get(code="space")
    with translation.override(language):
        assert criterion.title == expected
        assert str(criterion) == expected


def test_an_untranslated_criterion_falls_back_to_french(grid_v1):
    new = criteria_grid_new_version(grid=grid_v1, actor=None)
    criterion = new.criteria.get(code="team")
    criterion.title_ar = ""
    criterion.save()
    with translation.override("ar"):
        assert criterion.title == "Conseillers formés à la propriété industrielle"


def test_a_grid_in_force_is_locked_and_copied_as_a_new_version(grid_v1):
    assert criteria_grid_is_locked(grid_v1)
    new = criteria_grid_new_version(grid=grid_v1, actor=None)
    assert new.version == grid_v1.version + 1
    assert new.in_force_from > timezone.localdate()
    assert not criteria_grid_is_locked(new)
    assert [(c.code, c.weight, c.title_ar) for c in new.criteria.all()] == [
        (c.code, c.weight, c.title_ar) for c in grid_v1.criteria.all()
    ]


def test_a_future_grid_used_by_an_application_is_locked(grid_v1, hub_a, chamber_manager):
    new = criteria_grid_new_version(grid=grid_v1, actor=None)
    application = make_application(hub=hub_a, manager=chamber_manager)
    application.grid = new
    application.save(update_fields=["grid"])
    assert criteria_grid_is_locked(new)


def test_the_admin_refuses_to_edit_a_grid_in_force_but_edits_a_future_version(grid_v1):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    request = RequestFactory().get("/")
    request.user = superuser
    model_admin = CriteriaGridAdmin(CriteriaGrid, admin.site)
    new = criteria_grid_new_version(
        grid=grid_v1, actor=superuser, in_force_from=timezone.localdate() + datetime.timedelta(1)
    )
    assert not model_admin.has_change_permission(request, grid_v1)
    assert not model_admin.has_delete_permission(request, grid_v1)
    assert model_admin.has_change_permission(request, new)


def test_the_scores_form_labels_criteria_in_the_reader_language(grid_v1):
    with translation.override("ar"):
        form = ScoresForm(criteria=grid_v1.criteria.all(), scores={})
        labels = [str(f.label) for f in form.fields.values()]
    assert any("فضاء مخصص" in label for label in labels)


def test_the_certificate_keeps_the_maturity_fraction_left_to_right_in_arabic(hub_a):
    label = make_label(hub=hub_a)
    label.maturity = 2
    html = render_to_string(
        "pdf/label_certificate.html",
        {"label": label, "hub": hub_a, "chamber": hub_a.chamber, "texts": {}, "qr": ""},
    )
    arabic_column = html[
        html.index('<div class="ar" lang="ar" dir="rtl">', html.index("columns")) :
    ]
    assert '<bdi dir="ltr">2 / 3</bdi>' in arabic_column
