import re

import pytest
from django.core import mail

from accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_newcomer_signs_up_verifies_logs_in_and_reads_arabic_right_to_left(page, screenshot):
    page.goto("/fr/accounts/signup/")
    page.fill("#id_first_name", "Salma")
    page.fill("#id_last_name", "Bennani")
    page.fill("#id_email", "salma.browser@example.org")
    page.fill("#id_phone", "0612345678")
    page.fill("#id_city", "Casablanca")
    page.select_option("#id_region", "CST")
    page.select_option("#id_preferred_language", "fr")
    page.fill("#id_password1", "Une-phrase-secrete-2026")
    page.fill("#id_password2", "Une-phrase-secrete-2026")
    page.check("#id_accept_data_notice")
    screenshot(page, "signup-fr")
    page.click("main button[type=submit]")

    page.wait_for_url(re.compile(r"/confirm-email/"))
    assert User.objects.filter(email="salma.browser@example.org").exists()
    link = re.search(r"https?://\S+/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.click("main button[type=submit]")

    page.wait_for_url(re.compile(r"/fr/my-space/"))
    assert "Salma" in page.inner_text("main h1")

    page.click(".language-switcher a[hreflang=ar]")
    page.wait_for_url(re.compile(r"/ar/my-space/"))
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.get_attribute("html", "lang") == "ar"
    # The layout really mirrors: the heading starts on the right of the page.
    direction = page.evaluate("getComputedStyle(document.querySelector('main h1')).direction")
    assert direction == "rtl"
    screenshot(page, "my-space-ar")


def test_the_arabic_home_page_reads_right_to_left_on_a_phone(phone_page, screenshot):
    from django.core.management import call_command

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    phone_page.goto("/ar/")
    assert phone_page.get_attribute("html", "dir") == "rtl"
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, "the page must not scroll sideways on a 360 px phone"
    screenshot(phone_page, "home-ar-phone")
    phone_page.goto("/fr/")
    screenshot(phone_page, "home-fr-phone")
