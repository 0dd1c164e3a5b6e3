"""Queue Celery work in the same transaction as the change it follows (a transactional outbox).

``enqueue(task, *args)`` writes an ``OutboxMessage`` row and, once the transaction commits,
publishes it at once. If the broker is down, the row stays pending and the web request still
succeeds; ``outbox_relay`` (run by the scheduler every few seconds, and by hand with
``manage.py outbox_relay``) publishes what is pending when the broker is back.
"""

import logging
from datetime import timedelta

from celery import current_app
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerUnavailable

from .models import OutboxMessage

logger = logging.getLogger(__name__)

# The on-commit publisher gets this long to do its job before the relay takes the row over.
RELAY_GRACE = timedelta(seconds=10)
RELAY_BATCH = 500
KEEP_PUBLISHED = timedelta(days=7)


def enqueue(task, *args, **kwargs) -> OutboxMessage:
    """Publish ``task(*args, **kwargs)`` after the current transaction commits, at least once."""
    message = OutboxMessage.objects.create(task_name=task.name, args=list(args), kwargs=kwargs)
    transaction.on_commit(lambda: outbox_publish(message=message))
    return message


def outbox_publish(*, message: OutboxMessage) -> bool:
    """Send one message to the broker; False (and the row left pending) when it is down."""
    task = current_app.tasks[message.task_name]
    try:
        task.apply_async(
            args=message.args,
            kwargs=message.kwargs,
            task_id=str(message.task_id),
            # Fail fast: the relay is the retry, a web request must not wait for the broker.
            retry=False,
        )
    except BrokerUnavailable as error:
        logger.warning("broker unavailable, %s stays in the outbox: %s", message, error)
        OutboxMessage.objects.filter(pk=message.pk).update(
            attempts=F("attempts") + 1, last_error=str(error)[:500]
        )
        return False
    OutboxMessage.objects.filter(pk=message.pk, published_at__isnull=True).update(
        published_at=timezone.now(), attempts=F("attempts") + 1
    )
    return True


def outbox_relay(*, now=None) -> int:
    """Publish pending messages, oldest first; stop at the first broker failure."""
    now = now or timezone.now()
    published = 0
    with transaction.atomic():
        pending = OutboxMessage.objects.filter(
            published_at__isnull=True, created_at__lte=now - RELAY_GRACE
        ).order_by("pk")
        # Two relays at once each take their own rows.
        pending = pending.select_for_update(skip_locked=True)
        for message in pending[:RELAY_BATCH]:
            if not outbox_publish(message=message):
                break
            published += 1
    OutboxMessage.objects.filter(published_at__lt=now - KEEP_PUBLISHED).delete()
    return published


def outbox_pending_count() -> int:
    return OutboxMessage.objects.filter(published_at__isnull=True).count()
