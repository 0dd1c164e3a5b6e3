"""The label certificate: one bilingual page (French and Arabic) with a QR code to verify it."""

import base64

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from core.pdf import render_pdf

from .models.labelling import Label


def verification_url(label: Label) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("hubs:labelling_verify_code", kwargs={"code": label.verification_code})
    return settings.SITE_URL + path


def qr_data_uri(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode("ascii")


def certificate_pdf(label: Label) -> bytes:
    url = verification_url(label)
    texts = {}
    # Both languages on one page: each block is rendered with its own active language.
    for language in ("fr", "ar"):
        with translation.override(language):
            texts[language] = {
                "phase": label.get_phase_display(),
                "region": label.hub.chamber.region.get_code_display(),
            }
    return render_pdf(
        template_name="pdf/label_certificate.html",
        context={
            "label": label,
            "hub": label.hub,
            "chamber": label.hub.chamber,
            "texts": texts,
            "verification_url": url,
            "qr": qr_data_uri(url),
        },
    )
