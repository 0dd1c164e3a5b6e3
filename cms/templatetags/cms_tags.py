from django import template
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def site_sections(context, page):
    """The top sections of the page's language (hubs, guides, events, news): one query."""
    request = context.get("request")
    sections = (
        Page.objects.live()
        .in_menu()
        .filter(locale_id=page.locale_id, depth=3)
        .order_by("path")
        .only("id", "title", "url_path", "depth", "path")
    )
    return [
        {"title": p.title, "url": p.get_url(request), "active": page.path.startswith(p.path)}
        for p in sections
    ]
