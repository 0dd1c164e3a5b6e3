from celery import shared_task

from .services.company import (
    company_notify,
    company_render_receipt,
    company_send_expiry_reminders,
    company_send_waiting_reminders,
)


@shared_task(bind=True, time_limit=120, soft_time_limit=100, max_retries=3, default_retry_delay=30)
def company_render_receipt_task(self, request_id: int) -> None:
    try:
        company_render_receipt(request_id=request_id)
    except OSError as error:  # storage hiccup: try again later
        raise self.retry(exc=error) from error


@shared_task(bind=True, time_limit=60, soft_time_limit=50, max_retries=5, default_retry_delay=60)
def company_notify_task(self, request_id: int, event: str) -> None:
    try:
        company_notify(request_id=request_id, event=event)
    except OSError as error:  # the mail server is down: try again later
        raise self.retry(exc=error) from error


@shared_task(time_limit=300, soft_time_limit=280)
def company_expiry_reminders_task() -> int:
    return company_send_expiry_reminders()


@shared_task(time_limit=300, soft_time_limit=280)
def company_waiting_reminders_task() -> int:
    return company_send_waiting_reminders()
