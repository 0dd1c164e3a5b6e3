from celery import shared_task

from .notifications import notification_send_email


@shared_task(bind=True, time_limit=60, soft_time_limit=50, max_retries=5, default_retry_delay=60)
def notification_email_task(self, notification_id: int) -> None:
    try:
        notification_send_email(notification_id=notification_id)
    except OSError as error:  # the mail server is down: try again later
        raise self.retry(exc=error) from error
