import json

from allauth.core import ratelimit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.exceptions import ApplicationError
from core.pdf import render_pdf
from core.ratelimit import over_limit

from . import roles
from .adapter import in_language
from .forms import AccountDeleteForm, NotificationPreferencesForm, ProfileForm
from .models import Notification
from .notifications import (
    notification_mark_read,
    notification_preferences_save,
    notifications_for_user,
)
from .personal_data import personal_data_as_json, personal_data_export
from .services import WrongPassword, account_delete, account_deletion_refusal
from .spaces import my_space_sections, staff_area_sections

# The PDF of one's data costs about a second and a half of CPU.
PDF_EXPORTS_PER_MINUTE = 3


@login_required
def my_space(request):
    return render(
        request,
        "accounts/my_space.html",
        {"sections": my_space_sections(request.user)},
    )


@login_required
def staff_area(request):
    if not roles.can_enter_staff_area(request.user):
        raise PermissionDenied
    return render(
        request,
        "accounts/staff_area.html",
        {
            "sections": staff_area_sections(request.user),
            "roles": sorted(roles.roles_of(request.user)),
        },
    )


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        # A new language applies at once: the next page is in it, and so is the message.
        with translation.override(user.preferred_language):
            messages.success(request, _("Your profile has been saved."))
        return in_language(redirect("accounts:profile"), request, user.preferred_language)
    preferences = NotificationPreferencesForm(user=request.user)
    return render(request, "accounts/profile.html", {"form": form, "preferences": preferences})


@login_required
@require_POST
def notification_preferences(request):
    form = NotificationPreferencesForm(request.POST, user=request.user)
    if form.is_valid():
        notification_preferences_save(
            user=request.user, wanted=form.cleaned_data["emails"], actor=request.user
        )
        messages.success(request, _("Your email choices have been saved."))
    return redirect("accounts:profile")


@login_required
def notifications(request):
    return render(
        request,
        "accounts/notifications.html",
        {"notifications": notifications_for_user(user=request.user)},
    )


@login_required
@require_POST
def notification_read(request, public_id):
    notification = get_object_or_404(Notification, user=request.user, public_id=public_id)
    notification_mark_read(user=request.user, public_id=public_id)
    target = notification.url
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        return redirect(target)
    return redirect("accounts:notifications")


@login_required
@require_POST
def notifications_read_all(request):
    notification_mark_read(user=request.user)
    return redirect("accounts:notifications")


def privacy_notice(request):
    return render(
        request,
        "accounts/privacy.html",
        {
            "cndp_declaration": settings.CNDP_DECLARATION,
            "contact_email": settings.PERSONAL_DATA_CONTACT_EMAIL,
        },
    )


@login_required
def personal_data(request):
    """The person's data: download it, or delete the account."""
    refusal = account_deletion_refusal(request.user)
    form = None if refusal else AccountDeleteForm(request.POST or None)
    if request.method == "POST" and form is not None and form.is_valid():
        # The password is asked again from a signed-in session: without a limit, a stolen
        # session could try passwords here where the login page would stop it.
        if not ratelimit.consume(request, action="reauthenticate", user=request.user):
            form.add_error("password", _("Too many attempts. Wait a minute before trying again."))
            return render(
                request, "accounts/personal_data.html", {"form": form, "refusal": refusal},
                status=429,
            )  # fmt: skip
        try:
            account_delete(
                user=request.user, password=form.cleaned_data["password"], actor=request.user
            )
        except ApplicationError as error:
            form.add_error("password" if isinstance(error, WrongPassword) else None, str(error))
        else:
            logout(request)
            messages.success(request, _("Your account and your personal data have been deleted."))
            return redirect("/")
    return render(
        request,
        "accounts/personal_data.html",
        {"form": form, "refusal": refusal},
        status=400 if request.method == "POST" else 200,
    )


def _export_filename(request, extension: str) -> str:
    return f"my-data-carres-{timezone.localdate():%Y-%m-%d}.{extension}"


# Synchronous on purpose: one person's data is a few dozen rows (the JSON takes milliseconds,
# the PDF about a second and a half of CPU, hence its rate limit), so a queued job, a stored
# file and a polling page would add more moving parts and another copy of the data to protect.
@login_required
@require_GET
def personal_data_json(request):
    data = personal_data_as_json(personal_data_export(user=request.user))
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_export_filename(request, "json")}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def personal_data_pdf(request):
    # About a second and a half of CPU each: a few per person, so that nobody can keep the
    # web processes busy with them.
    if over_limit(
        f"personal-data-pdf:{request.user.pk}", limit=PDF_EXPORTS_PER_MINUTE, window_seconds=60
    ):
        messages.error(
            request,
            _("Your data was just prepared several times. Wait a minute, then download it again."),
        )
        refusal = account_deletion_refusal(request.user)
        form = None if refusal else AccountDeleteForm()
        return render(
            request,
            "accounts/personal_data.html",
            {"form": form, "refusal": refusal},
            status=429,
        )
    language = translation.get_language() or settings.LANGUAGE_CODE
    pdf = render_pdf(
        template_name="pdf/personal_data.html",
        context={"export": personal_data_export(user=request.user), "pdf_language": language},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_export_filename(request, "pdf")}"'
    response["Cache-Control"] = "no-store"
    return response
