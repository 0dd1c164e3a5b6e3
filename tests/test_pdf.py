import os
import shutil
import subprocess

import pytest

from core.pdf import OwnFilesOnlyFetcher, RefusedResource, render_pdf


def test_pdf_embeds_the_shipped_fonts_for_french_and_arabic(tmp_path):
    pdf = render_pdf(
        template_name="pdf/smoke.html",
        context={"title": "Récépissé", "arabic": "مربعات المبتكرين", "pdf_language": "fr"},
    )
    assert pdf.startswith(b"%PDF")
    if not shutil.which("pdffonts"):
        if os.environ.get("CI"):
            pytest.fail("CI needs poppler-utils (pdffonts)")
        pytest.skip("poppler-utils not installed: fonts not inspected")
    path = tmp_path / "smoke.pdf"
    path.write_bytes(pdf)
    fonts = subprocess.run(  # noqa: S603 -- a Debian tool, our own temporary file
        [shutil.which("pdffonts"), str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Noto-Naskh-Arabic" in fonts
    assert "Noto-Sans" in fonts


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:8000/static/css/pdf.css",
        "https://example.org/logo.png",
        "https://pdf.invalid/etc/passwd",
        "https://pdf.invalid/static/../../config/settings.py",
    ],
)
def test_pdf_fetcher_refuses_local_files_and_other_hosts(url):
    with pytest.raises(RefusedResource):
        OwnFilesOnlyFetcher().fetch(url)


def test_pdf_fetcher_serves_our_static_files():
    response = OwnFilesOnlyFetcher().fetch("https://pdf.invalid/static/css/pdf.css")
    assert b"@page" in response.read()


def test_a_template_pointing_at_a_local_file_still_renders_without_it():
    pdf = render_pdf(
        template_name="pdf/smoke.html",
        context={"title": "x", "arabic": "", "image_url": "file:///etc/passwd"},
    )
    assert pdf.startswith(b"%PDF")
    assert b"root:x:0:0" not in pdf
