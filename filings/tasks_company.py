from celery import shared_task

from core.effects import effect_once, task_effect_key

from .services.company import (
    company_notify,
    company_render_receipt,
    company_send_expiry_reminders,
    company_send_waiting_reminders,
)
from .services.personal_data import closed_cases_anonymise


@shared_task(bind=True, time_limit=120, soft_time_limit=100, max_retries=3, default_retry_delay=30)
def company_render_receipt_task(self, request_id: int) -> None:
    try:
        company_render_receipt(request_id=request_id)
    except OSError as error:  # storage hiccup: try again later
        raise self.retry(exc=error) from error


@shared_task(bind=True, time_limit=60, soft_time_limit=50, max_retries=5, default_retry_delay=60)
def company_notify_task(self, request_id: int, event: str, event_id: int | None = None) -> None:
    try:
        # Re-delivered after a worker died: the emails of this message go out once.
        with effect_once(task_effect_key(self, "email")) as first:
            if first:
                company_notify(request_id=request_id, event=event, event_id=event_id)
    except OSError as error:  # the mail server is down: try again later
        raise self.retry(exc=error) from error


@shared_task(time_limit=300, soft_time_limit=280)
def company_expiry_reminders_task() -> int:
    return company_send_expiry_reminders()


@shared_task(time_limit=300, soft_time_limit=280)
def company_waiting_reminders_task() -> int:
    return company_send_waiting_reminders()


@shared_task(time_limit=1800, soft_time_limit=1700)
def closed_cases_anonymise_task() -> int:
    """Idempotent: anonymised cases are skipped; a long backlog is worked through in batches."""
    return closed_cases_anonymise()
