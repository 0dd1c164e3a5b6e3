import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from hubs.labelling_files import MAX_EVIDENCE_BYTES
from hubs.models.labelling import ApplicationEvidence
from tests.hubs.labelling_support import (  # noqa: F401
    PDF_BYTES,
    chamber_manager,
    fast_password_hashing,
    make_application,
    png_bytes,
    private_media,
)

pytestmark = pytest.mark.usefixtures("private_media")


@pytest.fixture
def draft(hub_a, chamber_manager):
    return make_application(hub=hub_a, manager=chamber_manager, evidence=False)


def _upload(client, draft, name, content):
    return client.post(
        reverse("hubs:labelling_evidence_add", kwargs={"public_id": draft.public_id}),
        {
            "description": "Plan <b>de l'espace</b>" if name == "html" else "Plan",
            "file": SimpleUploadedFile(name, content),
        },
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("fake.pdf", b"MZ\x90\x00 not a pdf at all", "Only PDF, JPEG and PNG"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + b"garbage" * 10, "damaged"),
        ("empty.pdf", b"", "empty"),
        ("huge.pdf", b"%PDF-" + b"0" * MAX_EVIDENCE_BYTES, "too large"),
        ("page.html", b"<html><script>alert(1)</script></html>", "Only PDF, JPEG and PNG"),
    ],
)
def test_a_fake_or_oversized_file_is_refused_with_a_clear_message(
    client, draft, chamber_manager, name, content, message
):
    client.force_login(chamber_manager)
    with translation.override("en"):
        response = client.post(
            "/en"
            + reverse("hubs:labelling_evidence_add", kwargs={"public_id": draft.public_id})[3:],
            {"description": "Plan de l'espace", "file": SimpleUploadedFile(name, content)},
        )
    assert response.status_code == 400
    assert message in response.content.decode()
    # What was typed stays in the form.
    assert "Plan de l&#x27;espace" in response.content.decode()
    assert not ApplicationEvidence.objects.exists()


@pytest.mark.parametrize(("name", "content"), [("plan.pdf", PDF_BYTES), ("photo.png", None)])
def test_real_files_are_stored_under_a_random_name_outside_media(
    client, draft, chamber_manager, private_media, settings, name, content
):
    client.force_login(chamber_manager)
    response = client.post(
        reverse("hubs:labelling_evidence_add", kwargs={"public_id": draft.public_id}),
        {"description": "Photo", "file": SimpleUploadedFile(name, content or png_bytes())},
    )
    assert response.status_code == 302
    evidence = ApplicationEvidence.objects.get()
    assert evidence.original_name == name
    assert name not in evidence.file.name
    stored = private_media / evidence.file.name
    assert stored.exists()
    assert str(settings.MEDIA_ROOT) not in str(stored)
    download = client.get(
        reverse(
            "hubs:labelling_evidence",
            kwargs={"public_id": draft.public_id, "evidence_id": evidence.public_id},
        )
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == (content or png_bytes())
    assert download["X-Content-Type-Options"] == "nosniff"


def test_evidence_cannot_be_added_once_submitted(client, hub_a, chamber_manager):
    from hubs.services import labelling as services

    application = make_application(hub=hub_a, manager=chamber_manager)
    services.application_submit(application=application, actor=chamber_manager)
    client.force_login(chamber_manager)
    response = client.post(
        reverse("hubs:labelling_evidence_add", kwargs={"public_id": application.public_id}),
        {"description": "Plan", "file": SimpleUploadedFile("x.pdf", PDF_BYTES)},
    )
    assert application.evidence.count() == 1
    assert response.status_code == 400
    assert (
        "ne peut plus être modifié" in response.content.decode()
        or "no longer" in response.content.decode()
    )


def test_html_in_text_is_refused_and_kept(client, draft, chamber_manager):
    client.force_login(chamber_manager)
    response = client.post(
        reverse("hubs:labelling_application_edit", kwargs={"public_id": draft.public_id}),
        {"team": "<script>alert(1)</script>", "surface_m2": "abc"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert response.context["form"].errors.keys() >= {"team", "surface_m2"}
