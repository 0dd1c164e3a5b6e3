"""Closed cases keep personal data only for the retention period in force; every opening of a
document is traced."""

import datetime

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone

from filings.models import CaseEvent, CompanyStatus, DocumentAccess, RetentionPeriod
from filings.services.personal_data import closed_cases_anonymise
from filings.tasks_company import closed_cases_anonymise_task
from hubs.labelling_figures import annual_figures
from tests.filings.company_helpers import request_in


def _age(company, days):
    CaseEvent.objects.filter(case=company.case).update(
        at=timezone.now() - datetime.timedelta(days=days)
    )


@pytest.fixture
def one_year(db):
    RetentionPeriod.objects.all().delete()
    return RetentionPeriod.objects.create(
        months=12, source="Décision du bureau n° 1", effective_date=datetime.date(2020, 1, 1)
    )


def test_closed_cases_past_the_period_are_anonymised_and_still_counted(
    settings, tmp_path, one_year, entrepreneur, hub_a, advisor_a, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    old = request_in(CompanyStatus.COMPANY_CREATED, entrepreneur, hub_a, advisor_a)
    recent = request_in(CompanyStatus.COMPANY_CREATED, entrepreneur, hub_a, advisor_a)
    still_open = request_in(CompanyStatus.STATUTES, entrepreneur, hub_a, advisor_a)
    for company in (old, still_open):
        _age(company, 400)
    _age(recent, 300)
    documents = [d.file.name for d in old.documents.all()]
    start, end = datetime.date(2020, 1, 1), timezone.localdate() + datetime.timedelta(days=1)
    before = annual_figures(hub=hub_a, start=start, end=end)

    with django_capture_on_commit_callbacks(execute=True):
        assert closed_cases_anonymise_task.delay().get() == 1

    old.refresh_from_db()
    assert old.case.anonymised_at is not None
    assert old.activity == "" and old.name_1 == "" and old.rc_number == ""
    assert not old.partners.exists() and not old.documents.exists()
    assert all(not (tmp_path / name).exists() for name in documents)
    for company in (recent, still_open):
        company.refresh_from_db()
        assert company.case.anonymised_at is None and company.name_1
    assert annual_figures(hub=hub_a, start=start, end=end) == before
    assert closed_cases_anonymise() == 0  # idempotent


def test_the_period_in_force_is_the_latest_whose_date_has_come(one_year):
    RetentionPeriod.objects.create(
        months=6,
        source="Décision n° 2",
        effective_date=timezone.localdate() + datetime.timedelta(days=10),
    )
    assert RetentionPeriod.in_force() == one_year


def test_without_a_period_in_force_nothing_is_anonymised(entrepreneur, hub_a, advisor_a):
    RetentionPeriod.objects.all().delete()
    company = request_in(CompanyStatus.COMPANY_CREATED, entrepreneur, hub_a, advisor_a)
    _age(company, 5000)
    assert closed_cases_anonymise() == 0


def test_the_retention_job_is_scheduled():
    tasks = {entry["task"] for entry in django_settings.CELERY_BEAT_SCHEDULE.values()}
    assert "filings.tasks_company.closed_cases_anonymise_task" in tasks


def test_opening_an_identity_document_is_logged_with_who_when_and_from_where(
    client, settings, tmp_path, entrepreneur, hub_a, advisor_a
):
    settings.MEDIA_ROOT = tmp_path
    company = request_in(CompanyStatus.SUBMITTED, entrepreneur, hub_a, advisor_a)
    document = company.documents.get(kind="id")
    client.force_login(advisor_a)
    response = client.get(
        reverse("filings:company_document", kwargs={"public_id": document.public_id}),
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 200
    access = DocumentAccess.objects.get()
    assert access.accessed_by == advisor_a
    assert access.document == document and access.document_kind == "id"
    assert access.case == company.case and access.case_reference == company.case.reference
    assert access.ip_address == "203.0.113.9"


def test_a_refused_opening_leaves_no_trace(
    client, settings, tmp_path, entrepreneur, hub_a, advisor_a, advisor_b
):
    settings.MEDIA_ROOT = tmp_path
    company = request_in(CompanyStatus.SUBMITTED, entrepreneur, hub_a, advisor_a)
    document = company.documents.get(kind="id")
    client.force_login(advisor_b)
    response = client.get(
        reverse("filings:company_document", kwargs={"public_id": document.public_id})
    )
    assert response.status_code == 403
    assert not DocumentAccess.objects.exists()


@pytest.mark.parametrize(
    ("persona", "status"),
    [("entrepreneur", 403), ("advisor_a", 403), ("hub_editor", 403), ("office_staff", 200)],
)
def test_only_office_staff_read_the_access_log(client, personas, persona, status):
    client.force_login(personas[persona])
    assert client.get(reverse("filings:document_access_log")).status_code == status


@pytest.fixture
def opened_by_an_advisor(client, settings, tmp_path, personas, hub_a):
    """A submitted request whose identity document its advisor has just opened."""
    settings.MEDIA_ROOT = tmp_path
    company = request_in(
        CompanyStatus.SUBMITTED, personas["entrepreneur"], hub_a, personas["advisor_a"]
    )
    document = company.documents.get(kind="id")
    client.force_login(personas["advisor_a"])
    client.get(reverse("filings:company_document", kwargs={"public_id": document.public_id}))
    return company, document


def test_office_staff_see_each_opening_in_the_log(client, personas, opened_by_an_advisor):
    company, document = opened_by_an_advisor
    client.force_login(personas["office_staff"])
    response = client.get(reverse("filings:document_access_log"), {"case": company.case.reference})
    body = response.content.decode()
    assert company.case.reference in body and str(document.public_id) in body


def test_a_nul_in_the_searched_reference_is_ignored(client, personas, opened_by_an_advisor):
    company, document = opened_by_an_advisor
    client.force_login(personas["office_staff"])
    url = reverse("filings:document_access_log")
    response = client.get(url, {"case": company.case.reference + "\x00"})
    assert response.status_code == 200
    assert str(document.public_id) in response.text
    assert client.get(url, {"case": "\x00"}).status_code == 200
