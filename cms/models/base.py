"""What every public page shares: cacheability for anonymous visitors and its translations."""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.http import Http404
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from cms.page_cache import mark_cacheable
from cms.page_forms import ContentLanguagePageForm

SECTION_DEPTH = 3  # root, home, then the sections


class PublicPage(Page):
    """Abstract base of our page types."""

    base_form_class = ContentLanguagePageForm

    class Meta:
        abstract = True

    # --- Cheaper routing: a page's own SQL budget is small (see tests/cms/test_page_performance)

    @classmethod
    def route_queryset(cls):
        """Where `cms.routing` reads a page it found by URL: join what the page always shows."""
        return cls.objects.all()

    def child_route_queryset(self):
        """Children with their specific fields joined in, so routing costs one query a level."""
        related = [
            model._meta.model_name
            for model in self.specific_class.allowed_subpage_models()
            if model._meta.get_parent_list() == [Page]
        ]
        return Page.objects.child_of(self).select_related(*related)

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        try:
            child = self.child_route_queryset().get(slug=path_components[0])
        except ObjectDoesNotExist as error:  # HubPage.DoesNotExist is not a Page.DoesNotExist
            raise Http404 from error
        specific = next(
            (
                getattr(child, model._meta.model_name)
                for model in self.specific_class.allowed_subpage_models()
                if model._meta.model_name in child._state.fields_cache
                and child._state.fields_cache[model._meta.model_name] is not None
            ),
            None,
        )
        if specific is None:
            specific = child.specific
        specific._cached_parent_obj = self
        return specific.route(request, path_components[1:])

    def get_view_restrictions(self):
        """The restrictions on this page and its ancestors (or their alias sources), one query.

        Same rule as Wagtail's own, which spends a query listing the ancestors first: their
        paths are the prefixes of this page's path.
        """
        paths = [self.path[: depth * self.steplen] for depth in range(1, self.depth + 1)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
        ).distinct()

    def serve_preview(self, request, *args, **kwargs):
        # The admin speaks the editor's language; the preview must show the page as visitors
        # of its own language see it (Arabic right-to-left).
        with translation.override(self.locale.language_code):
            response = super().serve_preview(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
        return response

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        return mark_cacheable(request, response)

    def navigation(self, request) -> dict:
        """The site sections of this language and this page's translations, in one query.

        Sections are the top pages shown in menus (hubs, guides, events, news); a translation
        missing in a language links to that language's home instead.
        """
        rows = list(
            Page.objects.live()
            .filter(
                Q(translation_key=self.translation_key)
                | Q(locale_id=self.locale_id, depth=SECTION_DEPTH, show_in_menus=True)
            )
            .select_related("locale")
            .order_by("path")
            .only(
                "id",
                "title",
                "url_path",
                "depth",
                "path",
                "content_type_id",
                "translation_key",
                "show_in_menus",
                "locale__language_code",
            )
        )
        translations = {
            page.locale.language_code: page
            for page in rows
            if page.translation_key == self.translation_key
        }
        sections = [
            {
                "title": page.title,
                "url": page.get_url(request),
                "active": self.path.startswith(page.path),
                "page": page,
            }
            for page in rows
            if page.locale_id == self.locale_id
            and page.depth == SECTION_DEPTH
            and page.show_in_menus
        ]
        return {"sections": sections, "translation_links": self._links(request, translations)}

    def _links(self, request, translations) -> list[dict]:
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
        context.update(self.navigation(request))
        return context
