import uuid

from django.db import models


class OutboxMessage(models.Model):
    """A Celery task to publish, written in the transaction of the change that asks for it.

    The row commits or rolls back with that change, so work is never queued for a change that
    did not happen, and never lost because the broker was down when it did. ``task_id`` is the
    Celery task id of every publication of this row: a task published twice (the relay and the
    on-commit publisher racing, a relay killed after publishing) carries the same id, which is
    what ``core.effects.effect_once`` keys on.
    """

    task_name = models.CharField(max_length=200)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    task_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(published_at__isnull=True),
                name="core_outbox_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.task_name} {self.task_id}"


class TaskEffect(models.Model):
    """An effect (an email, a file) that happened: the unique key makes it happen once."""

    key = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.key
