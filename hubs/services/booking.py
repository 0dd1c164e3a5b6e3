"""Every write of the booking side: book, reschedule, cancel, close a meeting, availability.

No double booking is a database invariant: on PostgreSQL an exclusion constraint forbids two
booked meetings of one advisor whose time ranges overlap. The services also lock the advisor's
user row, so two bookings for the same advisor queue one behind the other: the second sees the
first and answers "just taken" (and the daily cap and buffers hold, which the constraint alone
cannot express). The IntegrityError path remains for anything that writes around the services.
"""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.exceptions import ApplicationError
from core.outbox import enqueue

from .. import booking_selectors as sel
from ..booking_extensions import booking_attach
from ..models import (
    AdvisorBookingProfile,
    Appointment,
    AppointmentHistory,
    AvailabilityException,
    AvailabilityRule,
    Hub,
    Mode,
    Topic,
)
from ..models.booking import _new_feed_token
from ..signals import hub_public_data_changed

MAX_DESCRIPTION = 1000
ALTERNATIVES_OFFERED = 6
ALTERNATIVES_WITHIN_DAYS = 14


class SlotTaken(ApplicationError):
    """The slot went to someone else; `extra["alternatives"]` holds other free slots."""


class BookingRefused(ApplicationError):
    pass


def _alternatives(
    *, hub, topic, advisor_id, around: datetime, exclude_appointment_id=None, now=None
):
    if exclude_appointment_id:
        slots = sel.advisor_free_slots(
            advisor_id=advisor_id,
            hub=hub,
            exclude_appointment_id=exclude_appointment_id,
            days=ALTERNATIVES_WITHIN_DAYS,
            now=now,
        )
    else:
        slots = sel.hub_free_slots(
            hub=hub, topic=topic, advisor_id=advisor_id, days=ALTERNATIVES_WITHIN_DAYS, now=now
        )
    slots.sort(key=lambda s: abs((s.starts_at - around).total_seconds()))
    return sorted(slots[:ALTERNATIVES_OFFERED], key=lambda s: s.starts_at)


def _slot_taken(
    *, hub, topic, advisor_id, starts_at, exclude_appointment_id=None, now=None
) -> SlotTaken:
    return SlotTaken(
        _("This slot has just been taken. Please choose another one."),
        extra={
            "alternatives": _alternatives(
                hub=hub,
                topic=topic,
                advisor_id=advisor_id,
                around=starts_at,
                exclude_appointment_id=exclude_appointment_id,
                now=now,
            )
        },
    )


def _lock_advisor(advisor_id: int) -> None:
    # A row that exists: FOR UPDATE on an empty "overlapping appointments" result would lock
    # nothing and let two bookings through.
    get_user_model().objects.select_for_update().only("pk").get(pk=advisor_id)


def _conflicts(*, advisor_id, starts_at, ends_at, buffer_minutes, exclude_pk=None) -> bool:
    margin = timedelta(minutes=buffer_minutes)
    qs = Appointment.objects.booked().filter(
        advisor_id=advisor_id, starts_at__lt=ends_at + margin, ends_at__gt=starts_at - margin
    )
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    return qs.exists()


def _over_daily_cap(*, advisor_id, starts_at, exclude_pk=None) -> bool:
    local_day = starts_at.astimezone(sel.HUB_TIME_ZONE).date()
    day_start = sel._aware(local_day, datetime.min.time(), sel.HUB_TIME_ZONE)
    qs = Appointment.objects.booked().filter(
        advisor_id=advisor_id, starts_at__gte=day_start, starts_at__lt=day_start + timedelta(days=1)
    )
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    profile = AdvisorBookingProfile.objects.filter(advisor_id=advisor_id).first()
    return qs.count() >= (profile.daily_cap if profile else 6)


def _buffer_of(advisor_id, hub) -> int:
    rule = AvailabilityRule.objects.filter(advisor_id=advisor_id, hub=hub).first()
    return rule.buffer_minutes if rule else 0


def _local_day(instant: datetime):
    return instant.astimezone(sel.HUB_TIME_ZONE).date()


def _find_slot(slots, starts_at):
    return next((s for s in slots if s.starts_at == starts_at), None)


def _record(appointment, *, actor, from_status, to_status, from_starts_at=None, note=""):
    AppointmentHistory.objects.create(
        appointment=appointment,
        actor=actor,
        from_status=from_status,
        to_status=to_status,
        from_starts_at=from_starts_at,
        to_starts_at=appointment.starts_at,
        note=note,
    )


def _queue_notice(appointment_id: int, kind: str) -> None:
    from ..tasks_booking import appointment_notify_task

    enqueue(appointment_notify_task, appointment_id, kind)


def _clean_description(description: str) -> str:
    description = (description or "").strip()
    if not description:
        raise BookingRefused(_("Please say in a few words what you need."))
    if len(description) > MAX_DESCRIPTION:
        raise BookingRefused(
            _("Please keep the description under %(n)d characters.") % {"n": MAX_DESCRIPTION}
        )
    return description


def appointment_book(
    *,
    entrepreneur,
    hub: Hub,
    topic: str,
    starts_at: datetime,
    mode: str,
    description: str,
    advisor_id: int | None = None,
    remind_two_hours_before: bool = False,
    attach_to: str = "",
    now: datetime | None = None,
) -> Appointment:
    """Book a free slot with the chosen advisor, or assign one fairly ("any advisor").

    Fair: among the hub's advisors covering the topic who are free then and under their daily
    cap, the one with the fewest meetings in that month; ties go to the longest-known advisor.
    Raises SlotTaken (with other slots) when nobody can take it any more.
    """
    if topic not in Topic.values:
        raise BookingRefused(_("Please choose a topic."))
    if mode not in Mode.values:
        raise BookingRefused(_("Please choose how you want to meet."))
    description = _clean_description(description)
    if entrepreneur.pk == advisor_id:
        raise BookingRefused(_("You cannot book a meeting with yourself."))

    candidates = []
    for advisor in sel.advisors_for_topic(hub=hub, topic=topic):
        if advisor_id is not None and advisor.pk != advisor_id:
            continue
        slot = _find_slot(
            sel.advisor_free_slots(
                advisor_id=advisor.pk, hub=hub, now=now, only_day=_local_day(starts_at)
            ),
            starts_at,
        )
        if slot is not None and mode in slot.modes:
            candidates.append((advisor, slot))
    if not candidates:
        raise _slot_taken(hub=hub, topic=topic, advisor_id=advisor_id, starts_at=starts_at, now=now)

    load = sel.meetings_in_period(advisor_ids=[a.pk for a, _s in candidates], starts_at=starts_at)
    candidates.sort(key=lambda pair: (load[pair[0].pk], pair[0].pk))

    for advisor, slot in candidates:
        try:
            with transaction.atomic():
                _lock_advisor(advisor.pk)
                if _conflicts(
                    advisor_id=advisor.pk,
                    starts_at=slot.starts_at,
                    ends_at=slot.ends_at,
                    buffer_minutes=_buffer_of(advisor.pk, hub),
                ) or _over_daily_cap(advisor_id=advisor.pk, starts_at=slot.starts_at):
                    continue
                appointment = Appointment.objects.create(
                    advisor=advisor,
                    hub=hub,
                    entrepreneur=entrepreneur,
                    starts_at=slot.starts_at,
                    ends_at=slot.ends_at,
                    topic=topic,
                    mode=mode,
                    description=description,
                    remind_two_hours_before=remind_two_hours_before,
                )
                _record(appointment, actor=entrepreneur, from_status="", to_status="booked")
                # In the same transaction: a meeting never exists half-attached.
                booking_attach(appointment=appointment, value=attach_to, user=entrepreneur)
        except IntegrityError:
            continue
        _queue_notice(appointment.pk, "booked")
        return appointment
    raise _slot_taken(hub=hub, topic=topic, advisor_id=advisor_id, starts_at=starts_at, now=now)


def _lock_appointment(appointment: Appointment) -> Appointment:
    return Appointment.objects.select_for_update().get(pk=appointment.pk)


def _check_owner_may_change(appointment: Appointment, actor, now=None) -> None:
    if actor.pk != appointment.entrepreneur_id:
        return
    if not sel.appointment_can_change(appointment, now=now):
        raise BookingRefused(
            _("This meeting can no longer be changed online. Please call the hub.")
        )


def appointment_reschedule(
    *, appointment: Appointment, starts_at: datetime, actor, now=None
) -> Appointment:
    """Move a booked meeting to another free slot of the same advisor (same calendar UID)."""
    try:
        with transaction.atomic():
            appointment = _lock_appointment(appointment)
            if appointment.status != Appointment.Status.BOOKED:
                raise BookingRefused(_("Only a booked meeting can be moved."))
            _check_owner_may_change(appointment, actor, now)
            slot = _find_slot(
                sel.advisor_free_slots(
                    advisor_id=appointment.advisor_id,
                    hub=appointment.hub,
                    now=now,
                    exclude_appointment_id=appointment.pk,
                    only_day=_local_day(starts_at),
                ),
                starts_at,
            )
            if slot is None:
                raise _slot_taken(
                    hub=appointment.hub,
                    topic=appointment.topic,
                    advisor_id=appointment.advisor_id,
                    starts_at=starts_at,
                    exclude_appointment_id=appointment.pk,
                    now=now,
                )
            _lock_advisor(appointment.advisor_id)
            if _conflicts(
                advisor_id=appointment.advisor_id,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                buffer_minutes=_buffer_of(appointment.advisor_id, appointment.hub),
                exclude_pk=appointment.pk,
            ) or _over_daily_cap(
                advisor_id=appointment.advisor_id,
                starts_at=slot.starts_at,
                exclude_pk=appointment.pk,
            ):
                raise IntegrityError("slot taken under lock")
            previous = appointment.starts_at
            appointment.starts_at, appointment.ends_at = slot.starts_at, slot.ends_at
            appointment.ics_sequence += 1
            # Reminders follow the new time.
            appointment.reminder_day_before_claimed_at = None
            appointment.reminder_day_before_sent_at = None
            appointment.reminder_two_hours_claimed_at = None
            appointment.reminder_two_hours_sent_at = None
            appointment.save()
            _record(
                appointment,
                actor=actor,
                from_status="booked",
                to_status="booked",
                from_starts_at=previous,
            )
    except IntegrityError:
        raise _slot_taken(
            hub=appointment.hub,
            topic=appointment.topic,
            advisor_id=appointment.advisor_id,
            starts_at=starts_at,
            exclude_appointment_id=appointment.pk,
            now=now,
        ) from None
    _queue_notice(appointment.pk, "rescheduled")
    return appointment


def _transition(appointment: Appointment, *, to_status, actor, note="") -> Appointment:
    if to_status not in Appointment.TRANSITIONS[Appointment.Status(appointment.status)]:
        raise BookingRefused(
            _("A meeting that is “%(from)s” cannot become “%(to)s”.")
            % {
                "from": appointment.get_status_display(),
                "to": Appointment.Status(to_status).label,
            }
        )
    previous = appointment.status
    appointment.status = to_status
    appointment.save(update_fields=["status", "cancel_reason", "ics_sequence", "updated_at"])
    _record(appointment, actor=actor, from_status=previous, to_status=to_status, note=note)
    return appointment


@transaction.atomic
def appointment_cancel(*, appointment: Appointment, reason: str, actor, now=None) -> Appointment:
    reason = (reason or "").strip()
    if not reason:
        raise BookingRefused(_("Please give a reason for cancelling."))
    if len(reason) > MAX_DESCRIPTION:
        raise BookingRefused(_("Please keep the reason short."))
    appointment = _lock_appointment(appointment)
    if appointment.status == Appointment.Status.BOOKED:
        _check_owner_may_change(appointment, actor, now)
    appointment.cancel_reason = reason
    appointment.ics_sequence += 1
    _transition(appointment, to_status=Appointment.Status.CANCELLED, actor=actor, note=reason)
    _queue_notice(appointment.pk, "cancelled")
    return appointment


@transaction.atomic
def appointment_cancel_on_erasure(*, appointment: Appointment, actor) -> Appointment:
    """The entrepreneur deleted their account: the meeting is off whatever the notice, and the
    advisor is told so the slot is free again."""
    appointment = _lock_appointment(appointment)
    if appointment.status != Appointment.Status.BOOKED:
        return appointment
    appointment.cancel_reason = ""
    appointment.ics_sequence += 1
    _transition(appointment, to_status=Appointment.Status.CANCELLED, actor=actor)
    _queue_notice(appointment.pk, "cancelled")
    return appointment


@transaction.atomic
def appointment_close(*, appointment: Appointment, outcome: str, actor, now=None) -> Appointment:
    """The advisor records that the meeting was held, or that the entrepreneur did not come."""
    if outcome not in (Appointment.Status.HELD, Appointment.Status.NO_SHOW):
        raise BookingRefused(_("Unknown outcome."))
    appointment = _lock_appointment(appointment)
    if appointment.status == Appointment.Status.BOOKED and appointment.starts_at > (
        now or timezone.now()
    ):
        raise BookingRefused(_("A meeting can be closed only once it has started."))
    return _transition(appointment, to_status=outcome, actor=actor)


@transaction.atomic
def appointment_notes_save(*, appointment: Appointment, notes: str, actor) -> Appointment:
    if len(notes) > 5000:
        raise BookingRefused(_("Please keep the notes under 5000 characters."))
    appointment = _lock_appointment(appointment)
    appointment.advisor_notes = notes.strip()
    appointment.save(update_fields=["advisor_notes", "updated_at"])
    return appointment


# --- Availability: what the public pages show of a hub's advisors ----------------------------


def _announce(hub_ids) -> None:
    hub_ids = sorted(set(hub_ids))
    transaction.on_commit(lambda: hub_public_data_changed.send(sender=Appointment, hub_ids=hub_ids))


@transaction.atomic
def availability_rule_save(*, rule: AvailabilityRule, actor) -> AvailabilityRule:
    if rule.start_time >= rule.end_time:
        raise BookingRefused(_("The opening must end after it starts."))
    rule.save()
    _announce([rule.hub_id])
    return rule


@transaction.atomic
def availability_rule_delete(*, rule: AvailabilityRule, actor) -> None:
    hub_id = rule.hub_id
    rule.delete()
    _announce([hub_id])


@transaction.atomic
def availability_exception_save(
    *, exception: AvailabilityException, actor
) -> AvailabilityException:
    exception.save()
    hub_ids = (
        [exception.hub_id]
        if exception.hub_id
        else AvailabilityRule.objects.filter(advisor_id=exception.advisor_id).values_list(
            "hub_id", flat=True
        )
    )
    _announce(list(hub_ids))
    return exception


@transaction.atomic
def advisor_booking_profile_save(
    *, advisor, topics, daily_cap: int, video_link: str = "", actor
) -> AdvisorBookingProfile:
    unknown = set(topics) - set(Topic.values)
    if unknown:
        raise BookingRefused(_("Unknown topic."))
    profile, _created = AdvisorBookingProfile.objects.update_or_create(
        advisor=advisor,
        defaults={"topics": list(topics), "daily_cap": daily_cap, "video_link": video_link},
    )
    _announce(advisor.hub_memberships.values_list("hub_id", flat=True))
    return profile


@transaction.atomic
def advisor_feed_token_reset(*, advisor, actor) -> AdvisorBookingProfile:
    """A new private calendar address: every subscription to the old one stops at once."""
    if actor.pk != advisor.pk:
        raise BookingRefused(_("Only the advisor can reset their calendar address."))
    profile, _created = AdvisorBookingProfile.objects.select_for_update().get_or_create(
        advisor=advisor
    )
    profile.feed_token = _new_feed_token()
    profile.save(update_fields=["feed_token"])
    return profile
