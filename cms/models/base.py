"""What every public page shares: cacheability for anonymous visitors and its translations."""

from django.conf import settings
from wagtail.models import Page

from cms.page_cache import mark_cacheable


class PublicPage(Page):
    """Abstract base of our page types."""

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        return mark_cacheable(request, response)

    def translation_links(self, request) -> list[dict]:
        """One link per site language: the page's own translation, or that language's home.

        One query: the live translations with their locale.
        """
        translations = {
            page.locale.language_code: page
            for page in Page.objects.filter(translation_key=self.translation_key)
            .live()
            .select_related("locale")
            .only("id", "url_path", "locale__language_code", "translation_key", "depth", "path")
        }
        links = []
        for code, name in settings.LANGUAGES:
            page = translations.get(code)
            links.append(
                {
                    "code": code,
                    "name": name,
                    "url": page.get_url(request) if page else f"/{code}/",
                    "translated": page is not None,
                    "full_url": page.get_full_url(request) if page else None,
                }
            )
        return links

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["translation_links"] = self.translation_links(request)
        return context
