import pytest

from config.celery import app as celery_app

# Run again against a real Redis in CI (make test-redis).
pytestmark = pytest.mark.redis


@pytest.mark.django_db
def test_healthz_reports_every_dependency_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "broker": "ok"},
    }


@pytest.mark.django_db
def test_healthz_answers_503_and_names_the_broker_when_it_is_down(client, monkeypatch):
    # Port 9 (discard) has no broker listening: a real refused connection, not a mock.
    # Celery reads CELERY_BROKER_URL from the environment before its own settings.
    # The setting first: Celery reads the variable before its setting, so patched the other way
    # round the "original" saved would be the closed port, restored for every later test.
    monkeypatch.setattr(celery_app.conf, "broker_url", "redis://127.0.0.1:9/0")
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:9/0")
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["broker"].startswith("error")
    assert body["checks"]["database"] == "ok"


@pytest.mark.django_db
def test_healthz_answers_503_when_the_cache_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 1},
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"].startswith("error")
