"""Demo case file: the demo founder's "Atlas Dattes" project holds the company request (its
name refused), a trademark pre-filing, messages and two meetings, one booked from the refusal."""

from django.contrib.auth import get_user_model

from filings.models import (
    CompanyRequest,
    CompanyStatus,
    PreFilingStatus,
    ServiceLevelTarget,
    WaitingItem,
)
from filings.services import company as company_services
from filings.services.cases import case_message_post
from filings.services.trademark import prefiling_save_step, prefiling_start, prefiling_transition
from hubs import booking_selectors
from hubs.models import Topic
from hubs.services.booking import appointment_book

S = CompanyStatus


def _book(owner, case, topic, index, description):
    slots = booking_selectors.hub_free_slots(hub=case.hub, topic=topic, days=14)
    if len(slots) > index:
        appointment_book(
            entrepreneur=owner, hub=case.hub, topic=topic, starts_at=slots[index].starts_at,
            mode="hub", description=description, attach_to=str(case.public_id),
        )  # fmt: skip


def load_cases() -> None:
    for item, hours in ((WaitingItem.COMPANY_REQUEST, 72), (WaitingItem.TRADEMARK_PREFILING, 120)):
        ServiceLevelTarget.objects.get_or_create(
            hub=None, item=item, defaults={"hours": hours, "source": "Charte de service (démo)"}
        )
    owner = get_user_model().objects.get(email="entrepreneur@example.com")
    company = CompanyRequest.objects.filter(case__owner=owner, name_1="Atlas Dattes").first()
    if company is None or company.case.trademarks.exists():
        return
    case = company.case
    advisor = case.hub.memberships.filter(role="advisor").first().user
    for to_status, data in (
        (S.CERTIFICATE_REQUESTED, {}),
        (S.CERTIFICATE_REFUSED, {"refusal_reason": "Nom trop proche d'une société existante."}),
    ):
        if company.status != to_status:
            company = company_services.company_request_transition(
                request=company, to_status=to_status, actor=advisor, data=data
            )
    case_message_post(
        case=case, actor=advisor, text="Proposons un autre nom lors d'un rendez-vous."
    )
    prefiling = prefiling_start(owner=owner, case=case, mark_text="Atlas Dattes")
    prefiling_save_step(
        prefiling=prefiling, actor=owner, step=3,
        fields={"applicant_kind": "person", "applicant_name": "Salma Bennani",
                "applicant_address": "12 rue des Arts, Casablanca", "classes": [29, 31]},
    )  # fmt: skip
    prefiling_transition(prefiling=prefiling, to_status=PreFilingStatus.SUBMITTED, actor=owner)
    _book(owner, case, Topic.COMPANY_CREATION, 0, "Choisir un nouveau nom après le refus.")
    _book(owner, case, Topic.TRADEMARK, 4, "Les classes de ma marque Atlas Dattes.")
