from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import ArticleStreamBlock

from .base import PublicPage

NEWS_PER_PAGE = 10


class NewsIndexPage(RoutablePageMixin, PublicPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*PublicPage.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def articles(self):
        return NewsPage.objects.live().child_of(self).defer_streamfields().order_by("-date", "-pk")

    @path("")
    def listing(self, request):
        paginator = Paginator(self.articles(), NEWS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        response = self.render(request, context_overrides={"page_obj": page_obj})
        if request.GET:
            response.cms_cacheable = False
        return response

    @path("feed/rss/", name="rss")
    def rss(self, request):
        from cms.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom(self, request):
        from cms.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsPage(PublicPage):
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("summary"))
    body = StreamField(ArticleStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *PublicPage.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *PublicPage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")
