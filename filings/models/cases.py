import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CaseKind(models.TextChoices):
    TRADEMARK = "TM", _("Trademark")
    COMPANY = "CO", _("Company creation")


class CaseQuerySet(models.QuerySet):
    def for_hubs(self, hub_ids):
        return self.filter(hub_id__in=hub_ids)


class Case(models.Model):
    """One entrepreneur's project file at one hub: every request and pre-filing hangs here."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=2, choices=CaseKind.choices)
    year = models.PositiveSmallIntegerField(editable=False)
    sequence = models.PositiveIntegerField(editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="filing_cases",
        verbose_name=_("owner"),
    )
    hub = models.ForeignKey(
        "hubs.Hub", on_delete=models.PROTECT, related_name="filing_cases", verbose_name=_("hub")
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="advised_cases",
        verbose_name=_("assigned advisor"),
    )
    title = models.CharField(_("title"), max_length=200)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            # The human reference (TM-2026-000123) is unique even when two cases are opened
            # at the same instant: the loser of the race retries with the next number.
            models.UniqueConstraint(fields=["kind", "year", "sequence"], name="case_reference")
        ]

    def __str__(self):
        return self.reference

    @property
    def reference(self) -> str:
        return f"{self.kind}-{self.year}-{self.sequence:06d}"


class CaseEvent(models.Model):
    """Append-only history of a case: one row per state change, comment or generated file."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    kind = models.CharField(max_length=32)  # transition, comment, document
    subject = models.CharField(max_length=40)  # trademark_prefiling, company_request...
    from_status = models.CharField(max_length=32, blank=True)
    to_status = models.CharField(max_length=32, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["case", "at"])]

    def __str__(self):
        return f"{self.case} {self.kind} {self.from_status}->{self.to_status}"

    def _status_label(self, value: str) -> str:
        """The status in words, in the reader's language, whatever the subject of the event."""
        from .company import CompanyStatus
        from .trademark import PreFilingStatus

        statuses = {"trademark_prefiling": PreFilingStatus, "company_request": CompanyStatus}
        choices = statuses.get(self.subject)
        if not (choices and value):
            return value
        try:
            return str(choices(value).label)
        except ValueError:
            return value

    @property
    def from_label(self) -> str:
        return self._status_label(self.from_status)

    @property
    def to_label(self) -> str:
        return self._status_label(self.to_status)
