"""The entrepreneur's steps: rules of the legal forms, names, uploads; what was typed is kept."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from filings.company_forms import DOCUMENT_MAX_BYTES
from filings.models import CompanyStatus, LegalForm
from filings.services import company as services
from filings.services.register_import import mark_from_row

from .company_helpers import draft_request, move, pdf_bytes, png_bytes


@pytest.fixture
def draft(entrepreneur, hub_a):
    return services.company_request_start(owner=entrepreneur, hub=hub_a)


def _step(client, company, step, data):
    return client.post(reverse("filings:company_step", args=[company.public_id, step]), data)


def _partners(rows):
    data = {"partners-TOTAL_FORMS": len(rows), "partners-INITIAL_FORMS": 0,
            "partners-MIN_NUM_FORMS": 1, "partners-MAX_NUM_FORMS": 10}  # fmt: skip
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"partners-{i}-{key}"] = value
    return data


def _partner(name, share, manager=True):
    row = {"full_name": name, "id_type": "cin", "id_number": "AB12345",
           "nationality": "Marocaine", "share": share}  # fmt: skip
    if manager:
        row["is_manager"] = "on"
    return row


def _reach(company, step):
    type(company).objects.filter(pk=company.pk).update(step=step)


def test_each_step_is_saved_as_a_draft_and_resumes(client, entrepreneur, draft, hub_a):
    client.force_login(entrepreneur)
    response = _step(client, draft, 1, {"activity": "Cosmétiques à l'argan",
                                        "region": hub_a.chamber.region_id})  # fmt: skip
    assert response.status_code == 302 and response["Location"].endswith("/step/2/")
    draft.refresh_from_db()
    assert draft.activity == "Cosmétiques à l'argan" and draft.step == 2
    client.logout()
    client.force_login(entrepreneur)  # another device: a new session
    page = client.get(reverse("filings:company_step", args=[draft.public_id, 1]))
    assert "Cosmétiques à l&#x27;argan" in page.content.decode()


def test_capital_below_the_minimum_of_an_sa_is_refused_and_kept(client, entrepreneur, draft):
    _reach(draft, 2)
    client.force_login(entrepreneur)
    sa = LegalForm.objects.get(code="sa")
    response = _step(client, draft, 2, {"legal_form": sa.pk, "capital": "1000"})
    assert response.status_code == 400
    assert "300" in response.context["form"].errors["capital"][0]
    assert 'value="1000"' in response.content.decode()


def test_capital_must_be_a_number(client, entrepreneur, draft):
    _reach(draft, 2)
    client.force_login(entrepreneur)
    sarl = LegalForm.objects.get(code="sarl")
    response = _step(client, draft, 2, {"legal_form": sarl.pk, "capital": "dix mille"})
    assert response.status_code == 400 and "capital" in response.context["form"].errors


@pytest.mark.parametrize(
    "code,rows,message",
    [
        ("sarl-au", [_partner("A", "50"), _partner("B", "50")], "exactly one partner"),
        ("sarl", [_partner("A", "60"), _partner("B", "30")], "100 %"),
        ("sarl", [_partner("A", "100")], "between 2 and 50"),
        ("sarl", [_partner("A", "50", False), _partner("B", "50", False)], "manager"),
    ],
)
def test_partner_rules_of_the_legal_form(client, entrepreneur, draft, code, rows, message):
    type(draft).objects.filter(pk=draft.pk).update(
        legal_form=LegalForm.objects.get(code=code), step=4
    )
    client.force_login(entrepreneur)
    from django.utils import translation

    with translation.override("en"):
        response = client.post(
            reverse("filings:company_step", args=[draft.public_id, 4]),
            _partners(rows),
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 400
    errors = " ".join(str(e) for e in response.context["form"].non_form_errors())
    assert message in errors
    assert draft.partners.count() == 0
    assert 'value="AB12345"' in response.content.decode()


def test_valid_partners_are_saved(client, entrepreneur, draft):
    type(draft).objects.filter(pk=draft.pk).update(
        legal_form=LegalForm.objects.get(code="sarl"), step=4
    )
    client.force_login(entrepreneur)
    response = _step(client, draft, 4, _partners([_partner("A", "60"), _partner("B", "40", False)]))
    assert response.status_code == 302
    assert sorted(draft.partners.values_list("share", flat=True)) == [Decimal(40), Decimal(60)]


def test_add_partner_keeps_the_rows_already_typed(client, entrepreneur, draft):
    _reach(draft, 4)
    client.force_login(entrepreneur)
    data = _partners([_partner("Karim Alaoui", "100")])
    data["add_partner"] = "1"
    response = _step(client, draft, 4, data)
    assert response.context["form"].total_form_count() == 2
    assert "Karim Alaoui" in response.content.decode()


@pytest.mark.parametrize(
    "name,message",
    [
        ("Atlas <script>", "characters"),
        ("x" * 130, "too long"),
        ("Ministère du Commerce", "cannot be used"),
    ],
)
def test_bad_names_are_refused_with_a_clear_message(client, entrepreneur, draft, name, message):
    _reach(draft, 3)
    client.force_login(entrepreneur)
    from django.utils import translation

    with translation.override("en"):
        response = _step(client, draft, 3, {"name_1": name})
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors["name_1"])
    draft.refresh_from_db()
    assert draft.name_1 == ""


def test_empty_first_name_is_required(client, entrepreneur, draft):
    _reach(draft, 3)
    client.force_login(entrepreneur)
    response = _step(client, draft, 3, {"name_1": "  "})
    assert response.status_code == 400 and "name_1" in response.context["form"].errors


def test_names_are_checked_against_the_register_and_earlier_requests(
    entrepreneur, other_entrepreneur, advisor_a, hub_a
):
    mark_from_row(
        {"number": "123456", "mark": "ATLASSIA", "nice_classes": "29 30", "status": "registered"}
    ).save()
    earlier = draft_request(other_entrepreneur, hub_a, names=("Dattes du Sud",))
    move(earlier, CompanyStatus.SUBMITTED, other_entrepreneur)
    result = services.company_name_check(name="Atlasia")
    kinds = {w["kind"] for w in result["warnings"]}
    assert "trademark" in kinds
    assert any("123456" in str(w["text"]) for w in result["warnings"])
    platform = services.company_name_check(name="Dattes du Sud")
    assert [w["kind"] for w in platform["warnings"]] == ["platform"]
    assert services.company_name_check(name="Dattes du Sud", exclude=earlier)["warnings"] == []


def test_misleading_words_warn_but_do_not_block():
    result = services.company_name_check(name="Banque Atlas")
    assert result["errors"] == []
    assert result["warnings"][0]["kind"] == "misleading"


UPLOAD_CASES = [
    ("fake.png", b"MZ\x90\x00 this is an executable", "none of them"),
    ("corrupt.png", png_bytes()[:60], "damaged"),
    ("cut.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\n", "damaged"),
    ("empty.pdf", b"", "empty"),
    ("page.pdf", b"<html><script>alert(1)</script></html>", "none of them"),
]


@pytest.mark.parametrize("name,content,message", UPLOAD_CASES)
def test_bad_uploads_are_refused_with_a_clear_message(
    client, entrepreneur, draft, name, content, message
):
    client.force_login(entrepreneur)
    from django.utils import translation

    with translation.override("en"):
        response = client.post(
            reverse("filings:company_document_upload", args=[draft.public_id]),
            {"kind": "id", "file": SimpleUploadedFile(name, content)},
            follow=True,
        )
    assert draft.documents.count() == 0
    assert message in " ".join(str(m) for m in response.context["messages"])


def test_huge_upload_is_refused(client, entrepreneur, draft):
    client.force_login(entrepreneur)
    huge = SimpleUploadedFile("big.pdf", pdf_bytes() + b"0" * DOCUMENT_MAX_BYTES)
    response = client.post(
        reverse("filings:company_document_upload", args=[draft.public_id]),
        {"kind": "id", "file": huge},
        follow=True,
    )
    assert draft.documents.count() == 0
    assert "10" in " ".join(str(m) for m in response.context["messages"])


def test_good_uploads_are_stored_under_random_names(client, entrepreneur, draft):
    client.force_login(entrepreneur)
    for name, content in (("ma cin.png", png_bytes()), ("bail.pdf", pdf_bytes())):
        client.post(
            reverse("filings:company_document_upload", args=[draft.public_id]),
            {"kind": "id", "file": SimpleUploadedFile(name, content, "text/plain")},
        )
    docs = list(draft.documents.order_by("pk"))
    assert [d.content_type for d in docs] == ["image/png", "application/pdf"]
    assert [d.original_name for d in docs] == ["ma cin.png", "bail.pdf"]
    assert all(d.file.name.startswith("company_documents/") and "cin" not in d.file.name
               for d in docs)  # fmt: skip
