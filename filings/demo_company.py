"""Demo company requests: a draft, one waiting for the advisor, one with its certificate."""

import io
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import translation
from pypdf import PdfWriter

from filings.data.company import seed
from filings.models import CompanyDelay, CompanyRequest, CompanyStatus, LegalForm, NameWord
from filings.services import company as services
from hubs.models import Hub


def _blank_pdf() -> bytes:
    """A real one-page PDF: the demo's identity document opens in any reader."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


class _Upload(ContentFile):
    original_name = "cin.pdf"
    checked_content_type = "application/pdf"


def _file(owner, hub, *, name, legal_form, partners, steps):
    if CompanyRequest.objects.filter(case__owner=owner, name_1=name).exists():
        return
    company = services.company_request_start(owner=owner, hub=hub)
    services.company_request_save_step(
        request=company, actor=owner, step=5, partners=partners,
        fields={
            "activity": "Transformation et export de produits du terroir",
            "region": hub.chamber.region, "legal_form": LegalForm.objects.get(code=legal_form),
            "capital": Decimal("50000"), "name_1": name, "office_kind": "own",
            "office_address": "Zone industrielle, lot 14",
        },
    )  # fmt: skip
    if not steps:
        return
    services.company_document_add(
        request=company, actor=owner, kind="id", upload=_Upload(_blank_pdf(), name="cin.pdf")
    )
    advisor = hub.memberships.filter(role="advisor").first().user
    data = {
        CompanyStatus.CERTIFICATE_OBTAINED: {"certificate_number": "2026-004512",
                                             "certificate_name": name},
    }  # fmt: skip
    for to_status in steps:
        actor = owner if to_status == CompanyStatus.SUBMITTED else advisor
        # Each acts from a page in their own language: an Arabic-speaking founder's receipt is
        # in Arabic, as it would be on the site.
        with translation.override(actor.preferred_language or settings.LANGUAGE_CODE):
            company = services.company_request_transition(
                request=company, to_status=to_status, actor=actor, data=data.get(to_status, {})
            )


def load_company() -> None:
    seed(LegalForm, NameWord, CompanyDelay)
    users = get_user_model().objects
    owner = users.get(email="entrepreneur@example.com")
    owner2 = users.get(email="entrepreneur2@example.com")
    hub = Hub.objects.filter(memberships__user__email="advisor@example.com").order_by("pk").first()
    one = [{"full_name": "Salma Bennani", "id_type": "cin", "id_number": "BE123456",
            "nationality": "Marocaine", "share": Decimal(100), "is_manager": True}]  # fmt: skip
    _file(owner, hub, name="Argan Lab", legal_form="sarl-au", partners=one, steps=[])
    S = CompanyStatus
    _file(owner, hub, name="Atlas Dattes", legal_form="sarl-au", partners=one,
          steps=[S.SUBMITTED])  # fmt: skip
    two = [{"full_name": "يوسف العمراني", "id_type": "cin", "id_number": "J998877",
            "nationality": "مغربية", "share": Decimal(60), "is_manager": True},
           {"full_name": "Nadia Amrani", "id_type": "cin", "id_number": "J112233",
            "nationality": "Marocaine", "share": Decimal(40), "is_manager": False}]  # fmt: skip
    _file(owner2, hub, name="واحة الجنوب", legal_form="sarl", partners=two,
          steps=[S.SUBMITTED, S.CERTIFICATE_REQUESTED, S.CERTIFICATE_OBTAINED])  # fmt: skip
