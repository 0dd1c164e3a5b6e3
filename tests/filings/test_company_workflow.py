import threading

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation

from filings.exceptions import TransitionNotAllowed
from filings.models import CaseEvent, CompanyRequest, CompanyStatus
from filings.services import company as services

from .company_helpers import PATH_TO, STEP_DATA, draft_request, move, request_in

S = CompanyStatus
ALL = list(S.values)
LEGAL = {(frm, to) for frm, targets in services.TRANSITIONS.items() for to in targets}


@pytest.mark.parametrize("from_status", ALL)
@pytest.mark.parametrize("to_status", ALL)
def test_transition_matrix(from_status, to_status, entrepreneur, advisor_a, hub_a):
    company = request_in(from_status, entrepreneur, hub_a, advisor_a)
    actor = entrepreneur if to_status == S.SUBMITTED else advisor_a
    if (from_status, to_status) in LEGAL:
        company = move(company, to_status, actor)
        assert company.status == to_status
        event = CaseEvent.objects.filter(case=company.case, kind="transition").last()
        assert (event.from_status, event.to_status, event.actor) == (from_status, to_status, actor)
    else:
        with pytest.raises(TransitionNotAllowed):
            move(company, to_status, actor)
        assert CompanyRequest.objects.get(pk=company.pk).status == from_status


def test_a_step_cannot_be_recorded_twice(entrepreneur, advisor_a, hub_a):
    company = request_in(S.CERTIFICATE_REQUESTED, entrepreneur, hub_a, advisor_a)
    stale = CompanyRequest.objects.get(pk=company.pk)
    move(company, S.CERTIFICATE_OBTAINED, advisor_a)
    with pytest.raises(TransitionNotAllowed):
        move(stale, S.CERTIFICATE_OBTAINED, advisor_a)
    assert company.case.events.filter(to_status=S.CERTIFICATE_OBTAINED).count() == 1


def test_the_entrepreneur_cannot_make_the_advisors_moves(entrepreneur, advisor_a, hub_a):
    company = request_in(S.SUBMITTED, entrepreneur, hub_a, advisor_a)
    with pytest.raises(TransitionNotAllowed):
        move(company, S.CERTIFICATE_REQUESTED, entrepreneur)


def test_an_advisor_of_another_hub_cannot_move_a_request(entrepreneur, advisor_a, advisor_b, hub_a):
    company = request_in(S.SUBMITTED, entrepreneur, hub_a, advisor_a)
    with pytest.raises(TransitionNotAllowed):
        move(company, S.CERTIFICATE_REQUESTED, advisor_b)


def test_office_staff_read_but_do_not_move(entrepreneur, advisor_a, office_staff, hub_a):
    company = request_in(S.SUBMITTED, entrepreneur, hub_a, advisor_a)
    with pytest.raises(TransitionNotAllowed):
        move(company, S.CERTIFICATE_REQUESTED, office_staff)


def test_a_step_needs_its_data(entrepreneur, advisor_a, hub_a):
    company = request_in(S.REGISTRATIONS, entrepreneur, hub_a, advisor_a)
    with pytest.raises(TransitionNotAllowed, match="ICE"):
        services.company_request_transition(
            request=company, to_status=S.COMPANY_CREATED, actor=advisor_a,
            data={"if_number": "1", "rc_number": "2", "cnss_number": "3"},
        )  # fmt: skip


def test_certificate_expires_ninety_days_after_it_is_obtained(entrepreneur, advisor_a, hub_a):
    company = request_in(S.CERTIFICATE_OBTAINED, entrepreneur, hub_a, advisor_a)
    event = company.case.events.get(to_status=S.CERTIFICATE_OBTAINED)
    # Ninety days from the day it was obtained in Morocco (UTC is still the day before there
    # between midnight and 1 am).
    assert (company.certificate_expires_on - timezone.localdate(event.at)).days == 90
    assert company.certificate_number == STEP_DATA[S.CERTIFICATE_OBTAINED]["certificate_number"]
    assert event.details["certificate_number"] == "CN-778899"


def test_what_a_move_recorded_reads_in_the_readers_language(client, entrepreneur, advisor_a, hub_a):
    company = request_in(S.CERTIFICATE_REFUSED, entrepreneur, hub_a, advisor_a)
    client.force_login(entrepreneur)
    case_url = reverse("filings:case_detail", args=[company.case.public_id])
    french = client.get(case_url).content.decode()
    arabic = client.get(case_url.replace("/fr/", "/ar/", 1)).content.decode()
    reason = STEP_DATA[S.CERTIFICATE_REFUSED]["refusal_reason"]
    assert f"Motif du refus: <bdi>{reason}</bdi>" in french
    assert f"سبب الرفض: <bdi>{reason}</bdi>" in arabic and "Motif du refus" not in arabic


def test_refusal_offers_free_refiling_and_goes_back_to_requested(entrepreneur, advisor_a, hub_a):
    company = request_in(S.CERTIFICATE_REFUSED, entrepreneur, hub_a, advisor_a)
    deadline = services.refiling_deadline(company)
    assert (deadline - company.refused_at).days == 15
    company = move(company, S.CERTIFICATE_REQUESTED, advisor_a)
    assert company.status == S.CERTIFICATE_REQUESTED


def test_submit_refuses_an_incomplete_draft(entrepreneur, hub_a):
    company = services.company_request_start(owner=entrepreneur, hub=hub_a)
    with translation.override("en"), pytest.raises(TransitionNotAllowed, match="the activity"):
        move(company, S.SUBMITTED, entrepreneur)


def test_submit_queues_receipt_and_email_on_commit(
    entrepreneur, hub_a, django_capture_on_commit_callbacks
):
    company = draft_request(entrepreneur, hub_a)
    with django_capture_on_commit_callbacks(execute=True):
        company = move(company, S.SUBMITTED, entrepreneur)
        # Nothing leaves before the transaction commits: a rolled-back submit sends no email.
        company.refresh_from_db()
        assert not company.receipt and mail.outbox == []
    company.refresh_from_db()
    assert company.receipt.name.startswith("company_receipts/")
    assert company.receipt.open("rb").read(5) == b"%PDF-"
    assert [m.to for m in mail.outbox] == [[entrepreneur.email]]
    assert company.reference in mail.outbox[0].subject


def test_references_are_human_and_sequential(entrepreneur, hub_a):
    first = services.company_request_start(owner=entrepreneur, hub=hub_a)
    second = services.company_request_start(owner=entrepreneur, hub=hub_a)
    assert first.reference.startswith("CR-")
    assert first.reference[-6:] == "000001" and second.reference[-6:] == "000002"


def test_claim_is_once_and_hub_manager_assigns(entrepreneur, advisor_a, hub_a):
    from accounts.roles import Role
    from tests.accounts.factories import UserFactory
    from tests.hubs.factories import MembershipFactory

    other = UserFactory()
    MembershipFactory(user=other, hub=hub_a, role=Role.ADVISOR)
    company = request_in(S.SUBMITTED, entrepreneur, hub_a, advisor_a)
    services.company_request_claim(request=company, actor=advisor_a)
    with pytest.raises(TransitionNotAllowed):
        services.company_request_claim(request=company, actor=other)
    with pytest.raises(TransitionNotAllowed):
        services.company_request_assign(request=company, advisor=other, actor=advisor_a)
    manager = UserFactory()
    MembershipFactory(user=manager, hub=hub_a, role=Role.HUB_MANAGER)
    services.company_request_assign(request=company, advisor=other, actor=manager)
    company.case.refresh_from_db()
    assert company.case.advisor == other


@pytest.mark.django_db(transaction=True)
def test_two_advisors_moving_one_request_at_once_move_it_once(entrepreneur, advisor_a, hub_a):
    from accounts.roles import Role
    from filings.data.company import seed
    from filings.models import CompanyDelay, LegalForm, NameWord
    from tests.accounts.factories import UserFactory
    from tests.hubs.factories import MembershipFactory

    seed(LegalForm, NameWord, CompanyDelay)  # another transactional test may have flushed them
    second = UserFactory()
    MembershipFactory(user=second, hub=hub_a, role=Role.ADVISOR)
    company = request_in(S.CERTIFICATE_REQUESTED, entrepreneur, hub_a, advisor_a)
    barrier = threading.Barrier(2)
    outcomes = []

    def record(advisor):
        try:
            barrier.wait()
            move(CompanyRequest.objects.get(pk=company.pk), S.CERTIFICATE_OBTAINED, advisor)
            outcomes.append("moved")
        except TransitionNotAllowed:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=record, args=(a,)) for a in (advisor_a, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["moved", "refused"]
    assert company.case.events.filter(to_status=S.CERTIFICATE_OBTAINED).count() == 1


def test_path_table_covers_every_status():
    # A withdrawn request is reached by erasing the owner's account, not by a path of moves.
    assert set(PATH_TO) | {S.WITHDRAWN} == set(ALL)
