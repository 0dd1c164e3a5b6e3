"""Every role against every URL of a company-creation request."""

import pytest
from django.urls import reverse

from filings.models import CompanyStatus

from .company_helpers import request_in

S = CompanyStatus
ROLES = ["anonymous", "entrepreneur", "other_entrepreneur", "advisor_a", "advisor_b",
         "hub_editor", "office_staff"]  # fmt: skip
CAN_VIEW = {"entrepreneur", "advisor_a", "office_staff"}


def _client(client, personas, role):
    if role != "anonymous":
        client.force_login(personas[role])
    return client


@pytest.fixture
def submitted(personas, hub_a):
    return request_in(S.SUBMITTED, personas["entrepreneur"], hub_a, personas["advisor_a"])


def _expect_denied(response, role):
    if role == "anonymous":
        assert response.status_code == 302 and "/login" in response["Location"]
    else:
        assert response.status_code in (403, 404)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["company_detail", "company_receipt", "document"])
def test_read_urls_by_role(client, personas, submitted, role, page):
    from filings.services.company import company_render_receipt

    company_render_receipt(request_id=submitted.pk)
    if page == "document":
        url = reverse("filings:company_document", args=[submitted.documents.first().public_id])
    else:
        url = reverse(f"filings:{page}", args=[submitted.public_id])
    response = _client(client, personas, role).get(url)
    if role in CAN_VIEW:
        assert response.status_code == 200
        if page == "document":
            assert response["X-Content-Type-Options"] == "nosniff"
            assert b"".join(response.streaming_content)[:4] == b"\x89PNG"
    else:
        _expect_denied(response, role)


@pytest.mark.parametrize("role", ROLES)
def test_moving_a_request_by_role(client, personas, submitted, role):
    url = reverse("filings:company_transition", args=[submitted.public_id])
    response = _client(client, personas, role).post(url, {"to_status": S.CERTIFICATE_REQUESTED})
    submitted.refresh_from_db()
    moved = submitted.status == S.CERTIFICATE_REQUESTED
    assert moved == (role == "advisor_a")
    if role not in CAN_VIEW:
        _expect_denied(response, role)


@pytest.mark.parametrize("role", ROLES)
def test_messages_by_role(client, personas, submitted, role):
    url = reverse("filings:company_message", args=[submitted.public_id])
    _client(client, personas, role).post(url, {"text": f"hello from {role}"})
    written = submitted.case.events.filter(kind="message", note=f"hello from {role}").exists()
    assert written == (role in {"entrepreneur", "advisor_a"})


@pytest.mark.parametrize("role", ROLES)
def test_claim_by_role(client, personas, submitted, role):
    url = reverse("filings:company_claim", args=[submitted.public_id])
    _client(client, personas, role).post(url)
    submitted.case.refresh_from_db()
    assert (submitted.case.advisor_id is not None) == (role == "advisor_a")


@pytest.mark.parametrize("role", ROLES)
def test_assign_by_role_only_hub_manager(client, personas, submitted, role):
    url = reverse("filings:company_assign", args=[submitted.public_id])
    response = _client(client, personas, role).post(url, {"advisor": personas["advisor_a"].pk})
    submitted.case.refresh_from_db()
    assert submitted.case.advisor_id is None
    if role != "anonymous":
        assert response.status_code in (403, 404)


@pytest.mark.parametrize("role", ROLES)
def test_edit_steps_only_by_owner(client, personas, hub_a, role):
    company = request_in(S.DRAFT, personas["entrepreneur"], hub_a, personas["advisor_a"])
    url = reverse("filings:company_step", args=[company.public_id, 1])
    response = _client(client, personas, role).get(url)
    if role == "entrepreneur":
        assert response.status_code == 200
    else:
        _expect_denied(response, role)


@pytest.mark.parametrize("role", ROLES)
def test_upload_by_role(client, personas, hub_a, role):
    from .company_helpers import png_bytes

    company = request_in(S.DRAFT, personas["entrepreneur"], hub_a, personas["advisor_a"])
    before = company.documents.count()
    url = reverse("filings:company_document_upload", args=[company.public_id])
    from django.core.files.uploadedfile import SimpleUploadedFile

    _client(client, personas, role).post(
        url, {"kind": "other", "file": SimpleUploadedFile("x.png", png_bytes())}
    )
    assert company.documents.count() == before + (1 if role == "entrepreneur" else 0)


@pytest.mark.parametrize("role", ROLES)
def test_queue_by_role(client, personas, submitted, role):
    response = _client(client, personas, role).get(reverse("filings:company_queue"))
    if role == "advisor_a":
        assert response.status_code == 200
        assert submitted.reference in response.content.decode()
    elif role == "advisor_b":
        assert response.status_code == 200
        assert submitted.reference not in response.content.decode()
    else:
        _expect_denied(response, role)


def test_a_draft_stays_private_to_its_author(client, personas, hub_a):
    company = request_in(S.DRAFT, personas["entrepreneur"], hub_a, personas["advisor_a"])
    client.force_login(personas["advisor_a"])
    response = client.get(reverse("filings:company_detail", args=[company.public_id]))
    assert response.status_code == 403


def test_queue_lists_oldest_waiting_first_in_a_fixed_number_of_queries(
    client, personas, hub_a, django_assert_max_num_queries
):
    import datetime

    from django.utils import timezone

    from filings.models import CompanyRequest

    companies = [
        request_in(S.SUBMITTED, personas["entrepreneur"], hub_a, personas["advisor_a"])
        for _ in range(4)
    ]
    for age, company in enumerate(companies):
        CompanyRequest.objects.filter(pk=company.pk).update(
            status_changed_at=timezone.now() - datetime.timedelta(days=age)
        )
    client.force_login(personas["advisor_a"])
    with django_assert_max_num_queries(14):
        response = client.get(reverse("filings:company_queue"))
    queue = list(response.context["queue"])
    assert [c.pk for c in queue] == [c.pk for c in reversed(companies)]
    older = client.get(reverse("filings:company_queue"), {"older_than": 2})
    assert {c.pk for c in older.context["queue"]} == {companies[2].pk, companies[3].pk}


def test_name_check_endpoint_answers_json_to_signed_in_users(client, personas):
    url = reverse("filings:company_name_check")
    assert client.get(url, {"name": "x"}).status_code == 302
    client.force_login(personas["entrepreneur"])
    data = client.get(url, {"name": "Banque <Atlas>"}).json()
    assert data["errors"] and data["warnings"][0]["kind"] == "misleading"


@pytest.mark.parametrize("request_id", ["not-a-uuid", "\u00b2", "<script>", "0" * 33])
def test_name_check_says_an_unreadable_request_id_is_a_bad_request(client, personas, request_id):
    client.force_login(personas["entrepreneur"])
    response = client.get(
        reverse("filings:company_name_check"), {"name": "Atlas", "request": request_id}
    )
    assert response.status_code == 400
    assert response.json() == {"error": "Cette demande n'a pas pu être lue."}
