from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.geo import haversine_km
from core.regions import RegionCode
from hubs import selectors as hub_selectors

from .base import PublicPage


class HubIndexPage(PublicPage):
    """The list of hubs, with "find your hub" by region, city or distance."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*PublicPage.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.HubPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("hub index")

    def child_route_queryset(self):
        return HubPage.objects.child_of(self).select_related("hub__chamber__region")

    def serve(self, request, *args, **kwargs):
        # Filtered lists depend on the query string: never cache them as the bare page.
        response = super().serve(request, *args, **kwargs)
        if request.GET:
            response.cms_cacheable = False
        return response

    def get_context(self, request, *args, **kwargs):
        from cms.forms import FindHubForm

        context = super().get_context(request, *args, **kwargs)
        hub_pages = list(
            HubPage.objects.live()
            .child_of(self)
            .only("id", "title", "url_path", "depth", "path", "hub_id")
        )
        # Hub data has one source, read through its selector (inactive hubs are left out).
        hubs = hub_selectors.hubs_for_directory(hub_ids=[p.hub_id for p in hub_pages])
        hub_pages = [p for p in hub_pages if p.hub_id in hubs]
        for hub_page in hub_pages:
            hub_page.hub = hubs[hub_page.hub_id]
        form = FindHubForm(request.GET or None, cities=sorted({p.hub.city for p in hub_pages}))
        position = None
        if form.is_bound and form.is_valid():
            region, city = form.cleaned_data["region"], form.cleaned_data["city"]
            if region:
                hub_pages = [p for p in hub_pages if p.hub.chamber.region.code == region]
            if city:
                hub_pages = [p for p in hub_pages if p.hub.city == city]
            if form.cleaned_data["lat"] is not None and form.cleaned_data["lng"] is not None:
                position = (form.cleaned_data["lat"], form.cleaned_data["lng"])
        entries = []
        statuses = hub_selectors.hub_label_statuses(hub_ids=[p.hub_id for p in hub_pages])
        for hub_page in hub_pages:
            hub = hub_page.hub
            distance = None
            if position and hub.latitude is not None and hub.longitude is not None:
                distance = haversine_km(position, (hub.latitude, hub.longitude))
            entries.append(
                {
                    "page": hub_page,
                    "hub": hub,
                    "region": RegionCode(hub.chamber.region.code).label,
                    "label_status": statuses.get(hub.pk),
                    "distance_km": distance,
                }
            )
        if position:
            entries.sort(key=lambda e: (e["distance_km"] is None, e["distance_km"] or Decimal(0)))
        context.update(form=form, entries=entries, searched_by_position=position is not None)
        return context


class HubPage(PublicPage):
    """The public page of one hub. Contact details come from `hubs.Hub`, the one source."""

    hub = models.ForeignKey(
        "hubs.Hub",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("hub"),
        help_text=_("Name, address, contact details and advisors are read from this hub."),
    )
    intro = models.TextField(_("introduction"), blank=True)
    services = RichTextField(
        _("services offered"),
        blank=True,
        features=["h3", "bold", "italic", "link", "ul"],
    )

    content_panels = [
        *PublicPage.content_panels,
        FieldPanel("hub"),
        FieldPanel("intro"),
        FieldPanel("services"),
    ]
    search_fields = [
        *PublicPage.search_fields,
        index.SearchField("intro"),
        index.SearchField("services"),
    ]
    parent_page_types = ["cms.HubIndexPage"]
    subpage_types = ["cms.EventPage"]

    class Meta:
        verbose_name = _("hub page")

    @classmethod
    def route_queryset(cls):
        return cls.objects.select_related("hub__chamber__region")

    def clean(self):
        super().clean()
        # Page.locale lives on the parent table, so a database constraint cannot say this.
        duplicate = HubPage.objects.filter(hub_id=self.hub_id, locale_id=self.locale_id)
        if self.pk:
            duplicate = duplicate.exclude(pk=self.pk)
        if self.hub_id and duplicate.exists():
            raise ValidationError({"hub": _("This hub already has a page in this language.")})

    def get_context(self, request, *args, **kwargs):
        from .events import EventPage

        context = super().get_context(request, *args, **kwargs)
        # Routing already joined the hub in (HubIndexPage.child_route_queryset).
        hub = self.hub if self.hub.is_active else None
        context["hub_data"] = hub
        if hub is not None:
            context["region_name"] = RegionCode(hub.chamber.region.code).label
            context["advisors"] = hub_selectors.hub_advisors(hub_id=hub.pk)
            context["label_status"] = hub_selectors.hub_label_statuses(hub_ids=[hub.pk])[hub.pk]
        context["upcoming_events"] = list(
            EventPage.objects.live()
            .child_of(self)
            .filter(start__gte=timezone.now())
            .order_by("start")
            .only("id", "title", "url_path", "start", "venue", "online_url", "depth", "path")[:5]
        )
        return context
