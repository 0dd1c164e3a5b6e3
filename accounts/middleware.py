import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .roles import has_mfa, requires_mfa

# What a privileged user may still reach before setting up MFA: the account pages (to log
# out, verify an email or activate TOTP), the language switch, static files and the probe.
_ALWAYS_OPEN_SEGMENTS = ("accounts", "i18n", "static", "media", "healthz", "favicon.ico")


_LANGUAGE_PREFIXES = {code for code, _name in settings.LANGUAGES}


def _is_always_open(path: str) -> bool:
    segments = [segment for segment in path.split("/") if segment]
    if segments and segments[0] in _LANGUAGE_PREFIXES:
        segments = segments[1:]
    return bool(segments) and segments[0] in _ALWAYS_OPEN_SEGMENTS


class PrivilegedRolesRequireMFAMiddleware:
    """Advisors, hub managers, editors and office staff see nothing until TOTP is active.

    Enforced here, for every URL, rather than view by view: a view that forgets a decorator
    must not leak a case or an editing page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not _is_always_open(request.path)
            and requires_mfa(user)
            and not has_mfa(user)
        ):
            messages.warning(
                request,
                _(
                    "Your role gives access to entrepreneurs' files: set up two-factor "
                    "authentication before you continue."
                ),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)


class PrivilegedSessionTimeoutMiddleware:
    """Sessions that open entrepreneurs' files end sooner: after a working day, and after a
    while without a request (an unlocked office computer). Entrepreneurs keep theirs.

    The times are kept in the session; the last activity is written at most once a minute, so
    a busy advisor does not cost a session write per request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and requires_mfa(user):
            now = int(time.time())
            session = request.session
            started = session.get("privileged_since")
            seen = session.get("privileged_seen", now)
            if started is None:  # a session opened before this rule: its clock starts now
                session["privileged_since"] = started = now
            if session.get_expiry_age() > settings.PRIVILEGED_SESSION_MAX_AGE:
                session.set_expiry(settings.PRIVILEGED_SESSION_MAX_AGE)
            idle = now - seen > settings.PRIVILEGED_SESSION_IDLE_TIMEOUT
            if idle or now - started > settings.PRIVILEGED_SESSION_MAX_AGE:
                path = request.get_full_path()
                logout(request)
                messages.info(
                    request,
                    _("You were signed out after a period without activity. Sign in again.")
                    if idle
                    else _("Your working session has ended. Sign in again to continue."),
                )
                return redirect_to_login(path)
            if now - seen >= 60:
                session["privileged_seen"] = now
        return self.get_response(request)
