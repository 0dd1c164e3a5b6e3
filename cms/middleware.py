from django.http import HttpResponseForbidden
from django.template import loader
from django.utils.translation import gettext as _

from . import page_cache


class AnonymousPageCacheMiddleware:
    """Serves public pages to anonymous visitors from the cache, before sessions and routing.

    Only responses a page marked cacheable are stored (see `PublicPage.serve`), and only when
    they set no cookie and vary on nothing per-visitor: a CSRF token or a message would
    otherwise leak from one visitor to the next.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not page_cache.is_anonymous_request(request):
            return self.get_response(request)
        cached = page_cache.lookup(request)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self._storable(request, response):
            page_cache.store(request, response)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _storable(request, response) -> bool:
        return (
            getattr(response, "cms_cacheable", False)
            and response.status_code == 200
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not request.META.get("CSRF_COOKIE_USED")
            and not getattr(response, "streaming", False)
        )


class CmsAdminAccessMiddleware:
    """A signed-in person without access to the CMS admin is told so, once.

    Wagtail sends them to its login page, which allauth answers by sending a signed-in person
    back where they came from: the browser bounced between the two until it gave up.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            path.startswith("/cms-admin/")
            and not path.startswith("/cms-admin/login/")
            and request.user.is_authenticated
            and not request.user.has_perm("wagtailadmin.access_admin")
        ):
            page = loader.render_to_string(
                "error_page.html",
                {
                    "title": _("No access to the content editor"),
                    "message": _(
                        "Your account does not edit the public site. Hub editors and office "
                        "staff do; ask your hub if you should be one of them."
                    ),
                },
                request=request,
            )
            return HttpResponseForbidden(page)
        return self.get_response(request)
