import uuid

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class CaseKind(models.TextChoices):
    TRADEMARK = "TM", _("Trademark")
    COMPANY = "CO", _("Company creation")


def case_label(*, kind: str, title: str) -> str:
    """ "Trademark ZELLIGOSOFT" / "علامة ZELLIGOSOFT", or the company's name, in the active
    language: a case's title holds only what its founder typed."""
    if kind == CaseKind.TRADEMARK:
        return _("Trademark %(mark)s") % {"mark": title} if title else str(_("Trademark"))
    return title or str(_("Company creation"))


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
    # What the founder called the project (the mark, the company's name): the platform's own
    # words for it are composed in the reader's language by `label`.
    title = models.CharField(_("title"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created on"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    # Set when the personal data of the case was erased (account deleted or retention over);
    # the case stays for the anonymous figures.
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

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

    @property
    def label(self) -> str:
        return case_label(kind=self.kind, title=self.title)


class CaseEvent(models.Model):
    """Append-only history of a case: one row per state change, comment or generated file."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    # The case's hub, copied so that the figures count events per hub without joining cases.
    hub = models.ForeignKey(
        "hubs.Hub", on_delete=models.PROTECT, null=True, related_name="+", db_index=False
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    kind = models.CharField(max_length=32)  # transition, comment, document
    subject = models.CharField(max_length=40)  # trademark_prefiling, company_request...
    from_status = models.CharField(max_length=32, blank=True)
    to_status = models.CharField(max_length=32, blank=True)
    note = models.TextField(blank=True)
    # What a move or a document recorded, by field name of the request or document: labelled
    # when shown, in the reader's language (a note is free text, in its writer's).
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [
            models.Index(fields=["case", "at"]),
            # The figures count the moves to these statuses by when and at which hub, from this
            # index alone (filings.figures.TRANSITION_SERIES, whose statuses it must cover).
            models.Index(
                fields=["at", "subject", "to_status", "from_status", "hub"],
                condition=models.Q(
                    kind="transition",
                    to_status__in=[
                        "submitted",
                        "approved",
                        "certificate_obtained",
                        "certificate_refused",
                        "company_created",
                    ],
                ),
                name="caseevent_counted_moves",
            ),  # fmt: skip
        ]

    def __str__(self):
        return f"{self.case} {self.kind} {self.from_status}->{self.to_status}"

    def details_display(self) -> list[tuple[str, str]]:
        """(label, value) lines of `details`, in the active language."""
        from .company import CompanyDocument, CompanyRequest

        if self.kind == "document":
            kind = self.details.get("kind", "")
            choices = dict(CompanyDocument._meta.get_field("kind").flatchoices)
            return [(str(choices.get(kind, kind)), self.details.get("original_name", ""))]
        lines = []
        for name, value in self.details.items():
            try:
                field = CompanyRequest._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            lines.append((capfirst(str(field.verbose_name)), str(value)))
        return lines

    def _status_label(self, value: str) -> str:
        """The status in words, in the reader's language, whatever the subject of the event."""
        from hubs.models import Appointment

        from .company import CompanyStatus
        from .trademark import PreFilingStatus

        statuses = {
            "trademark_prefiling": PreFilingStatus,
            "company_request": CompanyStatus,
            "appointment": Appointment.Status,
        }
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


class CaseAppointment(models.Model):
    """A meeting booked for a case. Owned here: `hubs` knows nothing of cases."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="appointment_links")
    # One case per meeting; no reverse accessor on the appointment, which stays case-agnostic.
    appointment = models.OneToOneField(
        "hubs.Appointment", on_delete=models.CASCADE, related_name="+"
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    linked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("meeting of a case")
        verbose_name_plural = _("meetings of cases")

    def __str__(self):
        return f"{self.case} · {self.appointment_id}"


class WaitingItem(models.TextChoices):
    COMPANY_REQUEST = "company_request", _("Company-creation request")
    TRADEMARK_PREFILING = "trademark_prefiling", _("Trademark pre-filing")


class ServiceLevelTarget(models.Model):
    """How long an item may wait on an advisor, per hub or (without a hub) by default.

    Office staff edit these in the admin; the advisor's home compares waiting times to them.
    """

    hub = models.ForeignKey(
        "hubs.Hub",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="service_level_targets",
        verbose_name=_("hub"),
        help_text=_("Leave empty for the default target of every hub."),
    )
    item = models.CharField(_("waiting item"), max_length=24, choices=WaitingItem.choices)
    hours = models.PositiveIntegerField(_("target (hours)"))
    source = models.CharField(_("source"), max_length=200, blank=True)
    effective_from = models.DateField(_("in force since"), default=timezone.localdate)

    class Meta:
        verbose_name = _("service-level target")
        verbose_name_plural = _("service-level targets")
        constraints = [
            models.UniqueConstraint(fields=["hub", "item"], name="service_level_per_hub"),
            models.UniqueConstraint(
                fields=["item"],
                condition=models.Q(hub__isnull=True),
                name="service_level_default",
            ),
        ]

    def __str__(self):
        return f"{self.hub or _('Default')} · {self.get_item_display()}: {self.hours} h"


class FilingMilestones(models.Model):
    """When one request or pre-filing was first submitted, and first reached each milestone.

    Written with the transition's `CaseEvent`, in the same transaction
    (`filings.services.cases.case_event_record`), for the network's figures: they filter on the
    hub and the submission time and take percentiles per milestone column, without joining the
    cases or grouping the events of each case (which carry no pre-filing of their own).
    """

    subject = models.CharField(max_length=40)  # company_request, trademark_prefiling
    item_id = models.PositiveBigIntegerField()  # the CompanyRequest or TrademarkPreFiling
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="+")
    hub = models.ForeignKey("hubs.Hub", on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField()
    certificate_requested_at = models.DateTimeField(null=True)
    certificate_obtained_at = models.DateTimeField(null=True)
    certificate_refused_at = models.DateTimeField(null=True)
    company_created_at = models.DateTimeField(null=True)
    first_review_at = models.DateTimeField(null=True)
    approved_at = models.DateTimeField(null=True)

    # (subject, status reached) -> the column of its first time; a pre-filing's first review
    # is its first move to "changes requested" or "approved" (columns_for).
    COLUMNS = {
        ("company_request", "certificate_requested"): "certificate_requested_at",
        ("company_request", "certificate_obtained"): "certificate_obtained_at",
        ("company_request", "certificate_refused"): "certificate_refused_at",
        ("company_request", "company_created"): "company_created_at",
        ("trademark_prefiling", "approved"): "approved_at",
    }

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subject", "item_id"], name="filing_milestones_item")
        ]
        indexes = [
            models.Index(
                fields=["subject", "submitted_at", "hub", "item_id"], name="milestones_submitted"
            )
        ]

    def __str__(self):
        return f"{self.subject} {self.item_id}"

    @staticmethod
    def columns_for(subject: str, to_status: str) -> list[str]:
        """The milestone columns that a move to `to_status` may set for the first time."""
        columns = []
        if subject == "trademark_prefiling" and to_status in ("changes_requested", "approved"):
            columns.append("first_review_at")
        column = FilingMilestones.COLUMNS.get((subject, to_status))
        if column and column not in columns:
            columns.append(column)
        return columns
