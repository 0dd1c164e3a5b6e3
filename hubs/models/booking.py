"""Advisors' availability and the appointments entrepreneurs book with them.

An appointment knows nothing of cases: `filings` owns the link from a case to its meetings.
"""

import secrets
import uuid

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField, RangeBoundary, RangeOperators
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .network import Hub


class Topic(models.TextChoices):
    COMPANY_CREATION = "company_creation", _("Company creation")
    TRADEMARK = "trademark", _("Trademark")
    INNOVATION_FUNDING = "innovation_funding", _("Innovation and funding")
    OTHER = "other", _("Other")


class Mode(models.TextChoices):
    AT_HUB = "hub", _("At the hub")
    PHONE = "phone", _("By phone")
    VIDEO = "video", _("Video call")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


def _new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class AdvisorBookingProfile(models.Model):
    """What an advisor offers to book, whatever the hub."""

    advisor = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="booking_profile"
    )
    topics = models.JSONField(_("topics covered"), default=list, blank=True)
    daily_cap = models.PositiveSmallIntegerField(
        _("maximum meetings per day"), default=6, validators=[MinValueValidator(1)]
    )
    video_link = models.URLField(_("video meeting link"), blank=True)
    # Secret part of the private calendar-feed URL; rotating it revokes old subscriptions.
    feed_token = models.CharField(max_length=64, unique=True, default=_new_feed_token)

    class Meta:
        verbose_name = _("advisor booking profile")
        verbose_name_plural = _("advisor booking profiles")

    def __str__(self):
        return str(self.advisor)

    def covers(self, topic: str) -> bool:
        return topic in self.topics


class AvailabilityRule(models.Model):
    """A weekly opening of one advisor at one hub, in the hub's local time."""

    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="availability_rules"
    )
    hub = models.ForeignKey(Hub, on_delete=models.CASCADE, related_name="availability_rules")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("to"))
    slot_minutes = models.PositiveSmallIntegerField(
        _("slot length (minutes)"), default=45, validators=[MinValueValidator(10)]
    )
    buffer_minutes = models.PositiveSmallIntegerField(
        _("buffer between meetings (minutes)"), default=15
    )
    horizon_days = models.PositiveSmallIntegerField(
        _("bookable up to (days ahead)"), default=28, validators=[MaxValueValidator(365)]
    )
    min_notice_hours = models.PositiveSmallIntegerField(_("minimum notice (hours)"), default=12)
    modes = models.JSONField(_("modes offered"), default=list, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["advisor_id", "hub_id", "weekday", "start_time"]
        verbose_name = _("availability rule")
        verbose_name_plural = _("availability rules")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_time__lt=models.F("end_time")),
                name="availability_rule_starts_before_it_ends",
            )
        ]

    def __str__(self):
        hours = f"{self.start_time:%H:%M}–{self.end_time:%H:%M}"
        return f"{self.advisor} · {self.hub} · {self.get_weekday_display()} {hours}"


class AvailabilityException(models.Model):
    """Leave (the advisor is away) or one-off extra hours, on one local date."""

    class Kind(models.TextChoices):
        LEAVE = "leave", _("Leave")
        EXTRA = "extra", _("Extra hours")

    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="availability_exceptions"
    )
    # Leave without a hub applies to every hub of the advisor.
    hub = models.ForeignKey(Hub, on_delete=models.CASCADE, null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    date = models.DateField(_("date"))
    # Leave without hours covers the whole day; extra hours always have them.
    start_time = models.TimeField(_("from"), null=True, blank=True)
    end_time = models.TimeField(_("to"), null=True, blank=True)
    slot_minutes = models.PositiveSmallIntegerField(_("slot length (minutes)"), default=45)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["date", "start_time"]
        verbose_name = _("availability exception")
        verbose_name_plural = _("availability exceptions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="leave")
                | models.Q(hub__isnull=False, start_time__isnull=False, end_time__isnull=False),
                name="extra_hours_have_a_hub_and_hours",
            )
        ]

    def __str__(self):
        return f"{self.advisor} · {self.get_kind_display()} · {self.date}"


class PublicHoliday(models.Model):
    """A day with no meetings anywhere in the network (kept as data: Islamic dates move)."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["date"]
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")

    def __str__(self):
        return f"{self.date} · {self.name}"


class BookingPolicy(models.Model):
    """Network-wide booking rules that office staff may change. One row (pk=1)."""

    change_cutoff_hours = models.PositiveSmallIntegerField(
        _("reschedule or cancel up to (hours before)"), default=24
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("booking policy")
        verbose_name_plural = _("booking policy")

    def __str__(self):
        return str(_("Booking policy"))

    @classmethod
    def current(cls) -> "BookingPolicy":
        return cls.objects.get_or_create(pk=1)[0]


class TstzRange(models.Func):
    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


class AppointmentQuerySet(models.QuerySet):
    def booked(self):
        return self.filter(status=Appointment.Status.BOOKED)

    def overlapping(self, *, starts_at, ends_at):
        return self.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)


class Appointment(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        # A rendez-vous is masculine in French: "Annulé", where a registration is "Annulée".
        CANCELLED = "cancelled", pgettext_lazy("appointment status", "Cancelled")
        HELD = "held", _("Held")
        NO_SHOW = "no_show", _("No-show")

    TRANSITIONS = {
        Status.BOOKED: {Status.CANCELLED, Status.HELD, Status.NO_SHOW},
        Status.CANCELLED: set(),
        Status.HELD: set(),
        Status.NO_SHOW: set(),
    }

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The iCalendar UID: the same for the life of the meeting, so a calendar updates its entry
    # on reschedule or cancellation instead of adding a new one.
    ics_uid = models.CharField(max_length=120, unique=True, editable=False)
    ics_sequence = models.PositiveIntegerField(default=0)
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="advised_appointments"
    )
    hub = models.ForeignKey(Hub, on_delete=models.PROTECT, related_name="appointments")
    entrepreneur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appointments"
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices)
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.AT_HUB)
    description = models.TextField(_("what you need"), max_length=1000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.BOOKED
    )
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    advisor_notes = models.TextField(_("notes after the meeting"), blank=True)
    remind_two_hours_before = models.BooleanField(_("remind me two hours before"), default=False)
    # A reminder is claimed (leased) by one worker before it sends, and marked sent after; a
    # claim older than the lease is the trace of a worker that died, and may be taken again.
    reminder_day_before_claimed_at = models.DateTimeField(null=True, blank=True)
    reminder_day_before_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_two_hours_claimed_at = models.DateTimeField(null=True, blank=True)
    reminder_two_hours_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        indexes = [
            models.Index(fields=["advisor", "starts_at"]),
            models.Index(fields=["hub", "starts_at"]),
            models.Index(fields=["entrepreneur", "starts_at"]),
            # The network figures count the whole network's meetings by month and status.
            models.Index(fields=["starts_at", "status", "hub"], name="appointment_figures"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_at__lt=models.F("ends_at")),
                name="appointment_starts_before_it_ends",
            ),
            # The last word on double booking, whatever a service forgets: the booking service
            # also locks the advisor's row, so a race ends in a clear "just taken" message
            # rather than an IntegrityError.
            ExclusionConstraint(
                name="no_double_booking_per_advisor",
                expressions=[
                    ("advisor", RangeOperators.EQUAL),
                    (
                        TstzRange("starts_at", "ends_at", RangeBoundary()),
                        RangeOperators.OVERLAPS,
                    ),
                ],
                condition=models.Q(status="booked"),
            ),
        ]

    def __str__(self):
        return f"{self.advisor} · {self.starts_at:%Y-%m-%d %H:%M} UTC · {self.get_status_display()}"

    def save(self, *args, **kwargs):
        if not self.ics_uid:
            self.ics_uid = f"{self.public_id}@carres-innovateurs"
        super().save(*args, **kwargs)

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


class AppointmentHistory(models.Model):
    """Append-only: one row per change of status or time."""

    appointment = models.ForeignKey(Appointment, on_delete=models.CASCADE, related_name="history")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    at = models.DateTimeField(auto_now_add=True)
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10)
    from_starts_at = models.DateTimeField(null=True, blank=True)
    to_starts_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("appointment history")
        verbose_name_plural = _("appointment history")

    def __str__(self):
        return f"{self.appointment_id}: {self.from_status} → {self.to_status}"

    @property
    def from_label(self) -> str:
        return Appointment.Status(self.from_status).label if self.from_status else ""

    @property
    def to_label(self) -> str:
        return Appointment.Status(self.to_status).label
