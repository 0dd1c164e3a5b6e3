"""The network dashboard in a real browser, in French and in Arabic, on a desk and a phone."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore

from tests.accounts.factories import UserFactory, activate_totp, make_office_staff
from tests.hubs.factories import ChamberFactory, HubFactory, RegionFactory
from tests.hubs.test_figures import QUERY, _appointment, _company, _prefiling

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _logged_in(browser, live_server, user, viewport):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    context = browser.new_context(base_url=live_server.url, viewport=viewport)
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key,
          "url": live_server.url}]
    )  # fmt: skip
    page = context.new_page()
    page.set_default_timeout(15000)
    return page


def test_office_staff_read_the_network_dashboard_in_french_and_arabic(
    browser, live_server, screenshot
):
    staff = UserFactory(email="staff.figures@example.org")
    make_office_staff(staff)
    activate_totp(staff)
    founder = UserFactory(email="founder@example.org")
    advisor = UserFactory(email="advisor.figures@example.org")
    hubs = []
    for code, name in [("CST", "Carré Casablanca"), ("SMA", "Carré Agadir")]:
        chamber = ChamberFactory(region=RegionFactory(code=code))
        hubs.append(HubFactory(chamber=chamber, name=name, slug=f"figures-{code.lower()}"))
    d = datetime.date
    for i, hub in enumerate(hubs):
        for day in (2, 9, 16, 23):
            _company(hub=hub, owner=founder, submitted=d(2026, 3, day), certificate_requested=1 + i,
                     certificate_obtained=4 + day % 5)  # fmt: skip
            _company(hub=hub, owner=founder, submitted=d(2026, 4, day), certificate_requested=2,
                     certificate_refused=6)  # fmt: skip
        _prefiling(hub=hub, owner=founder, submitted=d(2026, 3, 12), classes=[9, 35], risk="high")
        _prefiling(hub=hub, owner=founder, submitted=d(2026, 4, 12), classes=[25], risk="low")
    for day, status in [(3, "held"), (4, "held"), (5, "no_show"), (6, "cancelled")]:
        _appointment(hub=hubs[0], advisor=advisor, entrepreneur=founder, day=d(2026, 3, day),
                     status=status)  # fmt: skip
    query = f"?start={QUERY['start']}&end={QUERY['end']}"

    desk = {"width": 1280, "height": 900}
    page = _logged_in(browser, live_server, staff, desk)
    page.goto(f"/fr/hubs/figures/{query}")
    assert page.locator("h1").inner_text().startswith("Chiffres")
    assert (
        page.locator('[data-figure="company_requests_received"] .figure-value').inner_text() == "16"
    )
    assert page.locator("svg.chart").count() >= 4
    screenshot(page, "figures-national-fr")

    page.goto(f"/ar/hubs/figures/{query}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text().startswith("الأرقام")
    screenshot(page, "figures-national-ar")
    page.context.close()

    phone = _logged_in(browser, live_server, staff, {"width": 360, "height": 780})
    phone.goto(f"/ar/hubs/figures/{query}")
    # Wide tables scroll inside their box; the page itself never scrolls sideways.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, "figures-national-ar-phone")
    phone.goto(f"/fr/hubs/figures/hubs/figures-cst/{query}")
    screenshot(phone, "figures-hub-fr-phone")
    phone.context.close()
