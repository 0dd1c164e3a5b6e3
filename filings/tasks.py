from celery import shared_task

from .services.trademark import prefiling_render_filing_file


@shared_task(bind=True, time_limit=120, soft_time_limit=100, max_retries=3, default_retry_delay=30)
def prefiling_render_filing_file_task(self, prefiling_id: int) -> None:
    try:
        prefiling_render_filing_file(prefiling_id=prefiling_id)
    except OSError as error:  # storage hiccup: try again later
        raise self.retry(exc=error) from error


@shared_task(bind=True, time_limit=60, soft_time_limit=50, max_retries=3, default_retry_delay=30)
def case_event_notify_task(self, event_id: int) -> None:
    from .notifications import case_event_notify

    case_event_notify(event_id=event_id)
