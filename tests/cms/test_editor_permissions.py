import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, WorkflowPage

from accounts.roles import Role
from cms.permissions import editor_group_name
from tests.cms.factories import event, guide, hub_page
from tests.hubs.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_a_hub_editor_may_edit_their_hub_page_and_its_events_but_not_publish(
    hub_editor, hub_a_page
):
    hub_event = event(hub_a_page, slug="atelier-hub")
    perms = hub_a_page.permissions_for_user(hub_editor)
    assert perms.can_edit() and perms.can_add_subpage()
    assert not perms.can_publish()
    assert hub_event.permissions_for_user(hub_editor).can_edit()


def test_a_hub_editor_may_not_edit_another_hub_or_the_guides(
    hub_editor, hub_a_page, hub_b_page, tree
):
    assert not hub_b_page.permissions_for_user(hub_editor).can_edit()
    assert not tree["guide_index"].permissions_for_user(hub_editor).can_edit()
    assert not tree["home"].permissions_for_user(hub_editor).can_edit()


def test_the_editor_may_edit_every_translation_of_their_hub_page(hub_editor, hub_a_page):
    arabic = hub_a_page.get_translations().get()
    assert arabic.permissions_for_user(hub_editor).can_edit()


def test_office_staff_edit_and_publish_everything(office_staff, hub_a_page, hub_b_page, tree):
    for page in (hub_a_page, hub_b_page, tree["guide_index"], tree["home"]):
        perms = page.permissions_for_user(office_staff)
        assert perms.can_edit() and perms.can_publish()


@pytest.mark.parametrize("persona", ["entrepreneur", "advisor_a", "advisor_b"])
def test_other_roles_edit_nothing(persona, personas, hub_a_page):
    assert not hub_a_page.permissions_for_user(personas[persona]).can_edit()


def test_editor_group_follows_memberships(hub_a, hub_a_page, entrepreneur):
    membership = MembershipFactory(user=entrepreneur, hub=hub_a, role=Role.EDITOR)
    group = Group.objects.get(name=editor_group_name(hub_a))
    assert entrepreneur in group.user_set.all()
    membership.delete()
    assert entrepreneur not in group.user_set.all()
    assert not hub_a_page.permissions_for_user(entrepreneur).can_edit()


def test_hub_pages_and_guides_go_through_the_moderation_workflow(tree, hub_a_page):
    for key in ("hub_index", "hub_index_ar", "guide_index", "guide_index_ar"):
        assert WorkflowPage.objects.filter(page=tree[key]).exists(), key
    workflow = hub_a_page.get_workflow()
    assert workflow is not None
    task = workflow.tasks.get().specific
    assert [g.name for g in task.groups.all()] == ["office_staff"]


def test_editor_opens_their_hub_page_in_the_admin_but_not_another(
    client, hub_editor, hub_a_page, hub_b_page
):
    client.force_login(hub_editor)
    assert client.get(f"/cms-admin/pages/{hub_a_page.pk}/edit/").status_code == 200
    response = client.get(f"/cms-admin/pages/{hub_b_page.pk}/edit/")
    assert response.status_code in (302, 403)


def test_images_need_alternative_text():
    from wagtail.images.forms import get_image_form
    from wagtail.images.models import Image

    form_class = get_image_form(Image)
    form = form_class(data={"title": "Logo", "description": ""})
    form.is_valid()
    assert "description" in form.errors


def test_office_staff_read_event_registrations_in_the_admin(
    client, office_staff, hub_editor, tree, entrepreneur
):
    from cms.services import registration_create
    from tests.cms.factories import event as make_event

    registration_create(
        event=make_event(tree["event_index"]), user=entrepreneur, actor=entrepreneur
    )
    client.force_login(office_staff)
    response = client.get("/cms-admin/snippets/cms/eventregistration/")
    assert response.status_code == 200
    assert str(entrepreneur) in response.content.decode()
    client.force_login(hub_editor)
    assert client.get("/cms-admin/snippets/cms/eventregistration/").status_code in (302, 403)


def _submit_arabic_translation(client, page):
    arabic = Locale.objects.get(language_code="ar")
    return client.post(f"/cms-admin/translation/submit/page/{page.pk}/", {"locales": [arabic.pk]})


def test_a_hub_editor_translates_their_hub_page_into_arabic(client, hub_editor, tree, hub_a):
    page = hub_page(tree, hub_a, arabic=False)
    client.force_login(hub_editor)
    edit = client.get(f"/cms-admin/pages/{page.pk}/edit/").content.decode()
    assert f"/cms-admin/translation/submit/page/{page.pk}/" in edit  # the "Translate" button
    response = _submit_arabic_translation(client, page)
    arabic = page.get_translation(Locale.objects.get(language_code="ar"))
    assert response.url == f"/cms-admin/pages/{arabic.pk}/edit/"
    assert arabic.get_parent().pk == tree["hub_index_ar"].pk
    assert not arabic.live  # a draft, published through the moderation workflow
    assert client.get(response.url).status_code == 200


def test_a_hub_editor_may_not_translate_another_hubs_page(client, hub_editor, tree, hub_b):
    page = hub_page(tree, hub_b, arabic=False)
    client.force_login(hub_editor)
    assert _submit_arabic_translation(client, page).status_code in (302, 403)
    assert not page.has_translation(Locale.objects.get(language_code="ar"))


def test_office_staff_translate_a_guide(client, office_staff, tree):
    page = guide(tree)
    client.force_login(office_staff)
    _submit_arabic_translation(client, page)
    assert page.has_translation(Locale.objects.get(language_code="ar"))


def test_an_entrepreneur_may_not_translate(client, entrepreneur, tree, hub_a):
    page = hub_page(tree, hub_a, arabic=False)
    client.force_login(entrepreneur)
    assert _submit_arabic_translation(client, page).status_code in (302, 403)
    assert not page.has_translation(Locale.objects.get(language_code="ar"))
