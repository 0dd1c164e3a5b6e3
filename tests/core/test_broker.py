"""The outbox hands its work to the broker for real: the embedded default's folder queue, and
the machine's Redis in CI's second pass (make test-redis)."""

import pytest

from config.celery import app as celery_app
from core.outbox import enqueue
from core.tasks import outbox_relay_task

pytestmark = [pytest.mark.django_db, pytest.mark.redis]


@pytest.fixture
def broker_live():
    """Tasks go to the configured broker instead of running in-process."""
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = True


def _received(task_id: str, *, wait: float = 10) -> str | None:
    """The name of the task the broker holds under ``task_id``, taken off the queue."""
    with celery_app.connection_for_read() as connection:
        queue = connection.SimpleQueue(celery_app.conf.task_default_queue)
        try:
            while True:
                message = queue.get(timeout=wait)
                message.ack()
                if message.headers.get("id") == task_id:
                    return message.headers["task"]
        except queue.Empty:
            return None
        finally:
            queue.close()


def test_work_queued_in_a_transaction_reaches_the_broker_once_it_commits(
    broker_live, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = enqueue(outbox_relay_task)
        assert _received(str(message.task_id), wait=1) is None  # nothing leaves before the commit
    message.refresh_from_db()
    assert message.published_at is not None
    assert _received(str(message.task_id)) == outbox_relay_task.name
