"""Routing a public URL to its page in two queries, whatever the depth of the page.

Wagtail finds the Site (one query), the active Locale (one), the site's root page, its
translation and its specific row (two or three), then walks down one query per level. A page's
``url_path`` already says where it is: the page at ``/ar/marakiz/markaz-cst/`` is the one whose
url_path is its language's home url_path followed by ``marakiz/markaz-cst/``. So one query finds
its id and type, and a second reads the specific page. The Sites are kept per process and dropped
when any Site changes or the page cache generation moves (see `page_cache`).

Anything unusual (no Site matched, no translated home, a sub-route of a routable page, a page
not live, the cache down) is left to Wagtail's own routing, which gives the same answer slowly.
"""

import threading

from django.contrib.contenttypes.models import ContentType
from django.db.models import Subquery, Value
from django.db.models.functions import Concat
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Page, Site

from . import page_cache

_lock = threading.Lock()
_sites: dict = {"generation": None, "sites": None}


def sites_forget(**kwargs) -> None:
    with _lock:
        _sites.update(generation=None, sites=None)


def _all_sites(generation: str) -> list[Site]:
    with _lock:
        if _sites["generation"] == generation and _sites["sites"] is not None:
            return _sites["sites"]
    sites = list(Site.objects.select_related("root_page").order_by("pk"))
    with _lock:
        _sites.update(generation=generation, sites=sites)
    return sites


def _site_for(request, sites: list[Site]) -> Site | None:
    """Wagtail's rule (`get_site_for_hostname`) applied to the Sites in memory."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    port = int(port) if str(port).isdigit() else None
    for matches in (
        lambda s: s.hostname == hostname and s.port == port,
        lambda s: s.hostname == hostname and s.is_default_site,
        lambda s: s.is_default_site,
    ):
        found = [site for site in sites if matches(site)]
        if found:
            return found[0]
    found = [site for site in sites if site.hostname == hostname]
    return found[0] if len(found) == 1 else None


def _generation(request) -> str | None:
    generation = getattr(request, "_cms_generation", None)
    if generation is None:
        try:
            generation = page_cache._generation()
        except Exception:
            return None
    return generation


def route_request(request, path: str) -> None:
    """Route ``request`` the fast way when possible; Wagtail's serve view then uses the result."""
    generation = _generation(request)
    if generation is None:
        return
    site = _site_for(request, _all_sites(generation))
    if site is None:
        return
    request._wagtail_site = site
    home_url_path = Page.objects.filter(
        translation_key=site.root_page.translation_key,
        locale__language_code=translation.get_language(),
    ).values("url_path")[:1]
    row = (
        Page.objects.filter(url_path=Concat(Subquery(home_url_path), Value(path)))
        .values_list("pk", "content_type_id")
        .first()
    )
    if row is None:
        return
    page_id, content_type_id = row
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None or not hasattr(model, "route_queryset"):
        return
    page = model.route_queryset().filter(pk=page_id).first()
    if page is None:
        return
    try:
        request._wagtail_route_for_request = page.route(request, [])
    except Http404:
        return
