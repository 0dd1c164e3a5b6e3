"""Keeps the page cache and the editors' permissions in step with the data."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from hubs.models import Hub, Membership
from hubs.signals import hub_public_data_changed

from . import permissions, routing
from .page_cache import page_cache_purge


def _purge_on_commit(**kwargs):
    transaction.on_commit(page_cache_purge)


def _routing_data_changed(**kwargs):
    # This process forgets at once; the others when the generation moves.
    routing.sites_forget()
    _purge_on_commit()


def _membership_changed(sender, instance, **kwargs):
    # Advisors are shown on hub pages; editors get their Wagtail group.
    _purge_on_commit()
    hub = Hub.objects.filter(pk=instance.hub_id).first()
    if hub is not None:
        permissions.sync_hub_editors(hub=hub)


def _hub_page_saved(sender, instance, created, **kwargs):
    if created:
        permissions.sync_hub_editors(hub=instance.hub)


def _index_page_saved(sender, instance, created, **kwargs):
    if created:
        permissions.ensure_moderation_workflow()


def connect():
    from .models import GuideIndexPage, HubIndexPage, HubPage

    page_published.connect(_purge_on_commit, dispatch_uid="cms_purge_published")
    page_unpublished.connect(_purge_on_commit, dispatch_uid="cms_purge_unpublished")
    post_page_move.connect(_purge_on_commit, dispatch_uid="cms_purge_moved")
    hub_public_data_changed.connect(_purge_on_commit, dispatch_uid="cms_purge_hub_data")
    post_save.connect(_purge_on_commit, sender=Hub, dispatch_uid="cms_purge_hub_saved")
    post_save.connect(_membership_changed, sender=Membership, dispatch_uid="cms_membership_saved")
    post_delete.connect(
        _membership_changed, sender=Membership, dispatch_uid="cms_membership_deleted"
    )
    for model in (Site, PageViewRestriction):
        post_save.connect(
            _routing_data_changed, sender=model, dispatch_uid=f"cms_{model.__name__}_saved"
        )
        post_delete.connect(
            _routing_data_changed, sender=model, dispatch_uid=f"cms_{model.__name__}_deleted"
        )
    post_save.connect(_hub_page_saved, sender=HubPage, dispatch_uid="cms_hub_page_saved")
    for model in (HubIndexPage, GuideIndexPage):
        post_save.connect(
            _index_page_saved, sender=model, dispatch_uid=f"cms_index_saved_{model.__name__}"
        )
