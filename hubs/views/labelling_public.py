"""What anybody may see: verify a certificate by its code, and the register of labelled hubs."""

from django.shortcuts import render

from core.http import client_ip
from core.ratelimit import over_limit

from .. import labelling_selectors as selectors
from ..forms_labelling import VerifyForm

VERIFY_LIMIT = 20
VERIFY_WINDOW_SECONDS = 600


def _client_ip(request) -> str:
    return client_ip(request)


def _over_limit(request) -> bool:
    """Codes are unguessable; the limit keeps anyone from trying them in bulk anyway."""
    return over_limit(
        f"labelling-verify:{_client_ip(request)}",
        limit=VERIFY_LIMIT,
        window_seconds=VERIFY_WINDOW_SECONDS,
    )


def verify(request, code=None):
    raw = code if code is not None else request.GET.get("code")
    form = VerifyForm({"code": raw} if raw is not None else None)
    context = {"form": form, "result": None}
    status = 200
    if raw is not None and form.is_valid():
        if _over_limit(request):
            context["limited"] = True
            status = 429
        else:
            context["result"] = selectors.label_verify(code=form.cleaned_data["code"])
    response = render(request, "hubs/labelling/verify.html", context, status=status)
    # A verification is about today: never serve yesterday's answer from a cache.
    response["Cache-Control"] = "no-store"
    return response


def register(request):
    return render(request, "hubs/labelling/register.html", {"rows": selectors.public_register()})
