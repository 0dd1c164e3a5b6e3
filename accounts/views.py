from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import roles
from .forms import ProfileForm
from .spaces import my_space_sections, staff_area_sections


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
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


def privacy_notice(request):
    return render(request, "accounts/privacy.html")
