import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class EventRegistration(models.Model):
    """A person's seat at an event, shared by all the translations of the event page."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The translation key of the event pages: a registration made on the Arabic page counts
    # against the same seats as one made on the French page.
    event_key = models.UUIDField(_("event"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    # Reset on each (re-)registration: the waiting list is served in this order.
    queued_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        indexes = [models.Index(fields=["created_at"], name="registration_created_at")]
        constraints = [
            models.UniqueConstraint(fields=["event_key", "user"], name="one_registration_per_event")
        ]

    def __str__(self):
        return f"{self.user} · {self.get_status_display()}"


class RegistrationEvent(models.Model):
    """Who moved a registration from which status to which, when and why."""

    registration = models.ForeignKey(
        EventRegistration, on_delete=models.CASCADE, related_name="events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.from_status or '-'} → {self.to_status}"
