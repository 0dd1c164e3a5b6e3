"""Company-creation requests: from the entrepreneur's draft to the company in the trade register."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage

from ..uploads import _random


class Liability(models.TextChoices):
    LIMITED = "limited", _("Limited to the contributions")
    UNLIMITED = "unlimited", _("Unlimited and joint")


class LegalForm(models.Model):
    """Reference data, edited in the admin: the rules the form checks come from here."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    # Both in each language (filings/translation.py).
    name = models.CharField(_("name"), max_length=120)
    explanation = models.TextField(_("explanation"), blank=True)
    liability = models.CharField(_("liability"), max_length=10, choices=Liability.choices)
    minimum_capital = models.DecimalField(
        _("minimum capital (MAD)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    min_partners = models.PositiveSmallIntegerField(_("minimum partners"), default=1)
    max_partners = models.PositiveSmallIntegerField(_("maximum partners"), null=True, blank=True)
    active = models.BooleanField(_("offered"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("legal form")
        verbose_name_plural = _("legal forms")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_partners__isnull=True)
                | Q(max_partners__gte=models.F("min_partners")),
                name="legal_form_partner_range",
            )
        ]

    def __str__(self):
        return self.name


class NameWord(models.Model):
    """A word a company name may not use (forbidden) or that needs a justification (misleading)."""

    class Kind(models.TextChoices):
        FORBIDDEN = "forbidden", _("Forbidden")
        MISLEADING = "misleading", _("Misleading without an authorisation")

    word = models.CharField(_("word"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    reason = models.CharField(_("reason shown"), max_length=200, blank=True)

    class Meta:
        ordering = ["word"]
        verbose_name = _("word in company names")
        verbose_name_plural = _("words in company names")

    def __str__(self):
        return self.word


class CompanyDelay(models.Model):
    """Delays the workflow and the reminders use, editable in the admin."""

    class Key(models.TextChoices):
        CERTIFICATE_VALIDITY = "certificate_validity", _("Validity of a certificat négatif")
        CERTIFICATE_WARNING = "certificate_warning", _("Warn before a certificat négatif expires")
        REFILING_WINDOW = "refiling_window", _("Free re-filing after a refusal")
        ADVISOR_WAITING = "advisor_waiting", _("Remind an advisor of a waiting request after")

    DEFAULTS = {
        Key.CERTIFICATE_VALIDITY: 90,
        Key.CERTIFICATE_WARNING: 10,
        Key.REFILING_WINDOW: 15,
        Key.ADVISOR_WAITING: 3,
    }

    key = models.CharField(_("delay"), max_length=30, choices=Key.choices, unique=True)
    days = models.PositiveSmallIntegerField(_("days"), validators=[MaxValueValidator(365)])

    class Meta:
        verbose_name = _("company-creation delay")
        verbose_name_plural = _("company-creation delays")

    def __str__(self):
        return f"{self.get_key_display()}: {self.days}"

    @classmethod
    def days_for(cls, key: str) -> int:
        row = cls.objects.filter(key=key).values_list("days", flat=True).first()
        return row if row is not None else cls.DEFAULTS[key]


class CompanyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted, waiting for the advisor")
    INFO_REQUESTED = "info_requested", _("Information requested from you")
    CERTIFICATE_REQUESTED = "certificate_requested", _("Certificat négatif requested")
    CERTIFICATE_OBTAINED = "certificate_obtained", _("Certificat négatif obtained")
    CERTIFICATE_REFUSED = "certificate_refused", _("Certificat négatif refused")
    STATUTES = "statutes", _("Statutes being drawn up")
    REGISTRATIONS = "registrations", _("Registrations under way")
    COMPANY_CREATED = "company_created", _("Company created")
    # Only when the owner deletes their account (law 09-08): the request stops there.
    WITHDRAWN = "withdrawn", _("Withdrawn")


class OfficeKind(models.TextChoices):
    OWN = "own", _("Own premises")
    LEASE = "lease", _("Lease")
    DOMICILIATION = "domiciliation", _("Domiciliation")


def company_document_upload_to(instance, filename: str) -> str:
    return _random("company_documents", filename)


def company_receipt_upload_to(instance, filename: str) -> str:
    return _random("company_receipts", filename)


class CompanyRequest(models.Model):
    case = models.OneToOneField(
        "filings.Case", on_delete=models.CASCADE, related_name="company_request"
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=24, choices=CompanyStatus.choices, default=CompanyStatus.DRAFT
    )
    step = models.PositiveSmallIntegerField(default=1)
    status_changed_at = models.DateTimeField(default=timezone.now)

    activity = models.TextField(_("activity"), max_length=2000, blank=True)
    region = models.ForeignKey(
        "hubs.Region", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("region")
    )
    legal_form = models.ForeignKey(
        LegalForm, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("legal form")
    )
    name_1 = models.CharField(_("first choice of name"), max_length=120, blank=True)
    name_2 = models.CharField(_("second choice of name"), max_length=120, blank=True)
    name_3 = models.CharField(_("third choice of name"), max_length=120, blank=True)
    name_checks = models.JSONField(default=dict, blank=True)
    capital = models.DecimalField(
        _("capital (MAD)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    office_kind = models.CharField(
        _("registered office"), max_length=14, choices=OfficeKind.choices, blank=True
    )
    office_address = models.CharField(_("address of the office"), max_length=300, blank=True)

    submitted_at = models.DateTimeField(_("submitted on"), null=True, blank=True)
    info_request = models.TextField(_("what the advisor asks for"), blank=True)
    certificate_number = models.CharField(_("certificate number"), max_length=40, blank=True)
    certificate_name = models.CharField(_("name granted"), max_length=120, blank=True)
    certificate_expires_on = models.DateField(_("certificate expires on"), null=True, blank=True)
    refusal_reason = models.TextField(_("reason for the refusal"), blank=True)
    refused_at = models.DateTimeField(null=True, blank=True)
    if_number = models.CharField(_("tax identifier (IF)"), max_length=20, blank=True)
    ice_number = models.CharField(_("ICE"), max_length=15, blank=True)
    rc_number = models.CharField(_("trade register number (RC)"), max_length=20, blank=True)
    cnss_number = models.CharField(_("CNSS number"), max_length=20, blank=True)
    receipt = models.FileField(
        upload_to=company_receipt_upload_to, blank=True, storage=private_storage
    )
    receipt_language = models.CharField(max_length=5, default="fr")

    expiry_reminder_sent_for = models.DateField(null=True, blank=True)
    waiting_reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("company-creation request")
        verbose_name_plural = _("company-creation requests")
        indexes = [models.Index(fields=["status", "status_changed_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(capital__isnull=True) | Q(capital__gte=0),
                name="company_capital_positive",
            ),
        ]

    def __str__(self):
        return self.reference

    @property
    def reference(self) -> str:
        return f"CR-{self.case.year}-{self.case.sequence:06d}"

    @property
    def names(self) -> list[str]:
        return [n for n in (self.name_1, self.name_2, self.name_3) if n]


class IdDocumentType(models.TextChoices):
    CIN = "cin", _("National identity card (CIN)")
    PASSPORT = "passport", _("Passport")
    RESIDENCE = "residence", _("Residence card")


class CompanyPartner(models.Model):
    request = models.ForeignKey(CompanyRequest, on_delete=models.CASCADE, related_name="partners")
    full_name = models.CharField(_("full name"), max_length=150)
    id_type = models.CharField(_("ID document"), max_length=10, choices=IdDocumentType.choices)
    id_number = models.CharField(_("ID number"), max_length=30)
    nationality = models.CharField(_("nationality"), max_length=60)
    share = models.DecimalField(
        _("share of capital (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    is_manager = models.BooleanField(_("manager"), default=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.CheckConstraint(
                condition=Q(share__gte=0) & Q(share__lte=100), name="company_partner_share_range"
            )
        ]

    def __str__(self):
        return self.full_name


class CompanyDocumentKind(models.TextChoices):
    ID = "id", _("ID document")
    LEASE = "lease", _("Lease")
    DOMICILIATION = "domiciliation", _("Domiciliation contract")
    OTHER = "other", _("Other document")


class CompanyDocument(models.Model):
    request = models.ForeignKey(CompanyRequest, on_delete=models.CASCADE, related_name="documents")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("document"), max_length=14, choices=CompanyDocumentKind.choices)
    file = models.FileField(upload_to=company_document_upload_to, storage=private_storage)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("file type"), max_length=40)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded on"), default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


__all__ = [
    "CompanyDelay",
    "CompanyDocument",
    "CompanyDocumentKind",
    "CompanyPartner",
    "CompanyRequest",
    "CompanyStatus",
    "IdDocumentType",
    "LegalForm",
    "Liability",
    "NameWord",
    "OfficeKind",
]
