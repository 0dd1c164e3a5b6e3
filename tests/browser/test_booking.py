"""An entrepreneur books, moves and cancels a meeting in Arabic, on a phone."""

import re
from datetime import time

import icalendar
import pytest
from django.core import mail

from hubs.models import Appointment, BookingPolicy
from tests.accounts.factories import PASSWORD
from tests.hubs.factories_booking import open_hours

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, user, lang):
    page.goto(f"/{lang}/accounts/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(rf"/{lang}/my-space/"))


@pytest.fixture
def bookable(advisor_a, hub_a, entrepreneur):
    advisor_a.first_name, advisor_a.last_name = "Karim", "Alaoui"
    advisor_a.save()
    open_hours(advisor_a, hub_a, weekdays=range(7), start=time(9), end=time(17))
    entrepreneur.preferred_language = "ar"
    entrepreneur.save()
    # The first free slot may be tomorrow morning: let the owner change it until 2 hours before.
    BookingPolicy.objects.update_or_create(pk=1, defaults={"change_cutoff_hours": 2})
    return hub_a


def test_book_move_and_cancel_in_arabic_on_a_phone(phone_page, screenshot, bookable, entrepreneur):
    page = phone_page
    _log_in(page, entrepreneur, "ar")
    page.goto(f"/ar/hubs/{bookable.slug}/book/")
    assert page.get_attribute("html", "dir") == "rtl"
    page.select_option("#id_topic", "trademark")
    page.click("main form button[type=submit]")
    page.wait_for_selector("a.slot")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "booking-slots-ar-phone")

    first_slot = page.locator("a.slot").first
    first_slot.click()
    page.wait_for_url(re.compile(r"/book/confirm/"))
    page.select_option("#id_mode", "video")
    page.fill("#id_description", "أريد حماية علامتي التجارية")
    page.check("#id_remind_two_hours_before")
    screenshot(page, "booking-confirm-ar-phone")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/hubs/appointments/[0-9a-f-]+/$"))
    assert page.get_attribute("html", "dir") == "rtl"
    screenshot(page, "booking-booked-ar-phone")

    appointment = Appointment.objects.get(entrepreneur=entrepreneur)
    assert appointment.status == "booked" and appointment.mode == "video"
    assert appointment.remind_two_hours_before
    assert any(m.to == [entrepreneur.email] for m in mail.outbox)

    ics_url = page.locator("a[href$='calendar.ics']").get_attribute("href")
    response = page.request.get(ics_url)
    assert response.ok
    calendar = icalendar.Calendar.from_ical(response.body())
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["uid"]) == appointment.ics_uid
    assert events[0].decoded("dtstart") == appointment.starts_at

    first_start = appointment.starts_at
    page.click(f"a[href$='/appointments/{appointment.public_id}/reschedule/']")
    page.wait_for_selector("button.slot")
    screenshot(page, "booking-reschedule-ar-phone")
    page.locator("button.slot").nth(1).click()
    page.wait_for_url(re.compile(r"/hubs/appointments/[0-9a-f-]+/$"))
    appointment.refresh_from_db()
    assert appointment.starts_at != first_start
    assert appointment.ics_sequence == 1 and appointment.status == "booked"

    page.click(f"a[href$='/appointments/{appointment.public_id}/cancel/']")
    page.click("main form button[type=submit]")  # without a reason
    page.wait_for_selector("#id_reason_error")
    assert appointment.status == "booked"
    page.fill("#id_reason", "ظرف طارئ")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/hubs/appointments/[0-9a-f-]+/$"))
    appointment.refresh_from_db()
    assert appointment.status == "cancelled" and appointment.cancel_reason == "ظرف طارئ"
    screenshot(page, "booking-cancelled-ar-phone")

    page.goto("/ar/my-space/")
    assert page.locator(".my-appointments").count() == 1
    screenshot(page, "booking-my-space-ar-phone")


def test_booking_from_the_hub_link_on_a_desktop_in_french(page, screenshot, bookable, entrepreneur):
    entrepreneur.preferred_language = "fr"
    entrepreneur.save()
    _log_in(page, entrepreneur, "fr")
    page.goto(f"/fr/hubs/{bookable.slug}/book/?topic=company_creation")
    page.wait_for_selector("a.slot")
    screenshot(page, "booking-slots-fr-desktop")
    assert page.get_attribute("html", "dir") == "ltr"
