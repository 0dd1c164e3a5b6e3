"""Middleware of the whole platform."""

from django.conf import settings
from django.http import HttpResponse
from django.template import loader
from django.utils.translation import gettext as _


class OversizedRequestMiddleware:
    """Refuse a request bigger than any upload we accept, on its Content-Length alone.

    Django reads a whole multipart body (spooling files to disk) before any form can check a
    file's size: a 50 MB "identity document" would cost the bandwidth, the disk and the time
    before being refused. Here nothing of the body is read. It comes after the locale
    middleware, so the page is in the visitor's language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            limit = settings.MAX_REQUEST_BYTES // (1024 * 1024)
            page = loader.render_to_string(
                "error_page.html",
                {
                    "title": _("This file is too large"),
                    "message": _(
                        "What you sent is larger than %(size)s MB, the most the platform "
                        "accepts, so nothing was received. Go back, choose a smaller file (a "
                        "scan at 150 dpi is enough) and send the form again."
                    )
                    % {"size": limit},
                },
                request=request,
            )
            response = HttpResponse(page, status=413)
            # The body was not read: the connection cannot carry another request.
            response["Connection"] = "close"
            return response
        return self.get_response(request)
