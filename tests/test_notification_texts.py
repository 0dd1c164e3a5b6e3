"""Notifications read in their reader's language, with what users wrote kept in its order."""

import pytest
from django.utils import translation

from accounts.models import Notification
from accounts.notifications import notification_text
from core.bidi import isolate
from hubs.models import Hub

pytestmark = pytest.mark.django_db


def test_a_case_notification_names_the_case_in_the_readers_language(entrepreneur):
    notification = Notification(
        user=entrepreneur,
        kind="case_update",
        params={
            "reference": "TM-2026-000005",
            "kind": "TM",
            "title": "ZELLIGOSOFT",
            "subject": "trademark_prefiling",
            "status": "approved",
        },
    )
    with translation.override("ar"):
        text = notification_text(notification)
    assert text.startswith(isolate("TM-2026-000005"))
    assert f"العلامة {isolate('ZELLIGOSOFT')}" in text
    assert "Marque" not in text and "Trademark" not in text


def test_a_meeting_notification_names_the_hub_in_the_readers_language(
    entrepreneur, advisor_a, hub_a
):
    from datetime import time

    from hubs.booking_notifications import notify_appointment
    from hubs.models import Topic
    from hubs.services import booking
    from tests.hubs.factories_booking import local, open_hours

    Hub.objects.filter(pk=hub_a.pk).update(name_ar="مربع الدار البيضاء")
    hub_a.refresh_from_db()
    open_hours(advisor_a, hub_a, weekdays=range(5), start=time(9), end=time(13))
    with translation.override("fr"):  # booked from a French page
        appointment = booking.appointment_book(
            entrepreneur=entrepreneur,
            hub=hub_a,
            starts_at=local(2026, 5, 5, 10),
            now=local(2026, 5, 1, 8),
            topic=Topic.TRADEMARK,
            mode="hub",
            description="Protéger ma marque",
        )
        notify_appointment(appointment, kind="booked")
    notification = Notification.objects.filter(user=entrepreneur, kind="appointment").first()
    with translation.override("ar"):
        assert isolate("مربع الدار البيضاء") in notification_text(notification)
    with translation.override("fr"):
        assert isolate("Carré Casablanca") in notification_text(notification)
