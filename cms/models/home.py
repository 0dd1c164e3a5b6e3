from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .base import PublicPage


class HomePage(PublicPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*PublicPage.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.HubIndexPage",
        "cms.GuideIndexPage",
        "cms.EventIndexPage",
        "cms.NewsIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .events import EventPage
        from .guides import GuidePage
        from .hubs import HubIndexPage
        from .news import NewsPage

        context = super().get_context(request, *args, **kwargs)
        # One query per list, each bounded, whatever the number of pages.
        context["upcoming_events"] = list(
            EventPage.objects.live()
            .filter(locale_id=self.locale_id, start__gte=timezone.now())
            .order_by("start")
            .only("id", "title", "url_path", "start", "venue", "online_url", "depth", "path")[:3]
        )
        context["latest_news"] = list(
            NewsPage.objects.live()
            .filter(locale_id=self.locale_id)
            .order_by("-date")
            .only("id", "title", "url_path", "date", "intro", "depth", "path")[:3]
        )
        context["guides"] = list(
            GuidePage.objects.live()
            .filter(locale_id=self.locale_id)
            .order_by("path")
            .only("id", "title", "url_path", "intro", "depth", "path")[:6]
        )
        hub_index_type = ContentType.objects.get_for_model(HubIndexPage)
        context["hub_index"] = next(
            (
                section
                for section in context["sections"]
                if section["page"].content_type_id == hub_index_type.pk
            ),
            None,
        )
        return context
