"""Build company-creation requests in a given state through the real services."""

import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from filings.company_forms import clean_company_document
from filings.models import CompanyStatus, LegalForm
from filings.services import company as services
from tests.files import pdf_bytes as real_pdf

S = CompanyStatus


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    return real_pdf()


def checked_upload(name="cin.png", content=None):
    return clean_company_document(SimpleUploadedFile(name, content or png_bytes()))


def draft_request(owner, hub, *, names=("Atlas Dattes",), legal_form="sarl-au"):
    company = services.company_request_start(owner=owner, hub=hub)
    fields = {
        "activity": "Export de dattes de Zagora",
        "region": hub.chamber.region,
        "legal_form": LegalForm.objects.get(code=legal_form),
        "capital": Decimal("10000"),
        "office_kind": "domiciliation",
        "office_address": "12 rue Allal Ben Abdallah, Casablanca",
    }
    names = list(names) + ["", "", ""]
    fields.update(name_1=names[0], name_2=names[1], name_3=names[2])
    services.company_request_save_step(request=company, actor=owner, step=5, fields=fields)
    services.company_request_save_step(
        request=company,
        actor=owner,
        step=5,
        fields={},
        partners=[
            {
                "full_name": "Salma Bennani",
                "id_type": "cin",
                "id_number": "BE123456",
                "nationality": "Marocaine",
                "share": Decimal("100"),
                "is_manager": True,
            }
        ],
    )
    services.company_document_add(request=company, actor=owner, kind="id", upload=checked_upload())
    services.company_document_add(
        request=company,
        actor=owner,
        kind="domiciliation",
        upload=checked_upload("contrat.pdf", pdf_bytes()),
    )
    company.refresh_from_db()
    return company


STEP_DATA = {
    S.INFO_REQUESTED: {"info_request": "Please add the lease."},
    S.CERTIFICATE_OBTAINED: {"certificate_number": "CN-778899", "certificate_name": "Atlas Dattes"},
    S.CERTIFICATE_REFUSED: {"refusal_reason": "Name already registered."},
    S.COMPANY_CREATED: {
        "if_number": "12345678",
        "ice_number": "001234567000089",
        "rc_number": "445566",
        "cnss_number": "9988776",
    },
}

PATH_TO = {
    S.DRAFT: [],
    S.SUBMITTED: [S.SUBMITTED],
    S.INFO_REQUESTED: [S.SUBMITTED, S.INFO_REQUESTED],
    S.CERTIFICATE_REQUESTED: [S.SUBMITTED, S.CERTIFICATE_REQUESTED],
    S.CERTIFICATE_REFUSED: [S.SUBMITTED, S.CERTIFICATE_REQUESTED, S.CERTIFICATE_REFUSED],
    S.CERTIFICATE_OBTAINED: [S.SUBMITTED, S.CERTIFICATE_REQUESTED, S.CERTIFICATE_OBTAINED],
    S.STATUTES: [S.SUBMITTED, S.CERTIFICATE_REQUESTED, S.CERTIFICATE_OBTAINED, S.STATUTES],
    S.REGISTRATIONS: [
        S.SUBMITTED, S.CERTIFICATE_REQUESTED, S.CERTIFICATE_OBTAINED, S.STATUTES, S.REGISTRATIONS
    ],
    S.COMPANY_CREATED: [
        S.SUBMITTED, S.CERTIFICATE_REQUESTED, S.CERTIFICATE_OBTAINED, S.STATUTES, S.REGISTRATIONS,
        S.COMPANY_CREATED,
    ],
}  # fmt: skip


def move(company, to_status, actor):
    return services.company_request_transition(
        request=company, to_status=to_status, actor=actor, data=STEP_DATA.get(to_status, {})
    )


def request_in(status, owner, hub, advisor):
    company = draft_request(owner, hub)
    if status == S.WITHDRAWN:
        # Only the deletion of the owner's account withdraws a request.
        from filings.services.personal_data import company_request_withdraw_on_erasure

        return company_request_withdraw_on_erasure(request=company, actor=owner)
    for to_status in PATH_TO[status]:
        actor = owner if to_status == S.SUBMITTED else advisor
        company = move(company, to_status, actor)
    return company
