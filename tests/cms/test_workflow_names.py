import pytest
from django.utils import translation
from wagtail.models import Task, Workflow
from wagtail.users.models import UserProfile

from cms.workflow_names import TASK_NAME, WORKFLOW_NAME

pytestmark = pytest.mark.django_db

WORKFLOW_AR = "يقترح محررو المربعات ويصادق موظفو المكتب"


def test_the_workflow_and_its_task_read_in_the_readers_language(tree):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    task = Task.objects.get(name=TASK_NAME)
    with translation.override("ar"):
        assert str(workflow.name) == WORKFLOW_AR
        assert f"{task.name}" == "مصادقة موظفي المكتب"
    with translation.override("fr"):
        assert str(task.name) == "Validation par l'OMPIC"
    with translation.override("en"):
        assert str(workflow.name) == "Hub editors submit, office staff approve"


def test_the_names_stay_stored_as_written_whatever_language_saves_them(tree):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    with translation.override("ar"):
        workflow.save()
    assert Workflow.objects.filter(pk=workflow.pk, name=WORKFLOW_NAME).exists()


def test_a_name_typed_in_the_admin_is_shown_as_typed(tree):
    workflow = Workflow.objects.create(name="Relecture juridique")
    with translation.override("ar"):
        assert str(Workflow.objects.get(pk=workflow.pk).name) == "Relecture juridique"


def test_an_editor_reading_the_admin_in_arabic_submits_to_the_workflow_named_in_arabic(
    client, hub_editor, hub_a_page
):
    profile = UserProfile.get_for_user(hub_editor)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(hub_editor)
    page = client.get(f"/cms-admin/pages/{hub_a_page.pk}/edit/").content.decode()
    assert WORKFLOW_AR in page
    assert WORKFLOW_NAME not in page
