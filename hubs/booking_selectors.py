"""Reads of the booking side: free slots, and appointments as each role may see them.

Opening hours are wall-clock times at the hub (Africa/Casablanca). Each slot is built on its
own local date with zoneinfo, so a Monday at 09:00 is 08:00 UTC in summer time and 09:00 UTC
during Ramadan, whatever day the clock changed.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.signing import BadSignature, SignatureExpired, TimestampSigner
from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from accounts.roles import Role, is_advisor, is_office_staff

from .models import (
    AdvisorBookingProfile,
    Appointment,
    AvailabilityException,
    AvailabilityRule,
    BookingPolicy,
    Hub,
    PublicHoliday,
)

HUB_TIME_ZONE = ZoneInfo(settings.TIME_ZONE)
MANAGE_LINK_SALT = "hubs.appointment.manage"
MANAGE_LINK_MAX_AGE = 60 * 24 * 3600


@dataclass(frozen=True)
class Slot:
    advisor_id: int
    starts_at: datetime  # aware, UTC
    ends_at: datetime
    modes: tuple[str, ...]

    def local_start(self, tz=HUB_TIME_ZONE) -> datetime:
        return self.starts_at.astimezone(tz)


def _aware(day: date, at: time, tz) -> datetime | None:
    """The instant of a wall-clock time on a date, or None if the clock skipped it."""
    local = datetime.combine(day, at, tzinfo=tz)
    round_trip = local.astimezone(ZoneInfo("UTC")).astimezone(tz)
    if round_trip.replace(tzinfo=None) != local.replace(tzinfo=None):
        return None
    return local.astimezone(ZoneInfo("UTC"))


def _windows(day, *, rules, exceptions, holidays):
    """(start_time, end_time, slot_minutes, buffer, modes) opening windows of one local day."""
    if day in holidays:
        return []
    windows = [
        (r.start_time, r.end_time, r.slot_minutes, r.buffer_minutes, tuple(r.modes))
        for r in rules
        if r.weekday == day.weekday()
    ]
    default_modes = tuple(rules[0].modes) if rules else ("hub",)
    default_buffer = rules[0].buffer_minutes if rules else 0
    for exc in exceptions.get(day, []):
        if exc.kind == AvailabilityException.Kind.EXTRA:
            windows.append(
                (exc.start_time, exc.end_time, exc.slot_minutes, default_buffer, default_modes)
            )
    return windows


def _on_leave(day, start: time, end: time, exceptions) -> bool:
    for exc in exceptions.get(day, []):
        if exc.kind != AvailabilityException.Kind.LEAVE:
            continue
        if exc.start_time is None or (exc.start_time < end and start < exc.end_time):
            return True
    return False


def advisor_free_slots(
    *,
    advisor_id: int,
    hub: Hub,
    now: datetime | None = None,
    days: int | None = None,
    exclude_appointment_id: int | None = None,
    only_day: date | None = None,
) -> list[Slot]:
    """Free slots of one advisor at one hub, soonest first (6 queries, whatever the range).

    `only_day` (a local date) limits the work to one day: what booking a given slot needs.
    """
    now = now or timezone.now()
    rules = list(AvailabilityRule.objects.filter(advisor_id=advisor_id, hub=hub, is_active=True))
    if not rules:
        return []
    horizon = max(r.horizon_days for r in rules)
    if days is not None:
        horizon = min(horizon, days)
    min_notice = timedelta(hours=min(r.min_notice_hours for r in rules))
    first_day = now.astimezone(HUB_TIME_ZONE).date()
    last_day = first_day + timedelta(days=horizon)
    if only_day is not None:
        if not first_day <= only_day <= last_day:
            return []
        first_day = last_day = only_day
    holidays = set(
        PublicHoliday.objects.filter(date__range=(first_day, last_day)).values_list(
            "date", flat=True
        )
    )
    exceptions = defaultdict(list)
    for exc in AvailabilityException.objects.filter(
        Q(hub=hub) | Q(hub__isnull=True), advisor_id=advisor_id, date__range=(first_day, last_day)
    ):
        exceptions[exc.date].append(exc)
    busy_qs = Appointment.objects.booked().filter(
        advisor_id=advisor_id,
        starts_at__lt=_aware(last_day + timedelta(days=1), time(0), HUB_TIME_ZONE),
        ends_at__gt=max(now, _aware(first_day, time(0), HUB_TIME_ZONE)) - timedelta(days=1),
    )
    if exclude_appointment_id:
        busy_qs = busy_qs.exclude(pk=exclude_appointment_id)
    busy = list(busy_qs.values_list("starts_at", "ends_at"))
    per_day = defaultdict(int)
    for starts_at, _ends_at in busy:
        per_day[starts_at.astimezone(HUB_TIME_ZONE).date()] += 1
    profile = AdvisorBookingProfile.objects.filter(advisor_id=advisor_id).first()
    daily_cap = profile.daily_cap if profile else 6

    earliest = now + min_notice
    slots = []
    day = first_day
    while day <= last_day:
        if per_day[day] < daily_cap:
            for start, end, length, buffer, modes in _windows(
                day, rules=rules, exceptions=exceptions, holidays=holidays
            ):
                cursor = datetime.combine(day, start)
                limit = datetime.combine(day, end)
                step = timedelta(minutes=length + buffer)
                while cursor + timedelta(minutes=length) <= limit:
                    local_start, local_end = cursor, cursor + timedelta(minutes=length)
                    cursor += step
                    slot_start = _aware(day, local_start.time(), HUB_TIME_ZONE)
                    if slot_start is None or slot_start < earliest:
                        continue
                    if _on_leave(day, local_start.time(), local_end.time(), exceptions):
                        continue
                    slot_end = slot_start + timedelta(minutes=length)
                    margin = timedelta(minutes=buffer)
                    if any(
                        b_start < slot_end + margin and slot_start - margin < b_end
                        for b_start, b_end in busy
                    ):
                        continue
                    slots.append(Slot(advisor_id, slot_start, slot_end, modes))
        day += timedelta(days=1)
    slots.sort(key=lambda s: s.starts_at)
    return _dedupe(slots)


def _dedupe(slots: list[Slot]) -> list[Slot]:
    seen, unique = set(), []
    for slot in slots:
        if slot.starts_at not in seen:
            seen.add(slot.starts_at)
            unique.append(slot)
    return unique


def advisors_for_topic(*, hub: Hub, topic: str) -> list:
    """Advisors of the hub who offer hours there and cover the topic."""
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    candidates = (
        user_model.objects.filter(
            hub_memberships__hub=hub,
            hub_memberships__role__in=[Role.ADVISOR, Role.HUB_MANAGER],
            availability_rules__hub=hub,
            availability_rules__is_active=True,
        )
        .select_related("booking_profile")
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )
    return [
        user
        for user in candidates
        if hasattr(user, "booking_profile") and user.booking_profile.covers(topic)
    ]


def hub_free_slots(
    *, hub: Hub, topic: str, advisor_id: int | None = None, now=None, days=None, only_day=None
):
    """Free slots at the hub for the topic: one advisor's, or the union over all of them."""
    advisors = advisors_for_topic(hub=hub, topic=topic)
    if advisor_id is not None:
        advisors = [a for a in advisors if a.pk == advisor_id]
    slots = []
    for advisor in advisors:
        slots.extend(
            advisor_free_slots(
                advisor_id=advisor.pk, hub=hub, now=now, days=days, only_day=only_day
            )
        )
    slots.sort(key=lambda s: (s.starts_at, s.advisor_id))
    return slots if advisor_id is not None else _dedupe(slots)


def meetings_in_period(*, advisor_ids, starts_at: datetime) -> dict[int, int]:
    """Meetings (booked or held) of each advisor in the local month of `starts_at`."""
    local = starts_at.astimezone(HUB_TIME_ZONE)
    month_start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    next_month = (month_start + timedelta(days=32)).replace(day=1)
    rows = (
        Appointment.objects.filter(
            advisor_id__in=advisor_ids,
            status__in=[Appointment.Status.BOOKED, Appointment.Status.HELD],
            starts_at__gte=month_start,
            starts_at__lt=next_month,
        )
        .values("advisor_id")
        .annotate(n=Count("pk"))
    )
    counts = dict.fromkeys(advisor_ids, 0)
    counts.update({row["advisor_id"]: row["n"] for row in rows})
    return counts


def group_by_local_day(slots, tz=HUB_TIME_ZONE):
    days = defaultdict(list)
    for slot in slots:
        days[slot.local_start(tz).date()].append(slot)
    return sorted(days.items())


def group_by_local_day_appointments(appointments, tz=HUB_TIME_ZONE):
    days = defaultdict(list)
    for appointment in appointments:
        days[appointment.starts_at.astimezone(tz).date()].append(appointment)
    return sorted(days.items())


# --- Who sees which appointment ---------------------------------------------------------------


def appointments_visible_to(*, user):
    """Entrepreneurs see theirs; advisors their own and their hubs'; office staff all."""
    base = Appointment.objects.select_related("hub", "advisor", "entrepreneur")
    if not user.is_authenticated:
        return base.none()
    if is_office_staff(user):
        return base
    if is_advisor(user):
        return base.filter(
            Q(advisor=user) | Q(hub_id__in=_advising_hub_ids(user)) | Q(entrepreneur=user)
        )
    return base.filter(entrepreneur=user)


def appointment_get_for_user(*, user, public_id) -> Appointment:
    try:
        return appointments_visible_to(user=user).get(public_id=public_id)
    except (Appointment.DoesNotExist, ValidationError, ValueError) as exc:
        raise Http404 from exc


def appointment_get_for_owner(*, user, public_id) -> Appointment:
    """The entrepreneur's own appointment, for changes only its owner may make."""
    appointment = appointment_get_for_user(user=user, public_id=public_id)
    if appointment.entrepreneur_id != user.pk:
        raise PermissionDenied
    return appointment


def _advising_hub_ids(user) -> list[int]:
    return list(
        user.hub_memberships.filter(role__in=[Role.ADVISOR, Role.HUB_MANAGER]).values_list(
            "hub_id", flat=True
        )
    )


def appointment_get_for_advisor(*, user, public_id) -> Appointment:
    """An appointment the advisor may act on: their own or one at a hub where they advise."""
    if not is_advisor(user):
        raise PermissionDenied
    appointment = appointment_get_for_user(user=user, public_id=public_id)
    if appointment.advisor_id != user.pk and appointment.hub_id not in _advising_hub_ids(user):
        raise PermissionDenied
    return appointment


def appointment_manage_token(appointment: Appointment) -> str:
    return TimestampSigner(salt=MANAGE_LINK_SALT).sign(str(appointment.public_id))


def appointment_get_by_manage_token(*, token: str) -> Appointment:
    """The appointment behind a signed link from its emails (valid 60 days)."""
    try:
        public_id = TimestampSigner(salt=MANAGE_LINK_SALT).unsign(
            token, max_age=MANAGE_LINK_MAX_AGE
        )
        return Appointment.objects.select_related("hub", "advisor", "entrepreneur").get(
            public_id=public_id
        )
    except (BadSignature, SignatureExpired, Appointment.DoesNotExist, ValueError) as exc:
        raise Http404 from exc


def appointment_can_change(appointment: Appointment, *, now=None) -> bool:
    """Whether the entrepreneur may still reschedule or cancel (cut-off kept as data)."""
    now = now or timezone.now()
    cutoff = timedelta(hours=BookingPolicy.current().change_cutoff_hours)
    return appointment.status == Appointment.Status.BOOKED and appointment.starts_at - now >= cutoff


def entrepreneur_appointments(*, user):
    return (
        Appointment.objects.filter(entrepreneur=user)
        .select_related("hub", "advisor")
        .order_by("-starts_at")
    )


def advisor_agenda(*, user, start: datetime, end: datetime, hub_ids=None):
    """Meetings of the advisor and of their hubs between two instants, with their people."""
    if not is_advisor(user):
        raise PermissionDenied
    my_hub_ids = _advising_hub_ids(user)
    qs = Appointment.objects.filter(
        Q(advisor=user) | Q(hub_id__in=my_hub_ids), starts_at__gte=start, starts_at__lt=end
    ).select_related("hub", "advisor", "entrepreneur")
    if hub_ids:
        qs = qs.filter(hub_id__in=hub_ids)
    return qs.order_by("starts_at")


def advisor_get_by_feed_token(*, token: str):
    try:
        return AdvisorBookingProfile.objects.select_related("advisor").get(feed_token=token).advisor
    except AdvisorBookingProfile.DoesNotExist as exc:
        raise Http404 from exc


def advisor_feed_appointments(*, advisor):
    since = timezone.now() - timedelta(days=90)
    return (
        Appointment.objects.filter(advisor=advisor, starts_at__gte=since)
        .select_related("hub", "advisor", "entrepreneur")
        .order_by("starts_at")
    )
