"""The anonymous page cache of the public site.

Rendered pages are stored under a key that carries a *generation*: purging bumps the
generation, so every cached page is dropped at once without listing keys. A purge happens on
publish/unpublish/move/delete of any page and on any change of the data pages show (hub details,
advisors, label status, event registrations). Pages are cheap to rebuild and changes are rare,
so purging everything is simpler and safer than tracking which page shows what.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

GENERATION_KEY = "cms:page-cache:generation"
TIMEOUT = 60 * 60


def _generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def page_cache_purge(**kwargs) -> None:
    try:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    except Exception:
        # Pages cached meanwhile would outlive this change: say so loudly.
        logger.error("page cache purge failed", exc_info=True)


_PUBLIC_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def is_anonymous_request(request) -> bool:
    """Decided from the path and cookies alone, before sessions and authentication run."""
    return (
        request.method in ("GET", "HEAD")
        and request.path.startswith(_PUBLIC_PREFIXES)
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def cache_key(request, generation: str) -> str:
    return f"cms:page:{generation}:{request.method}:{request.path}"


def mark_cacheable(request, response):
    response.cms_cacheable = not getattr(request.user, "is_authenticated", False)
    return response


def lookup(request):
    # The cache only speeds pages up: when it is down, pages are built as if uncached.
    try:
        generation = _generation()
        request._cms_generation = generation
        return cache.get(cache_key(request, generation))
    except Exception:
        logger.warning("page cache unavailable", exc_info=True)
        return None


def store(request, response) -> None:
    generation = getattr(request, "_cms_generation", None)
    if generation is None:
        return
    try:
        cache.set(cache_key(request, generation), response, TIMEOUT)
    except Exception:
        logger.warning("page cache unavailable", exc_info=True)
