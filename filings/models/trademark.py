import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage

from ..uploads import filing_file_upload_to, logo_upload_to
from .cases import Case


class PreFilingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class MarkType(models.TextChoices):
    WORD = "word", _("Word mark")
    FIGURATIVE = "figurative", _("Figurative mark (logo only)")
    COMBINED = "combined", _("Combined mark (words and logo)")


class ApplicantKind(models.TextChoices):
    PERSON = "person", _("A person")
    COMPANY = "company", _("A company")


class FilingChannel(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("Paper")


class TrademarkPreFiling(models.Model):
    """What the entrepreneur prepares before filing a mark with the office.

    ``status`` is written only by ``filings.services.trademark.prefiling_transition``.
    The similarity report and fee estimate are frozen as JSON when submitted, so the filing
    file shows what was known at that date.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # A case (the project) may protect several marks: one pre-filing per mark.
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="trademarks")
    status = models.CharField(
        _("status"), max_length=20, choices=PreFilingStatus.choices, default=PreFilingStatus.DRAFT
    )
    step = models.PositiveSmallIntegerField(default=1)
    status_changed_at = models.DateTimeField(default=timezone.now)

    mark_text = models.CharField(_("mark"), max_length=200, blank=True)
    mark_type = models.CharField(
        _("type of mark"), max_length=12, choices=MarkType.choices, default=MarkType.WORD
    )
    logo = models.ImageField(
        _("logo"), upload_to=logo_upload_to, blank=True, storage=private_storage
    )

    applicant_kind = models.CharField(
        _("applicant"), max_length=8, choices=ApplicantKind.choices, blank=True
    )
    applicant_name = models.CharField(_("applicant name"), max_length=200, blank=True)
    applicant_address = models.CharField(_("applicant address"), max_length=300, blank=True)
    applicant_resides_in_morocco = models.BooleanField(_("resides in Morocco"), default=True)
    agent_name = models.CharField(_("agent in Morocco"), max_length=200, blank=True)
    agent_address = models.CharField(_("agent address"), max_length=300, blank=True)

    classes = models.JSONField(_("classes"), default=list, blank=True)
    terms = models.ManyToManyField("filings.GoodsServicesTerm", blank=True, related_name="+")
    free_terms = models.TextField(_("other goods or services"), blank=True)
    channel = models.CharField(
        _("filing channel"),
        max_length=8,
        choices=FilingChannel.choices,
        default=FilingChannel.ONLINE,
    )

    similarity_report = models.JSONField(default=dict, blank=True, editable=False)
    fee_estimate = models.JSONField(default=dict, blank=True, editable=False)
    filing_file = models.FileField(
        upload_to=filing_file_upload_to, blank=True, editable=False, storage=private_storage
    )

    class Meta:
        verbose_name = _("trademark pre-filing")
        verbose_name_plural = _("trademark pre-filings")

    def __str__(self):
        return f"{self.case.reference} {self.mark_text}"

    @property
    def agent_required(self) -> bool:
        # Legal persons and non-residents file through an agent domiciled in Morocco.
        return self.applicant_kind == ApplicantKind.COMPANY or not self.applicant_resides_in_morocco
