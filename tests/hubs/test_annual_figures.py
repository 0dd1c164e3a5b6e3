import datetime
import uuid

from django.utils import timezone

from hubs.labelling_figures import annual_figures
from hubs.models import Appointment


def _appointment(*, hub, advisor, entrepreneur, day, status):
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    return Appointment.objects.create(
        ics_uid=f"{uuid.uuid4()}@test",
        advisor=advisor,
        hub=hub,
        entrepreneur=entrepreneur,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=30),
        topic="trademark",
        description="Protéger ma marque",
        status=status,
    )


def test_annual_report_counts_the_meetings_held_at_the_hub_in_the_period(
    hub_a, hub_b, advisor_a, advisor_b, entrepreneur
):
    start, end = datetime.date(2026, 1, 1), datetime.date(2027, 1, 1)
    for day, status in [
        (datetime.date(2026, 3, 2), Appointment.Status.HELD),
        (datetime.date(2026, 12, 31), Appointment.Status.HELD),
        (datetime.date(2026, 5, 4), Appointment.Status.NO_SHOW),
        (datetime.date(2027, 1, 1), Appointment.Status.HELD),  # next period
    ]:
        _appointment(
            hub=hub_a, advisor=advisor_a, entrepreneur=entrepreneur, day=day, status=status
        )
    _appointment(
        hub=hub_b,
        advisor=advisor_b,
        entrepreneur=entrepreneur,
        day=datetime.date(2026, 6, 1),
        status=Appointment.Status.HELD,
    )
    figures = annual_figures(hub=hub_a, start=start, end=end)
    assert figures["appointments_held"] == 2
    assert figures["events_run"] == 0
