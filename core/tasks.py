from celery import shared_task

from .outbox import outbox_relay


@shared_task(acks_late=True, time_limit=120, soft_time_limit=100)
def outbox_relay_task() -> int:
    return outbox_relay()
