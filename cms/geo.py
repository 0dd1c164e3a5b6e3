"""Distances on the Earth's surface, for "the hub closest to me"."""

import math
from decimal import Decimal

EARTH_RADIUS_KM = 6371.0088


def haversine_km(a: tuple, b: tuple) -> Decimal:
    """Great-circle distance between two (latitude, longitude) points, in km, 1 decimal."""
    lat1, lng1, lat2, lng2 = (math.radians(float(v)) for v in (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    distance = 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))
    return Decimal(f"{distance:.1f}")
