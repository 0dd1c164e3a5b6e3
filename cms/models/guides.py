from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import GuideStreamBlock

from .base import PublicPage


class GuideIndexPage(PublicPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*PublicPage.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.GuidePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("guide index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = GuidePage.objects.live().child_of(self).defer_streamfields()
        return context


class GuidePage(PublicPage):
    intro = models.TextField(
        _("introduction"), help_text=_("Two sentences: who this guide is for.")
    )
    body = StreamField(GuideStreamBlock(), verbose_name=_("body"))

    content_panels = [*PublicPage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *PublicPage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.GuideIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("service guide")
