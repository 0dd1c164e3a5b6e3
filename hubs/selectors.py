from accounts.roles import Role

from .models import Hub


def hub_list_active():
    return Hub.objects.filter(is_active=True).select_related("chamber__region")


def hubs_where_user_advises(*, user):
    return Hub.objects.filter(
        memberships__user=user, memberships__role__in=[Role.ADVISOR, Role.HUB_MANAGER]
    ).distinct()


def hubs_where_user_edits(*, user):
    return Hub.objects.filter(memberships__user=user, memberships__role=Role.EDITOR).distinct()
