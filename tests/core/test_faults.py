"""Redis and the broker down for real (a closed port, connections refused), and a task run twice.

Port 9 (discard) has nothing listening on this machine: every connection is refused at once,
as when Redis has stopped.
"""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from config.celery import app as celery_app
from core.models import OutboxMessage, TaskEffect
from core.outbox import RELAY_GRACE, outbox_relay
from filings.models import CompanyStatus
from filings.tasks_company import company_notify_task, company_render_receipt_task
from tests.accounts.factories import PASSWORD
from tests.filings.company_helpers import draft_request, move

# Run again against a real Redis in CI (make test-redis).
pytestmark = pytest.mark.redis

CLOSED = "redis://127.0.0.1:9/0"


@pytest.fixture
def redis_cache_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": CLOSED,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


@pytest.fixture
def broker_down(monkeypatch):
    """Tasks go through a real (refused) broker connection instead of running in-process."""

    def reset_pools():
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    reset_pools()
    # The setting first: Celery reads the variable before its setting, so patched the other way
    # round the "original" saved would be the closed port, restored for every later test.
    monkeypatch.setattr(celery_app.conf, "broker_url", CLOSED)
    monkeypatch.setenv("CELERY_BROKER_URL", CLOSED)
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = True
    reset_pools()


@pytest.mark.django_db
def test_pages_render_and_users_log_in_while_redis_is_down(redis_cache_down, client, entrepreneur):
    assert client.get(reverse("account_login")).status_code == 200
    response = client.post(
        reverse("account_login"), {"login": entrepreneur.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("accounts:my_space")).status_code == 200
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["checks"]["cache"].startswith("error")


@pytest.mark.django_db
def test_login_rate_limit_still_counts_while_redis_is_down(redis_cache_down, client, entrepreneur):
    # The guard falls back to a per-process count: weaker than Redis, not switched off.
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": entrepreneur.email, "password": "wrong"})
    response = client.post(
        reverse("account_login"), {"login": entrepreneur.email, "password": PASSWORD}
    )
    assert "Trop de tentatives de connexion" in response.content.decode()


@pytest.mark.django_db
def test_the_cache_degrades_to_misses_and_keeps_nothing(redis_cache_down):
    cache.set("page", "stale", 60)
    assert cache.get("page") is None
    assert cache.add("page", "x") is True


@pytest.mark.django_db(transaction=True)
def test_a_submission_succeeds_with_the_broker_down_and_its_work_runs_when_it_is_back(
    entrepreneur, hub_a, broker_down
):
    company = draft_request(entrepreneur, hub_a)
    company = move(company, CompanyStatus.SUBMITTED, entrepreneur)
    assert company.status == CompanyStatus.SUBMITTED
    pending = OutboxMessage.objects.filter(published_at__isnull=True)
    assert sorted(pending.values_list("task_name", flat=True)) == [
        company_notify_task.name,
        company_render_receipt_task.name,
    ]
    assert all(message.attempts == 1 and message.last_error for message in pending)
    assert outbox_relay(now=_later()) == 0  # still down: nothing published, nothing lost
    assert mail.outbox == []

    # The broker is back (tasks run in-process again): the relay publishes what waited.
    celery_app.conf.task_always_eager = True
    assert outbox_relay(now=_later()) == 2
    company.refresh_from_db()
    assert company.receipt.name.startswith("company_receipts/")
    assert [m.to for m in mail.outbox] == [[entrepreneur.email]]
    assert not OutboxMessage.objects.filter(published_at__isnull=True).exists()


def _later():
    return timezone.now() + RELAY_GRACE


@pytest.mark.django_db
def test_a_redelivered_task_sends_its_email_once(
    entrepreneur, hub_a, django_capture_on_commit_callbacks
):
    company = move(draft_request(entrepreneur, hub_a), CompanyStatus.SUBMITTED, entrepreneur)
    mail.outbox.clear()
    # The notification's email leaves once the task's transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        for _delivery in range(3):  # the same task id, as after a worker was killed
            company_notify_task.apply(args=(company.pk, "submitted"), task_id="one-message")
    assert len(mail.outbox) == 1
    assert TaskEffect.objects.filter(key__contains="one-message").count() == 1


@pytest.mark.django_db
def test_a_redelivered_receipt_task_keeps_one_pdf(
    entrepreneur, hub_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        company = move(draft_request(entrepreneur, hub_a), CompanyStatus.SUBMITTED, entrepreneur)
    company.refresh_from_db()
    first = company.receipt.name
    assert first
    company_render_receipt_task.apply(args=(company.pk,))
    company.refresh_from_db()
    assert company.receipt.name == first
