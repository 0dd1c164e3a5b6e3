"""An entrepreneur prepares a trademark that collides with earlier marks, an advisor approves it."""

import re
import subprocess

import pytest
from django.conf import settings
from django.test import Client

from filings.data.nice import load_reference_data
from filings.models import (
    FeeGrid,
    GoodsServicesTerm,
    NiceClass,
    PreFilingStatus,
    TrademarkPreFiling,
)
from tests.browser.conftest import ARTIFACTS
from tests.filings.factories import png_bytes, register

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, user, live_server):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_entrepreneur_is_warned_of_earlier_marks_and_gets_an_approved_filing_file(
    page, browser, live_server, screenshot, entrepreneur, advisor_a, hub_a, tmp_path
):
    # Transactional tests flush the tables the data migration filled: put the classes back.
    load_reference_data(NiceClass, GoodsServicesTerm, FeeGrid)
    register(
        ("OMPIC-1001", "كوثر", "3"),  # the same name in Arabic script
        ("OMPIC-1002", "CAWTAR", "3"),  # sounds the same: C/K, W/OU
        ("OMPIC-1003", "SOLARIS", "3"),
    )
    _log_in(page, entrepreneur, live_server)

    page.goto("/fr/filings/trademarks/")
    page.select_option("#id_hub", str(hub_a.pk))
    page.fill("#id_mark_text", "KAOUTAR")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/step/1/$"))

    # Step 1: the mark. The live report answers as the applicant types.
    page.check("input[name=mark_type][value=combined]")
    page.fill("#id_mark_text", "")
    page.type("#id_mark_text", "KAOUTAR")
    page.wait_for_selector("#live-report .live-results li")
    live = page.inner_text("#live-report")
    assert "كوثر" in live and "CAWTAR" in live
    logo = tmp_path / "logo.png"
    logo.write_bytes(png_bytes(size=(120, 80)))
    page.set_input_files("#id_logo", str(logo))
    screenshot(page, "trademark-step1-fr")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/step/2/$"))

    # Step 2: the applicant, a resident person (no agent needed).
    page.check("input[name=applicant_kind][value=person]")
    page.fill("#id_applicant_name", "Salma Bennani")
    page.fill("#id_applicant_address", "12 rue des Arts, Casablanca")
    page.check("#id_applicant_resides_in_morocco")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/step/3/$"))

    # Step 3: describe the activity, get classes, pick terms.
    page.fill("#describe", "Je fabrique des savons et des parfums")
    page.click("form:has(#describe) button")
    assert "Classe 3" in page.inner_text("main")
    page.check("label:has-text('Savons') input")
    page.check("input[name=channel][value=online]")
    screenshot(page, "trademark-step3-fr")
    page.click("main form[method=post] button[type=submit]")
    page.wait_for_url(re.compile(r"/step/4/$"))

    # Step 4: the report explains the risk and advises to meet an advisor; the fees show.
    main = page.inner_text("main")
    assert "Risque élevé" in main
    assert "rencontrez un conseiller" in main
    assert "identique après translittération" in main and "se prononce pareil" in main
    # French groups thousands with a narrow no-break space: "1 800 MAD" as a reader sees it.
    assert "1 800 MAD" in " ".join(main.replace("\u202f", " ").replace("\u00a0", " ").split())
    screenshot(page, "trademark-step4-fr")
    page.click("text=Soumettre à l'examen d'un conseiller")
    page.wait_for_url(re.compile(r"/trademarks/[0-9a-f-]+/$"))
    prefiling = TrademarkPreFiling.objects.get()
    assert prefiling.status == PreFilingStatus.SUBMITTED

    page.goto(f"/ar/filings/trademarks/{prefiling.public_id}/")
    assert page.get_attribute("html", "dir") == "rtl"
    assert "مرتفع" in page.inner_text("main")
    screenshot(page, "trademark-detail-ar")

    # The advisor of the hub approves from the review list.
    advisor_context = browser.new_context(base_url=live_server.url)
    advisor_page = advisor_context.new_page()
    _log_in(advisor_page, advisor_a, live_server)
    advisor_page.goto("/fr/filings/trademarks/review/")
    advisor_page.click(f"text={prefiling.case.reference}")
    advisor_page.fill("#id_note", "Risque connu, dépôt conseillé avec un logo distinctif.")
    screenshot(advisor_page, "trademark-review-fr")
    advisor_page.click("button[name=to_status][value=approved]")
    advisor_page.wait_for_load_state()
    screenshot(advisor_page, "trademark-approved-fr")
    advisor_page.wait_for_selector("text=Télécharger le dossier de dépôt (PDF)")
    advisor_context.close()

    prefiling.refresh_from_db()
    assert prefiling.status == PreFilingStatus.APPROVED
    page.goto(f"/fr/filings/trademarks/{prefiling.public_id}/")
    assert "Approuvé" in page.inner_text("main")
    response = page.request.get(f"/fr/filings/trademarks/{prefiling.public_id}/filing-file.pdf")
    assert response.ok and response.body()[:5] == b"%PDF-"
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / "trademark-filing-file.pdf"
    pdf.write_bytes(response.body())
    subprocess.run(  # noqa: S603 -- a Debian tool by full path, our own file
        ["/usr/bin/pdftoppm", "-png", "-r", "60", str(pdf), str(ARTIFACTS / "trademark-file")],
        check=True,
    )
    text = subprocess.run(  # noqa: S603 -- same tool family, same file
        ["/usr/bin/pdftotext", str(pdf), "-"], capture_output=True, check=True
    ).stdout
    text = text.decode()
    assert "KAOUTAR" in text and "OMPIC-1001" in text and "Salma Bennani" in text
