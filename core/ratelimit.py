"""A count of hits per key in a fixed window, kept in the shared cache.

For the limits allauth does not cover: its own skip GET requests, and these are GETs (a
certificate check, a PDF export). Fixed windows let a burst of twice the limit through at a
window's edge, which is enough to keep a loop from hammering a page.
"""

from django.core.cache import cache


def over_limit(key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one hit for ``key``; True once there were more than ``limit`` in the window."""
    key = f"ratelimit:{key}"
    cache.add(key, 0, window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window_seconds)
        count = 1
    return count > limit
