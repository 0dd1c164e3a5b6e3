"""One founder's case file, followed in the browser: a company request whose name is refused,
the brand protected in the same case, two meetings (one booked from the blocked step), the
timeline in French, and the case page in Arabic on a phone; then the same journey, counted on
its hub's figures."""

import re
from datetime import time, timedelta

import pytest
from django.utils import timezone

from filings.data.company import seed
from filings.models import (
    Case,
    CaseAppointment,
    CompanyDelay,
    GoodsServicesTerm,
    LegalForm,
    MarkType,
    NameWord,
    PreFilingStatus,
)
from filings.services.trademark import prefiling_transition
from hubs.models import Appointment, BookingPolicy
from hubs.services.booking import appointment_close
from tests.accounts.factories import PASSWORD, UserFactory, activate_totp, make_office_staff
from tests.browser.test_figures import _logged_in
from tests.filings.company_helpers import S, request_in
from tests.hubs.factories_booking import open_hours

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, user, lang="fr"):
    page.goto(f"/{lang}/accounts/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(rf"/{lang}/my-space/"))


def _book_first_free_slot(page, description: str, *, slot_index=0):
    page.wait_for_selector("a.slot")
    page.locator("a.slot").nth(slot_index).click()
    page.wait_for_url(re.compile(r"/book/confirm/"))
    page.fill("#id_description", description)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/hubs/appointments/[0-9a-f-]+/$"))


def founder_case_journey(page, *, entrepreneur, advisor, hub) -> Case:
    """The founder's whole case, in French; returns the case. Reused by the dashboard checks."""
    seed(LegalForm, NameWord, CompanyDelay)  # a flush by an earlier browser test drops them
    open_hours(advisor, hub, weekdays=range(7), start=time(8), end=time(20))
    BookingPolicy.objects.update_or_create(pk=1, defaults={"change_cutoff_hours": 2})
    company = request_in(S.CERTIFICATE_REFUSED, entrepreneur, hub, advisor)
    case = company.case
    log_in(page, entrepreneur)

    page.goto(f"/fr/filings/cases/{case.public_id}/")
    next_steps = page.locator("[data-testid=case-next]")
    assert "autre nom" in next_steps.inner_text()

    # The brand of this company, protected in the same case.
    page.fill("#id_mark_text", "Atlas Dattes")
    page.click("[data-testid=protect-brand]")
    page.wait_for_url(re.compile(r"/filings/trademarks/[0-9a-f-]+/step/1/"))
    assert case.trademarks.get().mark_text == "Atlas Dattes"

    # A meeting booked from the blocked step: topic and case already filled in.
    page.goto(f"/fr/filings/cases/{case.public_id}/")
    page.click("[data-testid=book-from-step]")
    page.wait_for_url(re.compile(r"/book/\?topic=company_creation&case="))
    _book_first_free_slot(page, "Choisir un nouveau nom après le refus")
    page.wait_for_selector(f"a[href$='/filings/cases/{case.public_id}/']")

    # A second meeting, from the case page, choosing the case on the booking form.
    page.goto(f"/fr/filings/cases/{case.public_id}/")
    page.click(f"a[href*='case={case.public_id}&topic=other']")
    page.wait_for_url(re.compile(r"/book/"))
    _book_first_free_slot(page, "Les classes de ma marque", slot_index=3)
    assert CaseAppointment.objects.filter(case=case).count() == 2

    page.goto(f"/fr/filings/cases/{case.public_id}/")
    timeline = page.locator("[data-testid=case-timeline] li")
    texts = timeline.all_inner_texts()
    assert sum("Rendez-vous" in t for t in texts) == 2
    assert any("Certificat négatif refusé" in t for t in texts)
    assert any("Brouillon" in t for t in texts)  # the pre-filing started in this case
    assert "Rendez-vous" in texts[0]  # newest first: the meetings are ahead
    return case


def test_a_founders_case_file(page, phone_page, screenshot, entrepreneur, advisor_a, hub_a):
    case = founder_case_journey(page, entrepreneur=entrepreneur, advisor=advisor_a, hub=hub_a)
    screenshot(page, "case-file-fr")

    entrepreneur.preferred_language = "ar"
    entrepreneur.save()
    log_in(phone_page, entrepreneur, "ar")
    phone_page.goto(f"/ar/filings/cases/{case.public_id}/")
    assert phone_page.get_attribute("html", "dir") == "rtl"
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone_page, "case-file-ar-phone")


def _submit_the_brand(case, owner):
    prefiling = case.trademarks.get()
    prefiling.mark_type = MarkType.WORD
    prefiling.applicant_kind = "person"
    prefiling.applicant_name = "Salma Bennani"
    prefiling.applicant_address = "12 rue des Arts, Casablanca"
    prefiling.applicant_resides_in_morocco = True
    prefiling.classes = [29]
    prefiling.step = 4
    prefiling.save()
    prefiling.terms.set(GoodsServicesTerm.objects.filter(nice_class_id=29)[:2])
    prefiling_transition(
        prefiling=prefiling, to_status=PreFilingStatus.SUBMITTED, actor=owner, note=""
    )


def test_the_founders_journey_is_counted_on_the_hubs_figures(
    browser, live_server, page, entrepreneur, advisor_a, hub_a, screenshot
):
    case = founder_case_journey(page, entrepreneur=entrepreneur, advisor=advisor_a, hub=hub_a)
    _submit_the_brand(case, entrepreneur)
    first, second = Appointment.objects.filter(
        pk__in=case.appointment_links.values("appointment_id")
    ).order_by("starts_at")
    appointment_close(
        appointment=first,
        outcome=Appointment.Status.HELD,
        actor=advisor_a,
        now=first.starts_at + timedelta(minutes=30),
    )
    staff = UserFactory(email="staff.journey@example.org")
    make_office_staff(staff)
    activate_totp(staff)

    office = _logged_in(browser, live_server, staff, {"width": 1280, "height": 900})
    start = timezone.localdate().replace(day=1)
    end = timezone.localtime(second.starts_at).date()
    office.goto(f"/fr/hubs/figures/hubs/{hub_a.slug}/?start={start}&end={end}")

    def figure(key):
        return office.locator(f'[data-figure="{key}"] .figure-value').inner_text()

    assert figure("company_requests_received") == "1"
    assert figure("certificates_refused") == "1"
    assert figure("prefilings_received") == "1"
    assert figure("appointments_held") == "1"
    screenshot(office, "figures-hub-after-the-journey")
