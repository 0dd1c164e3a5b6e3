import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from accounts.models import User
from cms.models import HubPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AGADIR = {"latitude": 30.42, "longitude": -9.6}


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def _visitor(browser, live_server, *, phone=False):
    viewport = {"width": 360, "height": 780} if phone else {"width": 1280, "height": 900}
    context = browser.new_context(
        base_url=live_server.url,
        viewport=viewport,
        is_mobile=phone,
        geolocation=AGADIR,
        permissions=["geolocation"],
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    return context, page


@pytest.mark.parametrize(
    ("language", "find_hub", "closest", "guides", "step"),
    [
        (
            "fr",
            "Trouver le Carré près de chez moi",
            "Le plus proche de moi",
            "Guides pratiques",
            "Certificat négatif",
        ),
        ("ar", "ابحث عن أقرب مربع", "الأقرب إلي", "أدلة عملية", "الشهادة السلبية"),
    ],
)
def test_visitor_goes_from_home_to_the_closest_hub_then_to_a_guide(
    language, find_hub, closest, guides, step, demo, browser, live_server, screenshot
):
    for phone in (False, True):
        context, page = _visitor(browser, live_server, phone=phone)
        suffix = f"{language}{'-phone' if phone else ''}"
        page.goto(f"/{language}/")
        assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
        screenshot(page, f"public-home-{suffix}")
        page.get_by_role("link", name=find_hub).click()
        page.get_by_role("button", name=closest).click()
        page.wait_for_url(re.compile(r"lat=30\.42"))
        first = page.locator(".hub-card").first
        assert "Agadir" in first.inner_text() or "أكادير" in first.inner_text()
        assert page.locator(".distance").first.is_visible()
        screenshot(page, f"public-find-hub-{suffix}")
        first.get_by_role("link").click()
        page.wait_for_selector(".hub-page")
        assert "Karim" not in page.inner_text("main")  # Agadir's advisor is Nadia
        assert "Nadia Idrissi" in page.inner_text("main")
        screenshot(page, f"public-hub-{suffix}")
        if phone:
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 360, "the page must not scroll sideways on a 360 px phone"
        page.locator(".section-nav").get_by_role("link", name=guides).click()
        page.locator(".card a, a.card").first.click()
        page.wait_for_selector(".block-steps")
        assert step in page.inner_text(".block-steps")
        page.locator("details summary").first.click()
        assert page.locator("details").first.get_attribute("open") is not None
        if language == "ar":
            assert page.get_attribute("html", "dir") == "rtl"
            direction = page.evaluate(
                "getComputedStyle(document.querySelector('main h1')).direction"
            )
            assert direction == "rtl"
        screenshot(page, f"public-guide-{suffix}")
        context.close()


def test_visitor_filters_hubs_by_region_and_switches_to_the_arabic_translation(
    demo, page, screenshot
):
    page.goto("/fr/carres/")
    page.select_option("#id_region", "SMA")
    page.get_by_role("button", name="Afficher les Carrés").click()
    assert page.locator(".hub-card").count() == 1
    page.locator(".hub-card a").click()
    page.locator(".language-switcher").get_by_role("link", name="العربيّة").click()
    page.wait_for_url(re.compile(r"/ar/marakiz/markaz-sma/"))
    assert page.get_attribute("html", "dir") == "rtl"


def _log_in(browser, live_server, user):
    client = Client()
    client.force_login(user)
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
    return context


def test_hub_editor_edits_their_hub_page_and_cannot_edit_another(
    demo, browser, live_server, screenshot
):
    editor = User.objects.get(email="editor@example.com")
    own = HubPage.objects.get(hub__slug="carre-cst", locale__language_code="fr")
    other = HubPage.objects.get(hub__slug="carre-sma", locale__language_code="fr")
    context = _log_in(browser, live_server, editor)
    page = context.new_page()
    page.set_default_timeout(20000)

    page.goto(f"/cms-admin/pages/{own.pk}/edit/")
    page.wait_for_selector("#id_intro")
    page.fill("#id_intro", "Nouveau : permanence le samedi matin.")
    screenshot(page, "admin-editor-own-hub")
    # "Submit to moderation" sits in the footer's "more actions" menu.
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name=action-submit]").click()
    page.wait_for_url(re.compile(r"/cms-admin/pages/\d+/(edit/)?$|/cms-admin/pages/\d+/$"))
    own.refresh_from_db()
    assert own.get_latest_revision().as_object().intro == "Nouveau : permanence le samedi matin."
    assert own.current_workflow_state is not None  # waiting for office staff

    page.goto(f"/cms-admin/pages/{other.pk}/edit/")
    assert page.locator("#id_intro").count() == 0
    assert "permission" in page.inner_text("body").lower()
    screenshot(page, "admin-editor-other-hub")
    context.close()
