import time

from django.conf import settings
from django.contrib.auth.models import Group, Permission

from .roles import OFFICE_STAFF_GROUP, requires_mfa


def ensure_office_staff_group(**kwargs):
    """The office-staff group exists on every installation, with access to the CMS admin."""
    group, _ = Group.objects.get_or_create(name=OFFICE_STAFF_GROUP)
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if admin_access:
        group.permissions.add(admin_access)


def stamp_privileged_session(sender, request, user, **kwargs):
    """A privileged session starts its clocks at login (PrivilegedSessionTimeoutMiddleware), so
    that its pages write nothing to the session in the minute that follows."""
    if request is not None and hasattr(request, "session") and requires_mfa(user):
        now = int(time.time())
        request.session["privileged_since"] = request.session["privileged_seen"] = now
        request.session.set_expiry(settings.PRIVILEGED_SESSION_MAX_AGE)
