import logging

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import PROBES

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    checks = {}
    for name, probe in PROBES.items():
        try:
            checks[name] = probe()
        except Exception as error:  # noqa: BLE001 - any failure means "down", with its reason
            logger.warning("healthz: %s is down: %s", name, error)
            checks[name] = f"error: {type(error).__name__}"
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "degraded", "checks": checks},
        status=200 if healthy else 503,
    )
