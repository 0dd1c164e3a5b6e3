"""The files' part of "Download my data" and of the deletion of an account."""

from django.utils.translation import gettext_lazy as _

from accounts.personal_data import register_personal_data

from .services import personal_data as data


def register() -> None:
    register_personal_data(
        key="filings_cases", title=_("Cases"), export=data.export_cases, erase=data.erase, order=20
    )
    register_personal_data(
        key="filings_company_requests",
        title=_("Company-creation requests"),
        export=data.export_company_requests,
        order=21,
    )
    register_personal_data(
        key="filings_partners", title=_("Partners and managers"), export=data.export_partners,
        order=22,
    )  # fmt: skip
    register_personal_data(
        key="filings_documents", title=_("Documents"), export=data.export_documents, order=23
    )
    register_personal_data(
        key="filings_document_accesses",
        title=_("Who opened your documents"),
        export=data.export_document_accesses,
        order=24,
    )
    register_personal_data(
        key="filings_trademarks",
        title=_("Trademark pre-filings"),
        export=data.export_trademarks,
        order=25,
    )
    register_personal_data(
        key="filings_history",
        title=_("What you wrote in the history of cases"),
        export=data.export_history,
        order=26,
    )
