"""Wagtail permissions set up by the platform, never by hand.

- Office staff may add, edit, publish and delete any page, and manage images and documents.
- The editors of a hub form one Wagtail group per hub, whose members are kept equal to the
  hub's "editor" memberships; the group may add and edit (not publish) that hub's page in
  every language and the events below it. Publishing goes through the moderation workflow.
- Both may translate a page (Wagtail's "Translate" action): the permission is global, and the
  action itself refuses a page the user may not edit, so editors translate only their hub's.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from accounts.roles import OFFICE_STAFF_GROUP
from hubs import selectors as hub_selectors

from .workflow_names import TASK_NAME, WORKFLOW_NAME

EDITOR_GROUP_PREFIX = "Hub editors: "
STAFF_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "delete_page",
    "lock_page",
    "unlock_page",
)
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
TRANSLATE_PERMISSION = ("simple_translation", "submit_translation")
COLLECTION_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}


def _perm(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _give_collection_permissions(group, *, editors: bool) -> None:
    root = Collection.get_first_root_node()
    if root is None:
        return
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            if editors and codename.startswith("change_"):
                continue
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=_perm(app_label, codename)
            )


def ensure_office_staff_page_permissions() -> None:
    group, _created = Group.objects.get_or_create(name=OFFICE_STAFF_GROUP)
    group.permissions.add(_perm("wagtailadmin", "access_admin"), _perm(*TRANSLATE_PERMISSION))
    root = Page.get_first_root_node()
    if root is None:
        return
    for codename in STAFF_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=_perm("wagtailcore", codename)
        )
    _give_collection_permissions(group, editors=False)
    # Registrations are read in the admin; they change only through cms.services.
    group.permissions.add(_perm("cms", "view_eventregistration"))


def editor_group_name(hub) -> str:
    return f"{EDITOR_GROUP_PREFIX}{hub.slug}"


def sync_hub_editors(*, hub) -> Group:
    """Makes the hub's editor group match its memberships and its pages."""
    from .models import HubPage

    group, _created = Group.objects.get_or_create(name=editor_group_name(hub))
    group.permissions.add(_perm("wagtailadmin", "access_admin"), _perm(*TRANSLATE_PERMISSION))
    pages = list(HubPage.objects.filter(hub=hub).values_list("pk", flat=True))
    wanted = {(pk, codename) for pk in pages for codename in EDITOR_PAGE_PERMISSIONS}
    existing = {
        (gpp.page_id, gpp.permission.codename): gpp
        for gpp in GroupPagePermission.objects.filter(group=group).select_related("permission")
    }
    for key, gpp in existing.items():
        if key not in wanted:
            gpp.delete()
    for page_id, codename in wanted - existing.keys():
        GroupPagePermission.objects.create(
            group=group, page_id=page_id, permission=_perm("wagtailcore", codename)
        )
    _give_collection_permissions(group, editors=True)
    user_ids = hub_selectors.hub_editor_user_ids(hub_id=hub.pk)
    group.user_set.set(get_user_model().objects.filter(pk__in=user_ids))
    return group


def ensure_editors_translate() -> None:
    # Groups made before editors could translate get it at the next migrate.
    translate = _perm(*TRANSLATE_PERMISSION)
    for group in Group.objects.filter(name__startswith=EDITOR_GROUP_PREFIX):
        group.permissions.add(translate)


def ensure_moderation_workflow() -> Workflow:
    """One workflow, approved by office staff, on every hub page and guide (all languages)."""
    from .models import GuideIndexPage, HubIndexPage

    staff, _created = Group.objects.get_or_create(name=OFFICE_STAFF_GROUP)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.set([staff])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for index_page in [*HubIndexPage.objects.all(), *GuideIndexPage.objects.all()]:
        WorkflowPage.objects.get_or_create(page=index_page, defaults={"workflow": workflow})
    return workflow


def setup_after_migrate(**kwargs) -> None:
    # Sent once per app: until Wagtail's own permissions exist, there is nothing to grant.
    try:
        with transaction.atomic():
            ensure_office_staff_page_permissions()
            ensure_editors_translate()
            ensure_moderation_workflow()
    except Permission.DoesNotExist:
        return
