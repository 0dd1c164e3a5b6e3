"""Every upload of the platform refuses what is not what it claims, with a clear message."""

import io
import struct
import zlib

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from core.storage import private_storage
from core.uploads import UploadRefused
from filings.company_forms import clean_company_document
from filings.forms import clean_logo
from filings.models import CompanyDocument
from hubs.labelling_files import evidence_file_kind
from tests.files import pdf_bytes, pdf_disguising, pdf_running_javascript
from tests.filings.company_helpers import draft_request

PDF = pdf_bytes()


def _png(size=(64, 64)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "PNG")
    return buffer.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_claiming(width: int, height: int) -> bytes:
    """A few hundred bytes announcing a huge image: decoding it would take gigabytes."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + _chunk(b"IEND", b"")
    )


HTML_PAGE = b"<html><body><script>new ActiveXObject('WScript.Shell').Run('calc')</script>"
SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(document.cookie)</script></svg>"
)


def _refusal(entry: str, upload, language="en") -> str | None:
    """The message the entry point answers, None if it accepts the file."""
    with translation.override(language):
        return _refusal_message(entry, upload)


def _refusal_message(entry: str, upload) -> str | None:
    try:
        if entry == "trademark logo":
            clean_logo(upload)
        elif entry == "company document":
            clean_company_document(upload)
        else:
            evidence_file_kind(upload)
    except forms.ValidationError as error:
        return " ".join(error.messages)
    except UploadRefused as error:
        return error.message
    return None


ENTRIES = ["trademark logo", "company document", "labelling evidence"]

BAD_FILES = [
    ("text disguised as an image", "cin.png", b"just some text, not an image", "image/png", "not"),
    (
        "HTML disguised as a PDF",
        "cin.pdf",
        b"<html><script>alert(1)</script>",
        "application/pdf",
        "not",
    ),
    ("SVG with a script", "logo.svg", SVG_WITH_SCRIPT, "image/svg+xml", "not"),
    ("SVG named as a PNG", "logo.png", SVG_WITH_SCRIPT, "image/png", "not"),
    ("Windows executable", "cin.pdf", b"MZ\x90\x00" + b"\x00" * 64, "application/pdf", "not"),
    ("truncated image", "cin.png", _png()[:70], "image/png", "damaged"),
    ("decompression bomb", "cin.png", _png_claiming(60_000, 60_000), "image/png", "large"),
    ("image just over the limit", "cin.png", _png_claiming(8_000, 6_000), "image/png", "large"),
    ("empty file", "cin.png", b"", "image/png", "empty"),
    ("path in the name", "..\\..\\config\\cin.png", _png(), "image/png", "file name"),
    ("NUL in the name", "cin\x00.png", _png(), "image/png", "file name"),
    ("right-to-left override", "cin\u202egnp.exe", _png(), "image/png", "file name"),
    ("new line in the name", "cin\n.png", _png(), "image/png", "file name"),
    # Only the first and last bytes of a PDF around something else: opened by name, it runs.
    ("HTML between PDF markers", "CIN_scan.html", pdf_disguising(HTML_PAGE), "text/html", "pdf"),
    ("HTA between PDF markers", "CIN_scan.hta", pdf_disguising(HTML_PAGE), "", "pdf"),
    ("SVG between PDF markers", "CIN_scan.svg", pdf_disguising(SVG_WITH_SCRIPT), "", "pdf"),
    ("batch file between PDF markers", "CIN.pdf.bat", pdf_disguising(b"del *.*"), "", "pdf"),
    ("PDF that runs a script", "plan.pdf", pdf_running_javascript(), "application/pdf", "script"),
]


@pytest.mark.parametrize("entry", ENTRIES)
@pytest.mark.parametrize(
    ("case", "name", "content", "declared", "reason"), BAD_FILES, ids=[c[0] for c in BAD_FILES]
)
def test_a_bad_file_is_refused_with_a_clear_message(entry, case, name, content, declared, reason):
    message = _refusal(entry, SimpleUploadedFile(name, content, content_type=declared))
    assert message is not None, f"{entry} accepted the {case}"
    if reason == "not" or (reason in {"pdf", "script"} and entry == "trademark logo"):
        assert "not a PNG or JPEG image" in message or "none of them" in message, message
    elif reason == "pdf":
        assert "damaged" in message.lower(), message
    else:
        assert reason in message.lower(), message


@pytest.mark.parametrize("entry", ENTRIES)
def test_a_malformed_pdf_is_refused(entry):
    message = _refusal(entry, SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\n"))
    if entry == "trademark logo":
        assert "PNG or JPEG" in message
    else:
        assert "damaged" in message


@pytest.mark.parametrize(
    ("entry", "limit_mb"),
    [("trademark logo", 2), ("company document", 10), ("labelling evidence", 5)],
)
def test_a_file_over_the_size_limit_is_refused(entry, limit_mb):
    content = PDF + b"0" * (limit_mb * 1024 * 1024)
    if entry == "trademark logo":
        content = b"\x89PNG\r\n\x1a\n" + content
    message = _refusal(entry, SimpleUploadedFile("big.pdf", content))
    assert f"{limit_mb} MB" in message


@pytest.mark.parametrize("entry", ENTRIES)
def test_the_content_decides_not_the_name_or_the_declared_type(entry):
    upload = SimpleUploadedFile("scan.pdf", _png(), content_type="application/pdf")
    assert _refusal(entry, upload) is None


def test_refusals_are_translated():
    upload = SimpleUploadedFile("logo.svg", SVG_WITH_SCRIPT, content_type="image/svg+xml")
    arabic = _refusal("company document", upload, language="ar")
    french = _refusal("company document", upload, language="fr")
    assert any("\u0600" <= char <= "\u06ff" for char in arabic)
    assert "PDF" in french and french != arabic


def test_wagtail_refuses_svg_images():
    from django.conf import settings

    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert "svg" not in settings.WAGTAILDOCS_EXTENSIONS
    assert "html" not in settings.WAGTAILDOCS_EXTENSIONS


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return tmp_path


def test_an_identity_document_is_stored_under_a_random_name_outside_the_web_root(
    client, entrepreneur, hub_a, media
):
    company = draft_request(entrepreneur, hub_a)
    client.force_login(entrepreneur)
    upload = SimpleUploadedFile("../../Carte nationale Salma.png", _png(), content_type="image/png")
    response = client.post(
        reverse("filings:company_document_upload", args=[company.public_id]),
        {"kind": "id", "file": upload},
    )
    assert response.status_code == 302
    document = CompanyDocument.objects.filter(request=company).latest("uploaded_at")
    assert document.original_name == "Carte nationale Salma.png"
    assert "Salma" not in document.file.name
    stored = media / "private" / document.file.name
    assert stored.exists()
    assert not list((media / "media").rglob("*.png")) if (media / "media").exists() else True
    with pytest.raises(ValueError):
        document.file.url  # noqa: B018 - a private file has no URL
    # Nothing serves the storage directly: not MEDIA_URL, not a guessed path.
    assert client.get("/media/" + document.file.name).status_code == 404
    assert client.get("/private/" + document.file.name).status_code == 404
    # The checked view does, to its owner, as an attachment.
    response = client.get(reverse("filings:company_document", args=[document.public_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    # Downloaded under a name the platform makes, with the extension of what it really is.
    assert response["Content-Disposition"] == (
        f'attachment; filename="id-{company.reference.lower()}.png"'
    )


@pytest.mark.parametrize(
    "sent_as", ["CIN_scan.hta", "CIN_scan.html", "CIN_scan.svg", "CIN.pdf.bat"]
)
def test_a_real_pdf_sent_under_a_dangerous_name_is_served_as_a_pdf(
    client, entrepreneur, hub_a, advisor_a, media, sent_as
):
    from filings.models import CompanyStatus
    from tests.filings.company_helpers import move

    company = draft_request(entrepreneur, hub_a)
    client.force_login(entrepreneur)
    upload = SimpleUploadedFile(sent_as, PDF, content_type="application/octet-stream")
    url = reverse("filings:company_document_upload", args=[company.public_id])
    assert client.post(url, {"kind": "id", "file": upload}).status_code == 302
    move(company, CompanyStatus.SUBMITTED, entrepreneur)
    document = CompanyDocument.objects.filter(request=company).latest("uploaded_at")
    assert document.file.name.endswith(".pdf")
    client.force_login(advisor_a)
    response = client.get(reverse("filings:company_document", args=[document.public_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and disposition.endswith('.pdf"')
    assert sent_as.rsplit(".", 1)[-1] not in disposition.rsplit(".", 1)[0]


def test_private_files_and_media_root_do_not_overlap(settings):
    private = settings.PRIVATE_MEDIA_ROOT.resolve()
    media = settings.MEDIA_ROOT.resolve()
    assert not private.is_relative_to(media) and not media.is_relative_to(private)
    assert private_storage.base_url is None


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_an_upload_too_large_is_refused_before_its_body_is_read(
    client, entrepreneur, hub_a, media, language
):
    company = draft_request(entrepreneur, hub_a)
    client.force_login(entrepreneur)
    url = reverse("filings:company_document_upload", args=[company.public_id])
    url = url.replace("/fr/", f"/{language}/", 1)
    # It announces 50 MB and sends a few bytes: had anything read the body, the test client
    # would fail for reading past what was sent.
    documents = CompanyDocument.objects.filter(request=company).count()
    response = client.post(
        url,
        data=b"--x\r\n",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
    )
    assert response.status_code == 413
    body = response.content.decode()
    assert "12" in body  # the limit, in megabytes
    if language == "ar":
        assert 'dir="rtl"' in body and "ميغابايت" in body
    else:
        assert "trop volumineux" in body
    assert CompanyDocument.objects.filter(request=company).count() == documents
