"""Probes behind /healthz: each answers ok or the reason it is not."""

from django.core.cache import cache
from django.db import connection

from .celery import app as celery_app


def database_state() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def cache_state() -> str:
    probe = getattr(cache, "probe", None)
    if probe is not None:  # a degrading cache would hide its outage from set/get
        probe()
        return "ok"
    cache.set("healthz", "ok", timeout=10)
    if cache.get("healthz") != "ok":
        return "error: the cache does not keep what it is given"
    return "ok"


def broker_state() -> str:
    with celery_app.connection_for_write() as connection_:
        connection_.ensure_connection(max_retries=1, timeout=2)
    return "ok"


PROBES = {"database": database_state, "cache": cache_state, "broker": broker_state}
