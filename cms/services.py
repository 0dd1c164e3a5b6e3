"""Every write of the public site: event registrations and their waiting list."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.outbox import enqueue

from .exceptions import IllegalRegistrationTransition, RegistrationClosed
from .models import EventPage, EventRegistration, RegistrationEvent
from .models import RegistrationStatus as S
from .page_cache import page_cache_purge

# None: no registration yet.
TRANSITIONS = {
    None: {S.CONFIRMED, S.WAITLISTED},
    S.WAITLISTED: {S.CONFIRMED, S.CANCELLED},
    S.CONFIRMED: {S.CANCELLED},
    S.CANCELLED: {S.CONFIRMED, S.WAITLISTED},
}


def _move(*, registration, to_status, actor, note="") -> None:
    from_status = registration.status or None
    if to_status not in TRANSITIONS[from_status]:
        raise IllegalRegistrationTransition(
            _("This registration cannot go from %(from)s to %(to)s.")
            % {"from": from_status or "-", "to": to_status}
        )
    registration.status = to_status
    registration.save()
    RegistrationEvent.objects.create(
        registration=registration,
        actor=actor,
        from_status=from_status or "",
        to_status=to_status,
        note=note,
    )
    _notify(registration)


def _notify(registration) -> None:
    from .tasks import registration_send_notice_task

    enqueue(registration_send_notice_task, registration.pk)


def _lock_event(event: EventPage) -> EventPage:
    # Every translation shares the seats: lock them all, always in the same order.
    locked = list(
        EventPage.objects.select_for_update()
        .filter(translation_key=event.translation_key)
        .order_by("pk")
    )
    return next((page for page in locked if page.pk == event.pk), locked[0])


def _confirmed_count(event) -> int:
    return EventRegistration.objects.filter(
        event_key=event.translation_key, status=S.CONFIRMED
    ).count()


@transaction.atomic
def registration_create(*, event: EventPage, user, actor) -> EventRegistration:
    """Registers the user: a seat if one is left, else a place on the waiting list."""
    event = _lock_event(event)
    if event.end < timezone.now():
        raise RegistrationClosed(_("Registration is closed: this event has already taken place."))
    registration = (
        EventRegistration.objects.select_for_update()
        .filter(event_key=event.translation_key, user=user)
        .first()
    )
    if registration is not None and registration.status != S.CANCELLED:
        return registration
    if registration is None:
        registration = EventRegistration(event_key=event.translation_key, user=user, status="")
    registration.queued_at = timezone.now()
    to_status = S.CONFIRMED if _confirmed_count(event) < event.capacity else S.WAITLISTED
    _move(registration=registration, to_status=to_status, actor=actor)
    transaction.on_commit(page_cache_purge)
    return registration


@transaction.atomic
def registration_cancel(*, registration: EventRegistration, actor) -> EventRegistration:
    """Frees the seat; the first person on the waiting list takes it."""
    event = EventPage.objects.filter(translation_key=registration.event_key).first()
    if event is not None:
        event = _lock_event(event)
    registration = EventRegistration.objects.select_for_update().get(pk=registration.pk)
    was_confirmed = registration.status == S.CONFIRMED
    _move(registration=registration, to_status=S.CANCELLED, actor=actor, note="cancelled")
    if was_confirmed and event is not None and event.end >= timezone.now():
        waiting = (
            EventRegistration.objects.select_for_update()
            .filter(event_key=registration.event_key, status=S.WAITLISTED)
            .order_by("queued_at", "pk")
            .first()
        )
        if waiting is not None and _confirmed_count(event) < event.capacity:
            _move(registration=waiting, to_status=S.CONFIRMED, actor=actor, note="promoted")
    transaction.on_commit(page_cache_purge)
    return registration
