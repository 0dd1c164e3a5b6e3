import logging
import sys
from urllib.parse import urlencode

from django import db
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.template import loader
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import PROBES

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    checks = {}
    for name, probe in PROBES.items():
        try:
            checks[name] = probe()
        except Exception as error:  # noqa: BLE001 - any failure means "down", with its reason
            logger.warning("healthz: %s is down: %s", name, error)
            checks[name] = f"error: {type(error).__name__}"
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "degraded", "checks": checks},
        status=200 if healthy else 503,
    )


def login_through_allauth(request):
    """Wagtail's own login forms check a password only: no second factor, no rate limit.

    Every login goes through allauth's, which has both; the page asked for comes along.
    """
    next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    login_url = reverse("account_login")
    if next_url:
        login_url += "?" + urlencode({REDIRECT_FIELD_NAME: next_url})
    return HttpResponseRedirect(login_url)


def password_change_through_allauth(request, extra_context=None):
    return HttpResponseRedirect(reverse("account_change_password"))


def server_error(request, *args, **kwargs):
    """The page after an unexpected error: 503 when the database is out of reach, else 500.

    A database restart is seen by visitors as a short outage, not as a broken site; the
    page needs neither the database nor the session to render.
    """
    error = sys.exc_info()[1]
    if isinstance(error, (db.OperationalError, db.InterfaceError)):
        status, title, message = (
            503,
            _("Service briefly unavailable"),
            _("The service is restarting. Please try again in a minute."),
        )
    else:
        status, title, message = (
            500,
            _("Something went wrong on our side"),
            _("Please try again in a few minutes. If it happens again, contact your hub."),
        )
    response = HttpResponse(
        loader.render_to_string("error_page.html", {"title": title, "message": message}),
        status=status,
    )
    if status == 503:
        response["Retry-After"] = "60"
    return response
