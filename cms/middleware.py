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
