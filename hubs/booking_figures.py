"""Appointments held at a hub, offered to its annual label report."""

import datetime

from django.utils import timezone

from .labelling_figures import register_annual_figures_provider
from .models import Appointment


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def appointments_held(*, hub, start: datetime.date, end: datetime.date) -> dict:
    held = Appointment.objects.filter(
        hub=hub,
        status=Appointment.Status.HELD,
        starts_at__gte=_local_midnight(start),
        starts_at__lt=_local_midnight(end),
    ).count()
    return {"appointments_held": held}


def register() -> None:
    register_annual_figures_provider(appointments_held)
