from datetime import time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import is_advisor
from core.exceptions import ApplicationError
from core.inputs import date_or_none, instant_or_none, int_or_none, search_text

from .. import booking_selectors as sel
from ..booking_extensions import attach_links, booking_attachment_choices
from ..booking_forms import BookingForm, CancelForm, NotesForm, SlotSearchForm
from ..booking_ics import agenda_feed_ics, appointment_ics
from ..models import Appointment, Hub
from ..selectors import hub_list_active
from ..services import booking as services

SLOT_WEEKS = 3


def _hub(slug) -> Hub:
    return get_object_or_404(Hub, slug=slug, is_active=True)


@login_required
def book_start(request):
    slug = search_text(request.GET.get("hub"), max_length=100)
    if slug:
        return redirect("hubs:book_at_hub", hub_slug=_hub(slug).slug)
    return render(request, "hubs/booking/start.html", {"hubs": hub_list_active()})


@login_required
def book_at_hub(request, hub_slug):
    """Topic and advisor, then the free slots of the coming weeks."""
    hub = _hub(hub_slug)
    topic = request.GET.get("topic")
    advisors = sel.advisors_for_topic(hub=hub, topic=topic) if topic else []
    form = SlotSearchForm(request.GET or None, advisors=advisors)
    days = []
    if form.is_valid():
        slots = sel.hub_free_slots(
            hub=hub,
            topic=form.cleaned_data["topic"],
            advisor_id=form.cleaned_data["advisor"],
            days=7 * SLOT_WEEKS,
        )
        days = sel.group_by_local_day(slots)
    initial = {"topic": topic, "case": request.GET.get("case", "")} if not form.is_bound else None
    if initial:
        form = SlotSearchForm(initial=initial, advisors=advisors)
    return render(
        request,
        "hubs/booking/slots.html",
        {
            "hub": hub,
            "form": form,
            "days": days,
            "searched": form.is_bound and form.is_valid(),
            "case": request.GET.get("case", "")[:64],
        },
    )


@login_required
def book_confirm(request, hub_slug):
    hub = _hub(hub_slug)
    topic = request.GET.get("topic", "")
    advisor = request.GET.get("advisor", "")
    advisor_id = int_or_none(advisor)
    starts_at = instant_or_none(request.GET.get("start"))
    if (
        starts_at is None
        or (advisor and advisor_id is None)
        or topic not in dict(Appointment._meta.get_field("topic").choices)
    ):
        messages.error(request, _("Please choose a slot."))
        return redirect("hubs:book_at_hub", hub_slug=hub.slug)
    slot = next(
        (
            s
            for s in sel.hub_free_slots(
                hub=hub,
                topic=topic,
                advisor_id=advisor_id,
                only_day=starts_at.astimezone(sel.HUB_TIME_ZONE).date(),
            )
            if s.starts_at == starts_at
        ),
        None,
    )
    attach_label, attach_choices = booking_attachment_choices(user=request.user, hub=hub)
    form = BookingForm(
        request.POST or None,
        modes=slot.modes if slot else None,
        attach_label=attach_label,
        attach_choices=attach_choices,
        initial={"attach_to": request.GET.get("case", "")},
    )
    alternatives = []
    # Opened from a list of slots a moment old: someone else may have booked it since. (The
    # form is not bound on a GET, so this is said by the page, not as a form error.)
    taken = slot is None and request.method == "GET"
    if taken:
        alternatives = services._alternatives(
            hub=hub, topic=topic, advisor_id=advisor_id, around=starts_at
        )
    if request.method == "POST" and form.is_valid():
        try:
            appointment = services.appointment_book(
                entrepreneur=request.user,
                hub=hub,
                topic=topic,
                starts_at=starts_at,
                advisor_id=advisor_id,
                **form.cleaned_data,
            )
        except services.SlotTaken as exc:
            form.add_error(None, exc.message)
            alternatives = exc.extra["alternatives"]
        except ApplicationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request, _("Your meeting is booked. A confirmation is on its way by email.")
            )
            return redirect("hubs:appointment_detail", public_id=appointment.public_id)
    return render(
        request,
        "hubs/booking/confirm.html",
        {
            "hub": hub,
            "form": form,
            "topic": topic,
            "topic_label": dict(Appointment._meta.get_field("topic").choices)[topic],
            "advisor_id": advisor_id,
            "starts_at": starts_at,
            "slot": slot,
            "taken": taken,
            "alternatives": alternatives,
        },
    )


# --- The entrepreneur's meeting: from "My space" (logged in) or the email's signed link -----


def _owned(request, *, public_id=None, token=None):
    """(appointment, acting user, URL of its page) for the owner, by login or signed link."""
    if token is not None:
        appointment = sel.appointment_get_by_manage_token(token=token)
        return (
            appointment,
            appointment.entrepreneur,
            reverse("hubs:appointment_manage", kwargs={"token": token}),
        )
    if not request.user.is_authenticated:
        raise PermissionDenied
    appointment = sel.appointment_get_for_owner(user=request.user, public_id=public_id)
    return (
        appointment,
        request.user,
        reverse("hubs:appointment_detail", kwargs={"public_id": public_id}),
    )


def _detail(request, appointment, *, token=None):
    if token is None:
        attach_links([appointment], user=request.user)
    is_owner = token is not None or appointment.entrepreneur_id == request.user.pk
    may_act_as_advisor = (
        token is None
        and request.user.is_authenticated
        and is_advisor(request.user)
        and appointment.entrepreneur_id != request.user.pk
    )
    return render(
        request,
        "hubs/booking/detail.html",
        {
            "appointment": appointment,
            "token": token,
            "is_owner": is_owner,
            "can_change": is_owner and sel.appointment_can_change(appointment),
            "is_advisor_view": may_act_as_advisor,
            "history": appointment.history.select_related("actor"),
            "notes_form": NotesForm(initial={"notes": appointment.advisor_notes}),
            "outcomes": [Appointment.Status.HELD, Appointment.Status.NO_SHOW],
        },
    )


@login_required
def appointment_detail(request, public_id):
    return _detail(request, sel.appointment_get_for_user(user=request.user, public_id=public_id))


def appointment_manage(request, token):
    appointment, _actor, _url = _owned(request, token=token)
    return _detail(request, appointment, token=token)


def appointment_reschedule(request, public_id=None, token=None):
    if token is None and not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    appointment, actor, back = _owned(request, public_id=public_id, token=token)
    if not sel.appointment_can_change(appointment):
        messages.error(
            request, _("This meeting can no longer be changed online. Please call the hub.")
        )
        return redirect(back)
    alternatives = []
    if request.method == "POST":
        starts_at = instant_or_none(request.POST.get("start"))
        try:
            if starts_at is None:
                raise services.BookingRefused(_("Please choose a slot."))
            services.appointment_reschedule(
                appointment=appointment, starts_at=starts_at, actor=actor
            )
        except services.SlotTaken as exc:
            messages.error(request, exc.message)
            alternatives = exc.extra["alternatives"]
        except services.BookingRefused as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("Your meeting has been moved. Your calendar entry is updated by the new email."),
            )
            return redirect(back)
    slots = alternatives or sel.advisor_free_slots(
        advisor_id=appointment.advisor_id,
        hub=appointment.hub,
        exclude_appointment_id=appointment.pk,
        days=7 * SLOT_WEEKS,
    )
    return render(
        request,
        "hubs/booking/reschedule.html",
        {"appointment": appointment, "days": sel.group_by_local_day(slots), "back": back},
    )


def appointment_cancel(request, public_id=None, token=None):
    if token is None and not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    appointment, actor, back = _owned(request, public_id=public_id, token=token)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.appointment_cancel(
                appointment=appointment, reason=form.cleaned_data["reason"], actor=actor
            )
        except services.BookingRefused as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Your meeting has been cancelled."))
            return redirect(back)
    return render(
        request,
        "hubs/booking/cancel.html",
        {"appointment": appointment, "form": form, "back": back},
    )


def appointment_ics_download(request, public_id=None, token=None):
    if token is not None:
        appointment = sel.appointment_get_by_manage_token(token=token)
    elif request.user.is_authenticated:
        appointment = sel.appointment_get_for_user(user=request.user, public_id=public_id)
    else:
        raise PermissionDenied
    response = HttpResponse(
        appointment_ics(appointment), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="rendez-vous.ics"'
    return response


# --- Advisors ---------------------------------------------------------------------------------


@login_required
def agenda(request):
    if not is_advisor(request.user):
        raise PermissionDenied
    view = "week" if request.GET.get("view") == "week" else "day"
    asked = request.GET.get("date")
    day = date_or_none(asked) if asked else timezone.localdate()
    if day is None:
        messages.error(request, _("This date cannot be shown. Here is today's agenda."))
        day = timezone.localdate()
    first = day - timedelta(days=day.weekday()) if view == "week" else day
    length = 7 if view == "week" else 1
    start = sel._aware(first, time(0), sel.HUB_TIME_ZONE)
    end = sel._aware(first + timedelta(days=length), time(0), sel.HUB_TIME_ZONE)
    appointments = attach_links(
        list(sel.advisor_agenda(user=request.user, start=start, end=end)), user=request.user
    )
    profile = getattr(request.user, "booking_profile", None)
    feed_url = (
        request.build_absolute_uri(
            reverse("hubs:agenda_feed", kwargs={"token": profile.feed_token})
        )
        if profile
        else None
    )
    step = timedelta(days=length)
    return render(
        request,
        "hubs/booking/agenda.html",
        {
            "view": view,
            "day": day,
            "first": first,
            "last": first + timedelta(days=length - 1),
            "previous": (first - step).isoformat(),
            "next": (first + step).isoformat(),
            "days": sel.group_by_local_day_appointments(appointments),
            "feed_url": feed_url,
        },
    )


@login_required
@require_POST
def appointment_close(request, public_id):
    appointment = sel.appointment_get_for_advisor(user=request.user, public_id=public_id)
    try:
        services.appointment_close(
            appointment=appointment, outcome=request.POST.get("outcome", ""), actor=request.user
        )
    except services.BookingRefused as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The meeting has been updated."))
    return redirect("hubs:appointment_detail", public_id=public_id)


@login_required
@require_POST
def appointment_notes(request, public_id):
    appointment = sel.appointment_get_for_advisor(user=request.user, public_id=public_id)
    form = NotesForm(request.POST)
    if form.is_valid():
        services.appointment_notes_save(
            appointment=appointment, notes=form.cleaned_data["notes"], actor=request.user
        )
        messages.success(request, _("Notes saved."))
    else:
        messages.error(request, _("Please keep the notes under 5000 characters."))
    return redirect("hubs:appointment_detail", public_id=public_id)


def agenda_feed(request, token):
    """The advisor's private calendar feed: whoever has the URL reads it, so it is long and
    random, and rotating the token revokes it."""
    advisor = sel.advisor_get_by_feed_token(token=token)
    body = agenda_feed_ics(
        sel.advisor_feed_appointments(advisor=advisor),
        name=_("Carrés des innovateurs — my meetings"),
    )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
