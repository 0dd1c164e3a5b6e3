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
    from hubs.booking_notifications import notify_appointment
    from tests.hubs.factories_booking import book_a_meeting

    Hub.objects.filter(pk=hub_a.pk).update(name_ar="مربع الدار البيضاء")
    hub_a.refresh_from_db()
    with translation.override("fr"):  # booked from a French page
        appointment = book_a_meeting(entrepreneur=entrepreneur, advisor=advisor_a, hub=hub_a)
        notify_appointment(appointment, kind="booked")
    notification = Notification.objects.filter(user=entrepreneur, kind="appointment").first()
    with translation.override("ar"):
        assert isolate("مربع الدار البيضاء") in notification_text(notification)
    with translation.override("fr"):
        assert isolate("Carré Casablanca") in notification_text(notification)
