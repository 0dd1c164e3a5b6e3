"""The advisor's private calendar address: reset when it may have been seen by others."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import is_advisor

from ..services.booking import advisor_feed_token_reset


@login_required
@require_POST
def agenda_feed_reset(request):
    if not is_advisor(request.user):
        raise PermissionDenied
    advisor_feed_token_reset(advisor=request.user, actor=request.user)
    messages.success(
        request,
        _(
            "Your calendar has a new private address. Subscribe to it again in your calendar "
            "app: the old address no longer shows anything."
        ),
    )
    return redirect("hubs:agenda")
