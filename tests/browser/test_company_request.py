"""The whole path of a company creation, in the real pages, with two people at two browsers."""

import re

import pytest
from django.conf import settings
from django.test import Client
from PIL import Image

from filings.data.company import seed
from filings.models import CompanyDelay, CompanyRequest, CompanyStatus, LegalForm, NameWord

S = CompanyStatus


@pytest.fixture(autouse=True)
def _reference_data(transactional_db):
    # A transactional test before this one flushed the rows the data migration seeded.
    seed(LegalForm, NameWord, CompanyDelay)


def _sign_in(context, user, live_server):
    # Session cookie of a real login: the MFA-protected login flow has its own browser tests.
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )


def _png(path):
    Image.new("RGB", (60, 40), "navy").save(path, "PNG")
    return path


def _advisor_does(page, to_status, fields=None):
    form = page.locator(f"form.action-{to_status}")
    for name, value in (fields or {}).items():
        form.locator(f"[name={name}]").fill(value)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()


def test_an_entrepreneur_files_in_arabic_and_the_advisor_takes_it_to_company_created(
    page, browser, live_server, entrepreneur, advisor_a, hub_a, screenshot, tmp_path
):
    _sign_in(page.context, entrepreneur, live_server)
    page.goto("/ar/filings/companies/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.select_option("#id_hub", str(hub_a.pk))
    page.locator("form.card button.btn-primary").click()

    page.fill("#id_activity", "مخبزة وحلويات تقليدية في الدار البيضاء")
    page.select_option("#id_region", str(hub_a.chamber.region_id))
    page.locator("form.card button.btn-primary").click()

    sarl_au = LegalForm.objects.get(code="sarl-au")
    page.check(f"input[name=legal_form][value='{sarl_au.pk}']")
    page.fill("#id_capital", "20000")
    page.locator("form.card button.btn-primary").click()

    # The live check listens once its (deferred) script has run: typing earlier goes unheard.
    page.wait_for_url(re.compile(r"/step/3/"))
    page.wait_for_load_state("load")
    page.fill("#id_name_1", "بنك الأطلس")
    page.wait_for_selector("#id_name_1-live li")  # live check: a misleading word
    page.fill("#id_name_1", "مخبزة الأطلس")
    page.fill("#id_name_2", "Atlas Pâtisserie")
    screenshot(page, "company_names_ar")
    page.locator("form.card button.btn-primary").click()

    page.fill("#id_partners-0-full_name", "سلمى بناني")
    page.select_option("#id_partners-0-id_type", "cin")
    page.fill("#id_partners-0-id_number", "BE123456")
    page.fill("#id_partners-0-nationality", "مغربية")
    page.fill("#id_partners-0-share", "100")
    page.check("#id_partners-0-is_manager")
    page.locator("form.card button.btn-primary").click()

    upload = page.locator("form[enctype='multipart/form-data']")
    for kind, name in (("id", "cin.png"), ("domiciliation", "domiciliation.png")):
        upload.locator("select[name=kind]").select_option(kind)
        upload.locator("input[type=file]").set_input_files(str(_png(tmp_path / name)))
        upload.locator("button[type=submit]").click()
        page.wait_for_load_state()
    page.check("input[name=office_kind][value=domiciliation]")
    page.fill("#id_office_address", "12 زنقة علال بن عبد الله، الدار البيضاء")
    page.locator("form.card button.btn-primary").click()

    screenshot(page, "company_check_ar")
    page.locator("button.btn-success").click()
    company = CompanyRequest.objects.get(case__owner=entrepreneur)
    assert company.status == S.SUBMITTED
    assert company.receipt_language == "ar"
    page.wait_for_selector(f"text={company.reference}")
    detail = f"/fr/filings/companies/{company.public_id}/"

    advisor_context = browser.new_context(base_url=live_server.url)
    advisor = advisor_context.new_page()
    _sign_in(advisor_context, advisor_a, live_server)
    advisor.goto("/fr/filings/companies/queue/")
    advisor.click(f"text={company.reference}")
    advisor.locator("form[action$='/claim/'] button").click()
    _advisor_does(advisor, S.INFO_REQUESTED, {"info_request": "Merci de corriger le capital."})
    company.refresh_from_db()
    assert company.status == S.INFO_REQUESTED and company.case.advisor == advisor_a

    page.goto(detail.replace("/fr/", "/ar/"))
    assert "Merci de corriger le capital." in page.content()
    page.goto(f"/ar/filings/companies/{company.public_id}/step/2/")
    page.fill("#id_capital", "25000")
    page.locator("form.card button.btn-primary").click()
    page.goto(f"/ar/filings/companies/{company.public_id}/step/6/")
    page.locator("button.btn-success").click()
    company.refresh_from_db()
    assert company.status == S.SUBMITTED and company.capital == 25000

    advisor.goto(detail)
    _advisor_does(advisor, S.CERTIFICATE_REQUESTED)
    _advisor_does(
        advisor,
        S.CERTIFICATE_OBTAINED,
        {"certificate_number": "2026-118877", "certificate_name": "مخبزة الأطلس"},
    )
    _advisor_does(advisor, S.STATUTES)
    _advisor_does(advisor, S.REGISTRATIONS)
    _advisor_does(
        advisor,
        S.COMPANY_CREATED,
        {"if_number": "51234567", "ice_number": "002345678000091", "rc_number": "556677",
         "cnss_number": "8877665"},
    )  # fmt: skip
    screenshot(advisor, "company_created_fr")
    company.refresh_from_db()
    assert company.status == S.COMPANY_CREATED
    assert company.rc_number == "556677"
    steps = list(company.case.events.filter(kind="transition").values_list("to_status", flat=True))
    assert steps == [
        S.DRAFT, S.SUBMITTED, S.INFO_REQUESTED, S.SUBMITTED, S.CERTIFICATE_REQUESTED,
        S.CERTIFICATE_OBTAINED, S.STATUTES, S.REGISTRATIONS, S.COMPANY_CREATED,
    ]  # fmt: skip

    page.goto(detail.replace("/fr/", "/ar/"))
    assert re.search("002345678000091", page.content())
    screenshot(page, "company_created_ar")
    advisor_context.close()
