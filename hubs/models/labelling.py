"""The labelling workflow: a chamber's application for a space, the criteria grid, the label.

Statuses are written only by the services in `hubs.services.labelling`, which follow the
TRANSITIONS maps below and append a history row for every move.
"""

import secrets
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.formats import format_date

from .network import Chamber, Hub

PILOT_MONTHS = 18
# Unambiguous characters only (no 0/O, 1/I/L): people type the code from a printed page.
VERIFICATION_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_verification_code() -> str:
    # 12 characters from 31 symbols: about 59 bits, far beyond guessing through a rate limit.
    raw = "".join(secrets.choice(VERIFICATION_ALPHABET) for _ in range(12))
    return f"{raw[0:4]}-{raw[4:8]}-{raw[8:12]}"


class PrivateEvidenceStorage(FileSystemStorage):
    """Evidence files live outside MEDIA_ROOT: no URL serves them, only a checked view."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    def deconstruct(self):
        return ("hubs.models.labelling.PrivateEvidenceStorage", (), {})


def evidence_upload_to(instance, filename):
    # A random name: the original one is kept in a field for display only.
    extension = Path(filename).suffix.lower()
    return f"labelling/evidence/{uuid.uuid4().hex}{extension}"


class CriteriaGrid(models.Model):
    """One version of the review grid; the newest one in force on a date applies."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    in_force_from = models.DateField(_("in force from"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["-in_force_from", "-version"]
        verbose_name = _("criteria grid")
        verbose_name_plural = _("criteria grids")

    def __str__(self):
        return _("Grid v%(version)s") % {"version": self.version}


class Criterion(models.Model):
    grid = models.ForeignKey(CriteriaGrid, on_delete=models.PROTECT, related_name="criteria")
    code = models.SlugField(_("code"), max_length=40)
    # In each language (hubs/translation.py); the office writes it in French first.
    title = models.CharField(_("criterion"), max_length=200)
    weight = models.PositiveSmallIntegerField(
        _("weight"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["grid", "order", "code"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["grid", "code"], name="criterion_code_unique_in_grid"),
            models.CheckConstraint(condition=Q(weight__gte=1), name="criterion_weight_positive"),
        ]

    def __str__(self):
        return self.title


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted, completeness check")
    IN_REVIEW = "in_review", _("Review against the criteria")
    SITE_VISIT = "site_visit", _("Site visit")
    CORRECTIONS = "corrections", _("Corrections requested")
    GRANTED = "granted", _("Label granted")
    REFUSED = "refused", _("Refused")


class Decision(models.TextChoices):
    PILOT = "pilot", _("Labelled for the pilot phase (18 months)")
    DEPLOYMENT = "deployment", _("Labelled for regional deployment")
    REFUSED = "refused", _("Refused")


class LabelApplication(models.Model):
    Status = ApplicationStatus

    TRANSITIONS = {
        Status.DRAFT: {Status.SUBMITTED},
        Status.SUBMITTED: {Status.IN_REVIEW, Status.CORRECTIONS},
        Status.IN_REVIEW: {Status.SITE_VISIT, Status.CORRECTIONS, Status.REFUSED},
        Status.SITE_VISIT: {Status.CORRECTIONS, Status.GRANTED, Status.REFUSED},
        Status.CORRECTIONS: {Status.SUBMITTED},
        Status.GRANTED: set(),
        Status.REFUSED: set(),
    }
    EDITABLE = {Status.DRAFT, Status.CORRECTIONS}
    OPEN = {Status.SUBMITTED, Status.IN_REVIEW, Status.SITE_VISIT, Status.CORRECTIONS}

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    chamber = models.ForeignKey(
        Chamber, on_delete=models.PROTECT, related_name="label_applications"
    )
    hub = models.ForeignKey(Hub, on_delete=models.PROTECT, related_name="label_applications")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    status_changed_at = models.DateTimeField(_("in this stage since"), auto_now_add=True)

    # The space
    space_address = models.CharField(_("address of the space"), max_length=300, blank=True)
    surface_m2 = models.PositiveIntegerField(
        _("surface (m²)"), null=True, blank=True, validators=[MaxValueValidator(100000)]
    )
    accessibility = models.TextField(_("accessibility"), max_length=2000, blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=300, blank=True)
    # The team
    team = models.TextField(_("team (advisors and their roles)"), max_length=3000, blank=True)
    ip_training = models.TextField(
        _("training of the team in industrial property"), max_length=3000, blank=True
    )
    # The services of the four axes
    services_creation = models.TextField(
        _("assistance to company creators and investors"), max_length=3000, blank=True
    )
    services_innovation = models.TextField(
        _("promotion of creativity and innovation"), max_length=3000, blank=True
    )
    services_ip = models.TextField(
        _("promotion and protection of industrial and commercial property"),
        max_length=3000,
        blank=True,
    )
    services_information = models.TextField(
        _("access to technical and business information"), max_length=3000, blank=True
    )
    equipment = models.TextField(_("equipment"), max_length=3000, blank=True)

    # Frozen at submission: the application is judged on the grid in force that day.
    grid = models.ForeignKey(
        CriteriaGrid, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    corrections_requested = models.TextField(_("corrections requested"), blank=True)
    corrections_deadline = models.DateField(_("deadline for corrections"), null=True, blank=True)
    site_visit_on = models.DateField(_("site visit date"), null=True, blank=True)
    site_visit_report = models.TextField(_("site visit report"), blank=True)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices, blank=True)
    decision_reasons = models.TextField(_("reasons for the decision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("label application")
        verbose_name_plural = _("label applications")
        constraints = [
            # A decision is recorded exactly when the application reached its end.
            models.CheckConstraint(
                condition=Q(status__in=["granted", "refused"], decided_at__isnull=False)
                | (~Q(status__in=["granted", "refused"]) & Q(decided_at__isnull=True)),
                name="application_decided_iff_closed",
            ),
            models.UniqueConstraint(
                fields=["hub"],
                condition=Q(
                    status__in=["draft", "submitted", "in_review", "site_visit", "corrections"]
                ),
                name="one_open_application_per_hub",
            ),
        ]

    def __str__(self):
        return _("Application for %(hub)s") % {"hub": self.hub}

    @property
    def is_editable(self):
        return self.status in self.EDITABLE


class ApplicationEvidence(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(
        LabelApplication, on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(upload_to=evidence_upload_to, storage=PrivateEvidenceStorage())
    original_name = models.CharField(_("file name"), max_length=200)
    description = models.CharField(_("description"), max_length=200)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self):
        return self.original_name


class CriterionScore(models.Model):
    MAX_SCORE = 4

    application = models.ForeignKey(
        LabelApplication, on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(
        _("score (0 to 4)"), validators=[MaxValueValidator(MAX_SCORE)]
    )
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    scored_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["criterion__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "criterion"], name="one_score_per_criterion"
            ),
            models.CheckConstraint(condition=Q(score__lte=4), name="score_at_most_4"),
        ]

    def __str__(self):
        return f"{self.criterion_id}: {self.score}"


class PlatformNote(models.TextChoices):
    """What the platform itself writes in a history: kept as a code and composed when read,
    so that each reader reads it in their own language."""

    VISIT_SCHEDULED = "visit_scheduled", _("Site visit scheduled on %(date)s.")
    VISIT_MOVED = "visit_moved", _("Site visit moved to %(date)s.")
    VISIT_REPORTED = "visit_reported", _("Site visit report recorded.")
    VALIDITY_ENDED = "validity_ended", _("The validity period has ended.")


class PlatformNoted(models.Model):
    platform_note = models.CharField(max_length=20, choices=PlatformNote.choices, blank=True)
    platform_note_date = models.DateField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def platform_note_text(self) -> str:
        """The platform's note in the active language (`note` holds what a person wrote)."""
        if not self.platform_note:
            return ""
        text = str(PlatformNote(self.platform_note).label)
        if "%(date)s" in text:
            return text % {"date": format_date(self.platform_note_date, "long")}
        return text


class ApplicationHistory(PlatformNoted):
    """Append-only: one row per change of an application's status."""

    application = models.ForeignKey(
        LabelApplication, on_delete=models.CASCADE, related_name="history"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    from_status = models.CharField(max_length=20, choices=ApplicationStatus.choices)
    to_status = models.CharField(max_length=20, choices=ApplicationStatus.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("application history entry")
        verbose_name_plural = _("application history")

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"


class LabelPhase(models.TextChoices):
    PILOT = "pilot", _("Pilot phase")
    DEPLOYMENT = "deployment", _("Regional deployment")


class LabelStatusChoice(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Expired")


class Label(models.Model):
    Status = LabelStatusChoice
    Phase = LabelPhase

    # A renewal is a move from ACTIVE (or EXPIRED) to ACTIVE with new dates.
    TRANSITIONS = {
        Status.ACTIVE: {Status.ACTIVE, Status.SUSPENDED, Status.WITHDRAWN, Status.EXPIRED},
        Status.SUSPENDED: {Status.ACTIVE, Status.WITHDRAWN, Status.EXPIRED},
        Status.EXPIRED: {Status.ACTIVE},
        Status.WITHDRAWN: set(),
    }
    CURRENT = (Status.ACTIVE, Status.SUSPENDED)

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hub = models.ForeignKey(Hub, on_delete=models.PROTECT, related_name="labels")
    application = models.OneToOneField(
        LabelApplication, on_delete=models.PROTECT, null=True, blank=True, related_name="label"
    )
    number = models.CharField(_("label number"), max_length=20, unique=True)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    maturity = models.PositiveSmallIntegerField(
        _("maturity level"), validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    pilot_months = models.PositiveSmallIntegerField(_("pilot length (months)"), null=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    suspension_deadline = models.DateField(_("deadline to correct"), null=True, blank=True)
    verification_code = models.CharField(
        _("verification code"), max_length=14, unique=True, default=new_verification_code
    )
    status_changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-valid_from", "-id"]
        verbose_name = _("label")
        verbose_name_plural = _("labels")
        constraints = [
            models.UniqueConstraint(
                fields=["hub"],
                condition=Q(status__in=["active", "suspended"]),
                name="one_current_label_per_hub",
            ),
            models.CheckConstraint(
                condition=Q(maturity__gte=1, maturity__lte=3), name="label_maturity_1_to_3"
            ),
            models.CheckConstraint(
                condition=Q(valid_until__gt=models.F("valid_from")), name="label_validity_ordered"
            ),
            models.CheckConstraint(
                condition=~Q(status="suspended") | Q(suspension_deadline__isnull=False),
                name="suspended_label_has_deadline",
            ),
        ]

    def __str__(self):
        return self.number


class LabelHistory(PlatformNoted):
    """Append-only: one row per change of a label (status, renewal)."""

    label = models.ForeignKey(Label, on_delete=models.CASCADE, related_name="history")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    from_status = models.CharField(max_length=20, choices=LabelStatusChoice.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=LabelStatusChoice.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("label history entry")
        verbose_name_plural = _("label history")

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"


class AnnualReport(models.Model):
    """The report for the n-th year of a label, due on the n-th anniversary of its start."""

    label = models.ForeignKey(Label, on_delete=models.CASCADE, related_name="annual_reports")
    period = models.PositiveSmallIntegerField(_("year of the label"))
    requests_handled = models.PositiveIntegerField(_("requests handled"))
    appointments_held = models.PositiveIntegerField(_("appointments held"))
    events_run = models.PositiveIntegerField(_("events run"))
    narrative = models.TextField(_("activity summary"), max_length=5000, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["period"]
        constraints = [
            models.UniqueConstraint(fields=["label", "period"], name="one_report_per_label_year")
        ]

    def __str__(self):
        return f"{self.label_id} · {self.period}"


class LabelReminder(models.Model):
    """A reminder sent: the unique row is written before the email, so it goes out once."""

    class Kind(models.TextChoices):
        EXPIRY = "expiry", _("Label expires soon")
        REPORT_OVERDUE = "report_overdue", _("Annual report overdue")

    label = models.ForeignKey(Label, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # What the reminder is about: the validity end date, or the report's year.
    subject_key = models.CharField(max_length=20)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["label", "kind", "subject_key"], name="one_reminder_per_subject"
            )
        ]

    def __str__(self):
        return f"{self.kind} · {self.subject_key}"
