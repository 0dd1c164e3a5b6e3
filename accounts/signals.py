from django.contrib.auth.models import Group, Permission

from .roles import OFFICE_STAFF_GROUP


def ensure_office_staff_group(**kwargs):
    """The office-staff group exists on every installation, with access to the CMS admin."""
    group, _ = Group.objects.get_or_create(name=OFFICE_STAFF_GROUP)
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if admin_access:
        group.permissions.add(admin_access)
