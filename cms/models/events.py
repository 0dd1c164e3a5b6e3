from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import ArticleStreamBlock

from .base import PublicPage


class EventIndexPage(PublicPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*PublicPage.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Network events live here, hub events under their hub page: list both.
        events = (
            EventPage.objects.live()
            .filter(locale_id=self.locale_id)
            .defer_streamfields()
            .order_by("start")
        )
        now = timezone.now()
        context["upcoming_events"] = list(events.filter(start__gte=now)[:50])
        context["past_events"] = list(events.filter(start__lt=now).order_by("-start")[:20])
        return context


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    CREATORS = "creators", _("Company creators")
    STARTUPS = "startups", _("Start-ups")
    SMES = "smes", _("Small and medium businesses")
    STUDENTS = "students", _("Students and researchers")


class EventPage(PublicPage):
    """A workshop, training caravan or awareness seminar; registrations follow its translations."""

    start = models.DateTimeField(_("starts at"))
    end = models.DateTimeField(_("ends at"))
    venue = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), help_text=_("Registrations beyond this number go on the waiting list.")
    )
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ArticleStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *PublicPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("venue"),
                FieldPanel("online_url"),
            ],
            heading=_("When and where"),
        ),
        FieldRowPanel([FieldPanel("audience"), FieldPanel("capacity")]),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *PublicPage.search_fields,
        index.SearchField("intro"),
        index.SearchField("venue"),
    ]
    parent_page_types = ["cms.EventIndexPage", "cms.HubPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="event_ends_after_start"
            ),
        ]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event must end after it starts.")})
        if not self.venue and not self.online_url:
            raise ValidationError({"venue": _("Give a place or an online link.")})

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    def get_context(self, request, *args, **kwargs):
        from cms.selectors import event_registration_counts, registration_of_user

        context = super().get_context(request, *args, **kwargs)
        counts = event_registration_counts(event=self)
        context["confirmed_count"] = counts["confirmed"]
        context["waitlisted_count"] = counts["waitlisted"]
        context["seats_left"] = max(self.capacity - counts["confirmed"], 0)
        if request.user.is_authenticated:
            context["my_registration"] = registration_of_user(event=self, user=request.user)
        parent = self.get_parent().specific
        context["hub_page"] = parent if type(parent).__name__ == "HubPage" else None
        return context
