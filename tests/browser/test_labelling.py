"""A chamber's application from draft to a granted label, then what the public verifies."""

import datetime
import re
import subprocess

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore
from django.utils import timezone

from accounts.roles import Role
from hubs.models.labelling import Label, LabelApplication
from hubs.selectors import hub_label_statuses
from tests.accounts.factories import UserFactory, activate_totp, make_office_staff
from tests.browser.conftest import ARTIFACTS
from tests.cms.factories import build_tree, hub_page
from tests.hubs.factories import MembershipFactory
from tests.hubs.labelling_support import (  # noqa: F401
    PDF_BYTES,
    ensure_criteria_grid,
    fast_password_hashing,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _logged_in_page(browser, live_server, user):
    # The login itself (password and TOTP) is covered by the accounts browser tests.
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.session_key,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    return page


def _submit(page, selector):
    # Wait for the page the form leads to, not just for the click.
    with page.expect_navigation():
        page.click(selector)


def _pdf_to_png(page, url, name):
    response = page.request.get(url)
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / f"{name}.pdf"
    pdf.write_bytes(response.body())
    subprocess.run(  # noqa: S603
        ["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(ARTIFACTS / name)],  # noqa: S607
        check=True,
    )
    text = subprocess.run(  # noqa: S603
        ["pdftotext", str(pdf), "-"],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,  # noqa: S607
    ).stdout
    return ARTIFACTS / f"{name}.png", text


def test_a_chamber_is_labelled_and_the_public_verifies_the_label(
    browser, live_server, page, hub_a, screenshot
):
    ensure_criteria_grid()
    manager = UserFactory(email="manager.browser@example.org", first_name="Hicham")
    MembershipFactory(user=manager, hub=hub_a, role=Role.HUB_MANAGER)
    activate_totp(manager)
    staff = UserFactory(email="staff.browser@example.org", first_name="Leila")
    make_office_staff(staff)
    activate_totp(staff)
    hub_url = hub_page(build_tree(), hub_a).get_url()

    # The public hub page, before: no label yet (and now in the anonymous page cache).
    page.goto(hub_url)
    assert page.locator(".hub-page .label-status-none").count() == 1

    # The chamber starts a draft, is told what is missing, completes it and sends it.
    chamber = _logged_in_page(browser, live_server, manager)
    chamber.goto("/fr/hubs/labelling/new/")
    _submit(chamber, "main button[type=submit]")
    chamber.wait_for_url(re.compile(r"/edit/$"))
    chamber.fill("#id_surface_m2", "120")
    for field in (
        "accessibility",
        "team",
        "ip_training",
        "services_creation",
        "services_innovation",
        "services_ip",
        "services_information",
        "equipment",
    ):
        chamber.fill(f"#id_{field}", f"Description de {field}")
    chamber.fill("#id_space_address", "12 boulevard Zerktouni, Casablanca")
    chamber.fill("#id_opening_hours", "Lun–Ven 8h30–16h30")
    _submit(chamber, "main button[type=submit]")
    chamber.wait_for_url(re.compile(r"/applications/[0-9a-f-]+/$"))
    assert "au moins une pièce justificative" in chamber.inner_text("#missing-parts")
    _submit(chamber, "#submit-application")
    assert "n'est pas encore complète" in chamber.inner_text(".messages")
    chamber.fill("#id_description", "Plan de l'espace")
    chamber.set_input_files(
        "#id_file", {"name": "plan.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    _submit(chamber, "#evidence-form button[type=submit]")
    assert "plan.pdf" in chamber.inner_text("#evidence-list")
    _submit(chamber, "#submit-application")
    assert chamber.get_attribute("#application-status", "data-status") == "submitted"
    screenshot(chamber, "labelling-chamber-submitted-fr")
    application = LabelApplication.objects.get()

    # Office staff run it through to a pilot label.
    office = _logged_in_page(browser, live_server, staff)
    office.goto(f"/fr/hubs/labelling/applications/{application.public_id}/")
    _submit(office, "#form-accept button[type=submit]")
    for select in office.locator("#form-scores select").all():
        select.select_option("4")
    _submit(office, "#form-scores button[type=submit]")
    assert "100,0 / 100" in office.inner_text("#score-summary")
    office.fill("#form-visit input[type=date]", timezone.localdate().isoformat())
    _submit(office, "#form-visit button[type=submit]")
    office.fill("#form-visit-report textarea", "Espace conforme, équipe formée.")
    _submit(office, "#form-visit-report button[type=submit]")
    office.select_option("#form-decide select[name=decision]", "pilot")
    office.select_option("#form-decide select[name=maturity]", "2")
    office.fill("#form-decide textarea", "Dossier complet et visite concluante.")
    _submit(office, "#form-decide button[type=submit]")
    assert office.get_attribute("#application-status", "data-status") == "granted"
    screenshot(office, "labelling-office-granted-fr")
    label = Label.objects.get()
    assert hub_label_statuses(hub_ids=[hub_a.pk])[hub_a.pk].code == "pilot"
    # The grant purged the page cache: the CMS hub page shows the new label at once.
    page.goto(hub_url)
    assert page.locator(".hub-page .label-status-pilot").count() == 1
    assert label.number in page.inner_text(".hub-page .label-status")
    screenshot(page, "labelling-hub-page-labelled-fr")

    # The chamber sees the label and downloads its bilingual certificate.
    chamber.goto(f"/fr/hubs/labelling/labels/{label.public_id}/")
    assert chamber.inner_text("#verification-code") == label.verification_code
    for language in ("fr", "ar"):
        png, text = _pdf_to_png(
            chamber,
            f"/{language}/hubs/labelling/labels/{label.public_id}/certificate.pdf",
            f"labelling-certificate-{language}",
        )
        assert png.exists()
        assert label.number in text
        assert label.verification_code in text
        assert "Certificat de label" in text
        assert "Phase pilote" in text and "المرحلة التجريبية" in text

    # Anybody verifies the code: valid.
    page.goto("/fr/hubs/labelling/verify/")
    page.fill("#id_code", label.verification_code.lower())
    _submit(page, "main form button[type=submit]")
    assert page.get_attribute("#verify-result", "data-state") == "valid"
    screenshot(page, "labelling-verify-valid-fr")

    # Office staff suspend it with a deadline; the public now reads "suspended".
    office.goto(f"/fr/hubs/labelling/labels/{label.public_id}/")
    office.fill("#form-suspend textarea", "Rapport annuel non remis.")
    office.fill(
        "#form-suspend input[type=date]",
        (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
    )
    _submit(office, "#form-suspend button[type=submit]")
    assert office.get_attribute("#label-status", "data-status") == "suspended"
    page.goto(f"/ar/hubs/labelling/verify/{label.verification_code}/")
    assert page.get_attribute("#verify-result", "data-state") == "suspended"
    assert page.get_attribute("html", "dir") == "rtl"
    screenshot(page, "labelling-verify-suspended-ar")

    # An unknown code: a clear answer, nothing about any real label.
    page.goto("/fr/hubs/labelling/verify/?code=ABCD-EFGH-JKMN")
    assert page.get_attribute("#verify-result", "data-state") == "unknown"
    assert hub_a.name not in page.inner_text("main")
    screenshot(page, "labelling-verify-unknown-fr")

    # The hub's public status follows (the CMS hub page reads the same selector).
    page.goto("/fr/hubs/labelling/register/")
    row = page.locator(f"tr[data-hub='{hub_a.slug}']")
    assert row.get_attribute("data-status") == "suspended"
    assert "Label suspendu" in row.inner_text()
    assert hub_label_statuses(hub_ids=[hub_a.pk])[hub_a.pk].code == "suspended"
    screenshot(page, "labelling-register-fr")
    page.goto(hub_url)
    assert page.locator(".hub-page .label-status-suspended").count() == 1
    screenshot(page, "labelling-hub-page-suspended-fr")
    chamber.context.close()
    office.context.close()
