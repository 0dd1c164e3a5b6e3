import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from filings.models import PreFilingStatus, TrademarkPreFiling
from filings.services.trademark import prefiling_transition
from tests.accounts.factories import sign_in_with_mfa
from tests.filings.factories import complete_prefiling, png_bytes, register

S = PreFilingStatus
VIEWERS = {"entrepreneur", "advisor_a", "office_staff"}
OUTSIDERS = {"other_entrepreneur", "advisor_b", "hub_editor"}


@pytest.fixture
def submitted(personas, hub_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    prefiling = complete_prefiling(owner=personas["entrepreneur"], hub=hub_a)
    prefiling.logo.save("x.png", SimpleUploadedFile("x.png", png_bytes()), save=True)
    prefiling_transition(prefiling=prefiling, to_status=S.SUBMITTED, actor=personas["entrepreneur"])
    prefiling.refresh_from_db()
    prefiling.filing_file.save("f.pdf", SimpleUploadedFile("f.pdf", b"%PDF-1.7 test"), save=True)
    return prefiling


def _url(name, prefiling, *extra):
    return reverse(f"filings:{name}", args=[prefiling.public_id, *extra])


@pytest.mark.parametrize("persona", sorted(VIEWERS | OUTSIDERS))
@pytest.mark.parametrize("name", ["trademark_detail", "trademark_logo", "trademark_filing_file"])
def test_case_pages_open_only_for_owner_hub_advisors_and_office_staff(
    client, personas, submitted, persona, name
):
    client.force_login(personas[persona])
    response = client.get(_url(name, submitted))
    assert response.status_code == (200 if persona in VIEWERS else 403)


@pytest.mark.parametrize("persona", sorted(VIEWERS | OUTSIDERS))
def test_only_the_owner_opens_the_assistant_steps(client, personas, hub_a, persona):
    prefiling = complete_prefiling(owner=personas["entrepreneur"], hub=hub_a)
    client.force_login(personas[persona])
    for step in (1, 2, 3, 4):
        response = client.get(_url("trademark_step", prefiling, step))
        assert response.status_code == (200 if persona == "entrepreneur" else 403)


@pytest.mark.parametrize("persona", sorted(VIEWERS | OUTSIDERS))
def test_only_advisors_of_the_hub_can_approve_through_the_page(
    client, personas, submitted, persona
):
    client.force_login(personas[persona])
    response = client.post(_url("trademark_transition", submitted), {"to_status": S.APPROVED})
    submitted.refresh_from_db()
    if persona in OUTSIDERS:
        assert response.status_code == 403
    else:
        assert response.status_code == 302
    assert submitted.status == (S.APPROVED if persona == "advisor_a" else S.SUBMITTED)


@pytest.mark.parametrize("persona", sorted(VIEWERS | OUTSIDERS))
def test_review_list_is_for_advisors_and_shows_only_their_hubs(
    client, personas, submitted, persona, django_assert_max_num_queries
):
    client.force_login(personas[persona])
    response = client.get(reverse("filings:review_list"))
    if persona not in {"advisor_a", "advisor_b"}:
        assert response.status_code == 403
        return
    assert response.status_code == 200
    assert (submitted.case.reference in response.content.decode()) is (persona == "advisor_a")


def test_review_list_query_count_does_not_grow_with_files(
    client, personas, hub_a, django_assert_max_num_queries
):
    for i in range(6):
        prefiling = complete_prefiling(owner=personas["entrepreneur"], hub=hub_a, mark=f"M{i}")
        prefiling_transition(
            prefiling=prefiling, to_status=S.SUBMITTED, actor=personas["entrepreneur"]
        )
    client.force_login(personas["advisor_a"])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("filings:review_list"))
    assert response.content.decode().count("TM-") == 6


def test_anonymous_visitors_are_sent_to_login(client, submitted):
    for url in [
        reverse("filings:trademark_list"),
        reverse("filings:review_list"),
        reverse("filings:similarity_json"),
        _url("trademark_detail", submitted),
        _url("trademark_step", submitted, 1),
        _url("trademark_filing_file", submitted),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert "/login/" in response["Location"]


def test_unknown_case_is_not_found(client, entrepreneur):
    client.force_login(entrepreneur)
    url = reverse("filings:trademark_detail", args=["00000000-0000-0000-0000-000000000000"])
    assert client.get(url).status_code == 404


def test_entrepreneur_walks_the_assistant_and_each_step_is_saved_as_draft(
    client, entrepreneur, hub_a, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    register(("E-1", "PHARMAVIE", "5"))
    client.force_login(entrepreneur)
    response = client.post(
        reverse("filings:trademark_list"), {"hub": hub_a.pk, "mark_text": "FARMAVIE"}
    )
    prefiling = TrademarkPreFiling.objects.get()
    assert response["Location"] == _url("trademark_step", prefiling, 1)

    page = client.get(_url("trademark_step", prefiling, 1)).content.decode()
    assert "PHARMAVIE" in page  # the similarity report is shown on the mark step
    logo = SimpleUploadedFile("my logo.png", png_bytes(), content_type="image/png")
    response = client.post(
        _url("trademark_step", prefiling, 1),
        {"mark_type": "combined", "mark_text": "FARMAVIE", "logo": logo},
    )
    assert response.status_code == 302
    prefiling.refresh_from_db()
    assert (
        prefiling.logo.name.startswith("trademark_logos/") and "my logo" not in prefiling.logo.name
    )
    assert prefiling.step == 2

    response = client.post(
        _url("trademark_step", prefiling, 2),
        {
            "applicant_kind": "company",
            "applicant_name": "Farma SARL",
            "applicant_address": "Casablanca",
            "applicant_resides_in_morocco": "on",
            "agent_name": "Cabinet Conseil",
            "agent_address": "Rabat",
        },
    )
    assert response.status_code == 302
    term = prefiling.terms.model.objects.filter(nice_class_id=5).first()
    response = client.post(
        _url("trademark_step", prefiling, 3),
        {"terms": [term.pk], "extra_classes": [35], "channel": "online"},
    )
    assert response.status_code == 302
    prefiling.refresh_from_db()
    assert prefiling.classes == [5, 35]

    page = client.get(_url("trademark_step", prefiling, 4)).content.decode()
    assert "<bdi>2\u202f160\u00a0MAD</bdi>" in page  # the fee estimate, written the French way
    assert "risk-high" in page
    response = client.post(_url("trademark_transition", prefiling), {"to_status": S.SUBMITTED})
    prefiling.refresh_from_db()
    assert prefiling.status == S.SUBMITTED
    assert prefiling.similarity_report["highest_risk"] == "high"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("logo.png", b"<?php echo 1; ?>" * 10), "not a PNG or JPEG"),
        (SimpleUploadedFile("logo.gif", png_bytes(fmt="GIF")), "not a PNG or JPEG"),
        (SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * (2 * 1024 * 1024 + 1)), "2 MB"),
        (SimpleUploadedFile("tiny.png", png_bytes(size=(4, 4))), "16 and 4000"),
    ],
)
def test_bad_logos_are_refused_with_a_clear_message_and_input_kept(
    client, entrepreneur, hub_a, upload, message
):
    prefiling = complete_prefiling(owner=entrepreneur, hub=hub_a)
    client.force_login(entrepreneur)
    response = client.post(
        _url("trademark_step", prefiling, 1),
        {"mark_type": "combined", "mark_text": "KEEP ME", "logo": upload},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "KEEP ME" in page
    prefiling.refresh_from_db()
    assert not prefiling.logo


def test_markup_in_text_fields_is_refused(client, entrepreneur, hub_a):
    prefiling = complete_prefiling(owner=entrepreneur, hub=hub_a)
    client.force_login(entrepreneur)
    response = client.post(
        _url("trademark_step", prefiling, 1),
        {"mark_type": "word", "mark_text": "<script>alert(1)</script>"},
    )
    assert response.status_code == 200
    prefiling.refresh_from_db()
    assert prefiling.mark_text == "KOALA"


def test_a_submitted_file_cannot_be_edited_through_the_steps(client, entrepreneur, submitted):
    client.force_login(entrepreneur)
    response = client.post(
        _url("trademark_step", submitted, 1), {"mark_type": "word", "mark_text": "OTHER"}
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.mark_text == "KOALA"


def test_classes_step_searches_terms_and_suggests_classes(client, entrepreneur, hub_a):
    prefiling = complete_prefiling(owner=entrepreneur, hub=hub_a)
    client.force_login(entrepreneur)
    page = client.get(_url("trademark_step", prefiling, 3), {"q": "miel"}).content.decode()
    assert "Miel" in page
    page = client.get(
        _url("trademark_step", prefiling, 3), {"describe": "Je fabrique des savons et parfums"}
    ).content.decode()
    assert "Cosmétiques" in page


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("miel\x00", "Miel"),  # PostgreSQL refuses a NUL in any string it is sent
        ("\x00", None),
        ("\u00b2", None),  # a digit for str.isdigit(), not for int()
        ("\u0663", "Cosmétiques"),  # 3 in Arabic-Indic digits: class 3
    ],
)
def test_the_class_search_reads_any_keyword(client, entrepreneur, hub_a, typed, shown):
    prefiling = complete_prefiling(owner=entrepreneur, hub=hub_a)
    client.force_login(entrepreneur)
    response = client.get(_url("trademark_step", prefiling, 3), {"q": typed})
    assert response.status_code == 200
    if shown:
        assert shown in response.text


def test_live_similarity_endpoint_returns_explained_results(client, entrepreneur):
    register(("E-1", "نور", "3"))
    client.force_login(entrepreneur)
    data = client.get(reverse("filings:similarity_json"), {"q": "NOUR", "classes": ["3"]}).json()
    assert data["results"][0]["number"] == "E-1"
    assert data["results"][0]["risk"] == "high"
    assert data["results"][0]["reason_labels"]


def test_my_space_and_staff_area_show_the_trademark_sections(client, personas, submitted):
    client.force_login(personas["entrepreneur"])
    assert submitted.case.reference in client.get(reverse("accounts:my_space")).content.decode()
    client.force_login(personas["advisor_a"])
    page = client.get(reverse("accounts:staff_area")).content.decode()
    assert reverse("filings:review_list") in page


@pytest.mark.parametrize(
    ("risk", "language", "shown"),
    [("none", "fr", "aucun relevé"), ("low", "fr", "faible"), ("none", "ar", "لا شيء مرصود")],
)
def test_the_review_list_names_the_risk_in_the_readers_words(
    client, personas, submitted, risk, language, shown
):
    from filings.models import TrademarkPreFiling

    TrademarkPreFiling.objects.filter(pk=submitted.pk).update(
        similarity_report={**submitted.similarity_report, "highest_risk": risk}
    )
    sign_in_with_mfa(client, personas["advisor_a"])
    page = client.get(f"/{language}/filings/trademarks/review/").content.decode()
    row = next(line for line in page.splitlines() if submitted.case.reference in line)
    assert shown in row
    assert f"<td>{risk}</td>" not in row
