"""What law 09-08 asks of the files: how long closed cases keep personal data, and who opened
which identity document."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .company import CompanyDocumentKind


class RetentionPeriod(models.Model):
    """How long a closed case keeps its personal data, as decided by the office.

    Rows are kept for the record: the one in force is the latest whose date has come.
    """

    months = models.PositiveSmallIntegerField(_("retention after closing (months)"))
    source = models.CharField(_("source"), max_length=500)
    effective_date = models.DateField(_("in force since"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-effective_date", "-pk"]
        verbose_name = _("retention period of closed cases")
        verbose_name_plural = _("retention periods of closed cases")
        constraints = [
            models.CheckConstraint(condition=models.Q(months__gte=1), name="retention_months_min")
        ]

    def __str__(self):
        return _("%(months)s months since %(date)s") % {
            "months": self.months,
            "date": self.effective_date,
        }

    @classmethod
    def in_force(cls, today: datetime.date | None = None) -> "RetentionPeriod | None":
        today = today or timezone.localdate()
        return cls.objects.filter(effective_date__lte=today).first()


class DocumentAccess(models.Model):
    """Append-only: one row each time someone opens a document of a company request."""

    document = models.ForeignKey(
        "filings.CompanyDocument",
        on_delete=models.SET_NULL,
        null=True,
        related_name="accesses",
        verbose_name=_("document"),
    )
    # Kept as values too: the document may be erased, the trace of who opened it stays.
    document_public_id = models.UUIDField(_("document identifier"))
    document_kind = models.CharField(
        _("kind of document"), max_length=14, choices=CompanyDocumentKind.choices
    )
    case = models.ForeignKey(
        "filings.Case",
        on_delete=models.SET_NULL,
        null=True,
        related_name="document_accesses",
        verbose_name=_("case"),
    )
    case_reference = models.CharField(_("case"), max_length=20)
    accessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    accessed_at = models.DateTimeField(_("opened at"), default=timezone.now)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        ordering = ["-accessed_at", "-pk"]
        verbose_name = _("document access")
        verbose_name_plural = _("document accesses")
        indexes = [models.Index(fields=["case", "accessed_at"])]

    def __str__(self):
        return f"{self.case_reference} {self.document_kind} {self.accessed_at:%Y-%m-%d %H:%M}"
