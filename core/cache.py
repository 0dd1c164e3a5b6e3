"""A Redis cache that degrades instead of failing when Redis is unreachable.

Every user of the cache on this platform treats it as optional except two security guards:
pages and sessions (``cached_db``) fall back to the database, the page cache rebuilds pages.
So while Redis is down, reads miss and writes are dropped.

The two guards are allauth's rate limits (login, sign-up, password reset) and its TOTP replay
guard. Dropping their writes would switch them off during an outage, and failing them would
lock every advisor out (a TOTP code "already used") or block every login. They keep working on
a per-process memory cache instead: each web process then counts on its own (limits are
multiplied by the number of processes) and a TOTP code replayed on another process would pass,
which is weaker than Redis but not off. Nothing else goes there: a page or a session kept per
process would be served stale by one process after another changed it.

After a failure Redis is not tried again for ``RETRY_AFTER`` seconds, so an unreachable host
costs one connection timeout per process every few seconds, not one per cache call.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_AFTER = 5.0
LOCAL_FALLBACK_PREFIXES = ("allauth",)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0
        self._local = LocMemCache("resilient-redis-fallback", {"MAX_ENTRIES": 10000})

    def probe(self) -> None:
        """Raise unless Redis answers now (for /healthz, which must not be fooled)."""
        self._cache.get_client(write=True).ping()

    def _call(self, key, method: str, *args, fallback, **kwargs):
        local = isinstance(key, str) and key.startswith(LOCAL_FALLBACK_PREFIXES)
        if time.monotonic() >= self._down_until:
            try:
                return getattr(super(), method)(key, *args, **kwargs)
            except UNREACHABLE as error:
                self._down_until = time.monotonic() + RETRY_AFTER
                logger.error("cache unreachable, degrading for %ss: %s", RETRY_AFTER, error)
        if local:
            return getattr(self._local, method)(key, *args, **kwargs)
        return fallback

    def get(self, key, default=None, version=None):
        return self._call(key, "get", default, version=version, fallback=default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(key, "set", value, timeout, version=version, fallback=None)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        # Nothing is known to be there, so the add "succeeds" (and is not kept).
        return self._call(key, "add", value, timeout, version=version, fallback=True)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(key, "touch", timeout, version=version, fallback=False)

    def delete(self, key, version=None):
        return self._call(key, "delete", version=version, fallback=False)

    def has_key(self, key, version=None):
        return self._call(key, "has_key", version=version, fallback=False)

    def incr(self, key, delta=1, version=None):
        # A counter that cannot be read must not pretend to be at `delta`.
        if time.monotonic() < self._down_until and not key.startswith(LOCAL_FALLBACK_PREFIXES):
            raise ValueError(f"Key '{key}' not found (cache unreachable)")
        return self._call(key, "incr", delta, version=version, fallback=None)

    def get_many(self, keys, version=None):
        return {
            key: value
            for key in keys
            if (value := self.get(key, _MISSING, version=version)) is not _MISSING
        }

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        for key, value in data.items():
            self.set(key, value, timeout, version=version)
        return []

    def delete_many(self, keys, version=None):
        for key in keys:
            self.delete(key, version=version)

    def clear(self):
        self._local.clear()
        try:
            return super().clear()
        except UNREACHABLE as error:
            logger.error("cache unreachable, not cleared: %s", error)
            return False


_MISSING = object()
