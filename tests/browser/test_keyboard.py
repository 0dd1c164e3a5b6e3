"""The company request with the keyboard alone: fields in order, focus always visible, and a
form sent back with errors says so first and leads to each field."""

import re

import pytest
from django.conf import settings
from django.test import Client

from filings.data.company import seed
from filings.models import CompanyDelay, LegalForm, NameWord

pytestmark = [pytest.mark.browser]

# The element that has the focus, and whether a sighted user sees where it is.
_FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    id: el.id,
    tag: el.tagName.toLowerCase(),
    type: el.type || "",
    text: (el.innerText || "").trim(),
    inForm: Boolean(el.closest("main form.card")),
    summary: el.classList.contains("error-summary"),
    visible: el.matches(":focus-visible") && style.outlineStyle !== "none"
      && parseFloat(style.outlineWidth) >= 2,
  };
}"""


@pytest.fixture(autouse=True)
def _reference_data(transactional_db):
    seed(LegalForm, NameWord, CompanyDelay)


def _tab_through_form(page, limit=80):
    """Tab from the top of the page to the form's submit button; the form's stops in order."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        assert focused["visible"], f"no visible focus on {focused}"
        if focused["inForm"]:
            stops.append(focused["id"] or focused["type"])
            if focused["type"] == "submit":
                return stops
    raise AssertionError(f"the submit button was not reached in {limit} tabs: {stops}")


def _submit_with_enter(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_a_founder_fills_the_company_request_with_the_keyboard_alone(
    browser, live_server, entrepreneur, hub_a, screenshot
):
    client = Client()
    client.force_login(entrepreneur)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(15000)

    page.goto("/fr/filings/companies/")
    assert _tab_through_form(page) == ["id_hub", "submit"]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowDown")  # the first hub of the list
    page.keyboard.press("Tab")
    _submit_with_enter(page)
    page.wait_for_url(re.compile(r"/step/1/$"))

    # Step 1 sent empty: the summary takes the focus, its links lead to the fields.
    assert _tab_through_form(page) == ["id_activity", "id_region", "submit"]
    _submit_with_enter(page)
    focused = page.evaluate(_FOCUSED)
    assert focused["summary"], focused
    links = page.locator(".error-summary a")
    # The region comes filled in with the hub's: only the activity is missing.
    assert [links.nth(i).get_attribute("href") for i in range(links.count())] == ["#id_activity"]
    assert "Veuillez corriger les erreurs" in page.inner_text(".error-summary")
    screenshot(page, "keyboard-error-summary-fr")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_activity"
    page.keyboard.press("Enter")
    assert page.evaluate(_FOCUSED)["id"] == "id_activity"
    page.keyboard.type("Atelier de céramique à Safi")
    page.keyboard.press("Tab")
    assert page.evaluate(_FOCUSED)["id"] == "id_region"
    page.keyboard.press("Tab")
    _submit_with_enter(page)
    page.wait_for_url(re.compile(r"/step/2/$"))

    # Step 2 sent empty: the link of a group of radios leads to its first choice.
    page.locator("main form.card button[type=submit]").focus()
    _submit_with_enter(page)
    assert page.evaluate(_FOCUSED)["summary"]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_legal_form"
    page.keyboard.press("Enter")
    focused = page.evaluate(_FOCUSED)
    assert (focused["id"], focused["type"]) == ("id_legal_form_0", "radio")
    assert focused["visible"]

    # The same in Arabic on a phone.
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(page.url.replace("/fr/", "/ar/"))
    page.locator("main form.card button[type=submit]").focus()
    _submit_with_enter(page)
    assert page.evaluate(_FOCUSED)["summary"]
    assert "يُرجى تصحيح الأخطاء" in page.inner_text(".error-summary")
    screenshot(page, "keyboard-error-summary-ar-360")
    context.close()
