from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail import views as wagtail_views

from core.exceptions import ApplicationError

from . import routing, selectors, services
from .forms import SearchForm
from .models import EventRegistration, RegistrationStatus


@require_POST
@login_required
def event_register(request, page_id: int):
    event = selectors.event_get_live(page_id=page_id)
    try:
        registration = services.registration_create(
            event=event, user=request.user, actor=request.user
        )
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        if registration.status == RegistrationStatus.CONFIRMED:
            messages.success(
                request, _("Your seat is confirmed. A confirmation email is on its way.")
            )
        else:
            messages.info(request, _("The event is full: you are on the waiting list."))
    return redirect(event.get_url(request))


@require_POST
@login_required
def event_cancel(request, page_id: int):
    event = selectors.event_get_live(page_id=page_id)
    registration = get_object_or_404(
        EventRegistration, event_key=event.translation_key, user=request.user
    )
    try:
        services.registration_cancel(registration=registration, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(event.get_url(request))


@require_GET
def search(request):
    form = SearchForm(request.GET or None)
    page_obj = None
    query = ""
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        results = selectors.pages_search(query=query, language=get_language())
        page_obj = Paginator(results, 10).get_page(request.GET.get("page"))
    return render(request, "cms/search.html", {"form": form, "page_obj": page_obj, "query": query})


@require_GET
def robots_txt(request):
    sitemap = request.build_absolute_uri("/sitemap.xml")
    body = f"User-agent: *\nDisallow: /cms-admin/\nDisallow: /django-admin/\nSitemap: {sitemap}\n"
    return HttpResponse(body, content_type="text/plain")


def bare(request):
    """The reference for bench/cms_load.py: the cheapest response Django can give."""
    return HttpResponse(b"ok", content_type="text/plain")


def serve_page(request, path):
    """Wagtail's page view, with the page found by `cms.routing` (two queries) when it can."""
    routing.route_request(request, path)
    return wagtail_views.serve(request, path)
