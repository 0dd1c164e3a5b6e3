"""One case file per project: a company request, several marks, meetings, one timeline."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from filings.exceptions import TransitionNotAllowed
from filings.models import CaseAppointment, PreFilingStatus, ServiceLevelTarget, WaitingItem
from filings.services.cases import case_message_post
from filings.services.trademark import prefiling_start, prefiling_transition
from hubs import booking_selectors as booking_sel
from hubs.models import Topic
from hubs.services import booking as booking_services
from tests.hubs.factories_booking import open_hours

from .company_helpers import S, request_in
from .factories import complete_prefiling

ROLES = ["anonymous", "entrepreneur", "other_entrepreneur", "advisor_a", "advisor_b",
         "hub_editor", "office_staff"]  # fmt: skip
CAN_VIEW = {"entrepreneur", "advisor_a", "office_staff"}


def _client(client, personas, role):
    if role != "anonymous":
        client.force_login(personas[role])
    return client


def _book(entrepreneur, hub, *, case=None, topic=Topic.COMPANY_CREATION, index=0):
    slot = booking_sel.hub_free_slots(hub=hub, topic=topic, days=14)[index]
    return booking_services.appointment_book(
        entrepreneur=entrepreneur, hub=hub, topic=topic, starts_at=slot.starts_at, mode="hub",
        description="Parler du nom refusé", attach_to=str(case.public_id) if case else "",
    )  # fmt: skip


@pytest.fixture
def open_a(advisor_a, hub_a):
    open_hours(advisor_a, hub_a, start=timezone.localtime().time().replace(hour=8), horizon_days=20)


@pytest.fixture
def company(entrepreneur, advisor_a, hub_a):
    return request_in(S.CERTIFICATE_REFUSED, entrepreneur, hub_a, advisor_a)


def test_a_case_holds_one_company_request_and_several_trademark_prefilings(company, entrepreneur):
    case = company.case
    first = prefiling_start(owner=entrepreneur, case=case, mark_text="Atlas Dattes")
    second = prefiling_start(owner=entrepreneur, case=case, mark_text="Zagora Gold")
    assert {first.case_id, second.case_id} == {case.pk}
    assert list(case.trademarks.order_by("pk")) == [first, second]
    assert case.company_request == company


def test_only_the_owner_can_protect_a_brand_in_a_case(company, other_entrepreneur, advisor_a):
    for intruder in (other_entrepreneur, advisor_a):
        with pytest.raises(TransitionNotAllowed):
            prefiling_start(owner=intruder, case=company.case, mark_text="Volé")
    assert not company.case.trademarks.exists()


def test_protect_the_brand_of_this_company_from_the_case_page(client, company, entrepreneur):
    client.force_login(entrepreneur)
    response = client.post(reverse("filings:case_trademark_start", args=[company.case.public_id]))
    prefiling = company.case.trademarks.get()
    assert response["Location"] == reverse("filings:trademark_step", args=[prefiling.public_id, 1])
    assert prefiling.mark_text == "Atlas Dattes"  # the company's first name


@pytest.mark.parametrize("role", ROLES)
def test_case_page_by_role(client, personas, company, role):
    response = _client(client, personas, role).get(
        reverse("filings:case_detail", args=[company.case.public_id])
    )
    if role in CAN_VIEW:
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code in (403, 404)


@pytest.mark.parametrize("role", ROLES)
def test_writing_and_starting_marks_by_role(client, personas, company, role):
    case = company.case
    client = _client(client, personas, role)
    client.post(reverse("filings:case_message", args=[case.public_id]), {"text": "Bonjour"})
    client.post(reverse("filings:case_trademark_start", args=[case.public_id]))
    wrote = case.events.filter(kind="message").exists()
    assert wrote == (role in {"entrepreneur", "advisor_a"})
    assert case.trademarks.exists() == (role == "entrepreneur")


def test_case_list_shows_own_cases_only(client, company, other_entrepreneur, hub_a):
    theirs = prefiling_start(owner=other_entrepreneur, hub=hub_a, mark_text="Autre")
    client.force_login(company.case.owner)
    page = client.get(reverse("filings:case_list")).content.decode()
    assert company.case.reference in page and theirs.case.reference not in page


def test_my_space_links_to_each_of_my_case_files(client, company, entrepreneur, other_entrepreneur):
    case_url = reverse("filings:case_detail", args=[company.case.public_id])
    client.force_login(entrepreneur)
    assert case_url in client.get(reverse("accounts:my_space")).content.decode()
    client.force_login(other_entrepreneur)
    assert case_url not in client.get(reverse("accounts:my_space")).content.decode()


def test_timeline_merges_everything_newest_first_in_constant_queries(
    client, company, entrepreneur, advisor_a, hub_a, open_a, django_assert_max_num_queries
):
    case = company.case
    client.force_login(entrepreneur)
    url = reverse("filings:case_detail", args=[case.public_id])
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    prefiling = prefiling_start(owner=entrepreneur, case=case, mark_text="Atlas Dattes")
    case_message_post(case=case, actor=advisor_a, text="Proposez un autre nom")
    _book(entrepreneur, hub_a, case=case)
    _book(entrepreneur, hub_a, case=case, topic=Topic.TRADEMARK, index=3)
    with CaptureQueriesContext(connection) as second:
        response = client.get(url)
    assert len(second) == len(first)
    timeline = response.context["timeline"]
    assert [entry.at for entry in timeline] == sorted((e.at for e in timeline), reverse=True)
    kinds = [entry.kind for entry in timeline]
    assert kinds.count("appointment") == 2 and "message" in kinds and "opened" in kinds
    # The two meetings are in the future: the newest entries.
    assert kinds[:2] == ["appointment", "appointment"]
    assert prefiling.mark_text in response.content.decode()
    with django_assert_max_num_queries(len(first)):
        client.get(url)


def test_next_steps_say_who_and_offer_a_meeting_on_a_blocked_step(client, company, entrepreneur):
    client.force_login(entrepreneur)
    response = client.get(reverse("filings:case_detail", args=[company.case.public_id]))
    (step,) = response.context["next_steps"]
    assert step.who == "entrepreneur" and step.blocked and step.topic == Topic.COMPANY_CREATION
    page = response.content.decode()
    assert "Choisissez un autre nom" in page or "choisissez un autre nom" in page
    assert f"topic=company_creation&amp;case={company.case.public_id}" in page


def test_next_step_of_a_submitted_prefiling_is_the_advisors(entrepreneur, hub_a, advisor_a):
    from filings.selectors_cases import case_contents

    prefiling = complete_prefiling(owner=entrepreneur, hub=hub_a)
    prefiling_transition(
        prefiling=prefiling, to_status=PreFilingStatus.SUBMITTED, actor=entrepreneur
    )
    (step,) = case_contents(case=prefiling.case, viewer=advisor_a)["next_steps"]
    assert step.who == "advisor"


def test_booking_from_a_blocked_step_attaches_the_meeting_to_the_case(
    client, company, entrepreneur, advisor_a, hub_a, open_a, django_capture_on_commit_callbacks
):
    case = company.case
    client.force_login(entrepreneur)
    slots = client.get(
        reverse("hubs:book_at_hub", args=[hub_a.slug]),
        {"topic": "company_creation", "case": str(case.public_id)},
    )
    assert f"case={case.public_id}" in slots.content.decode()
    slot = booking_sel.hub_free_slots(hub=hub_a, topic="company_creation", days=14)[0]
    query = {"topic": "company_creation", "start": slot.starts_at.isoformat(),
             "case": str(case.public_id)}  # fmt: skip
    confirm_url = reverse("hubs:book_confirm", args=[hub_a.slug])
    confirm = client.get(confirm_url, query)
    assert confirm.context["form"]["attach_to"].value() == str(case.public_id)
    from urllib.parse import urlencode

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{confirm_url}?{urlencode(query)}",
            {"mode": "hub", "description": "Le nom a été refusé", "attach_to": str(case.public_id)},
        )
    assert response.status_code == 302
    link = CaseAppointment.objects.get(case=case)
    assert case.events.filter(kind="meeting", subject="appointment").exists()
    # The advisor sees the case in the meeting, and is told.
    client.force_login(advisor_a)
    detail = client.get(reverse("hubs:appointment_detail", args=[link.appointment.public_id]))
    assert reverse("filings:case_detail", args=[case.public_id]) in detail.content.decode()
    assert advisor_a.notifications.filter(kind="case_meeting").count() == 1
    assert entrepreneur.notifications.filter(kind="appointment").count() == 1


def test_a_meeting_cannot_be_attached_to_someone_elses_case(
    company, other_entrepreneur, hub_a, open_a
):
    with pytest.raises(TransitionNotAllowed):
        _book(other_entrepreneur, hub_a, case=company.case)
    assert not CaseAppointment.objects.exists()
    assert (
        not other_entrepreneur.appointments_as_entrepreneur.exists()
        if hasattr(other_entrepreneur, "appointments_as_entrepreneur")
        else True
    )


# --- The advisor's home ----------------------------------------------------------------------


def _age(company, hours):
    type(company).objects.filter(pk=company.pk).update(
        status_changed_at=timezone.now() - timedelta(hours=hours)
    )


def test_advisor_home_oldest_first_with_overdue_flag_and_constant_queries(
    client, entrepreneur, other_entrepreneur, advisor_a, hub_a, hub_b
):
    old = request_in(S.SUBMITTED, entrepreneur, hub_a, advisor_a)
    recent = request_in(S.SUBMITTED, other_entrepreneur, hub_a, advisor_a)
    elsewhere = request_in(S.SUBMITTED, entrepreneur, hub_b, None)
    _age(old, 100)
    _age(recent, 2)
    ServiceLevelTarget.objects.update_or_create(
        hub=None, item=WaitingItem.COMPANY_REQUEST, defaults={"hours": 72}
    )
    client.force_login(advisor_a)
    url = reverse("filings:advisor_home")
    with CaptureQueriesContext(connection) as first:
        response = client.get(url)
    waiting = response.context["waiting"]
    assert [e.case for e in waiting] == [old.case, recent.case]
    assert [e.overdue for e in waiting] == [True, False]
    assert elsewhere.case not in [e.case for e in waiting]
    assert "waiting-overdue" in response.content.decode()
    prefiling = complete_prefiling(owner=entrepreneur, hub=hub_a)
    prefiling_transition(
        prefiling=prefiling, to_status=PreFilingStatus.SUBMITTED, actor=entrepreneur
    )
    request_in(S.CERTIFICATE_REQUESTED, other_entrepreneur, hub_a, advisor_a)
    with CaptureQueriesContext(connection) as second:
        response = client.get(url)
    assert len(response.context["waiting"]) == 4
    assert len(second) == len(first)


def test_a_hub_target_overrides_the_default(client, entrepreneur, advisor_a, hub_a):
    company = request_in(S.SUBMITTED, entrepreneur, hub_a, advisor_a)
    _age(company, 10)
    ServiceLevelTarget.objects.create(hub=hub_a, item=WaitingItem.COMPANY_REQUEST, hours=8)
    client.force_login(advisor_a)
    (entry,) = client.get(reverse("filings:advisor_home")).context["waiting"]
    assert entry.target_hours == 8 and entry.overdue


@pytest.mark.parametrize("role", ROLES)
def test_advisor_home_by_role(client, personas, role):
    response = _client(client, personas, role).get(reverse("filings:advisor_home"))
    if role == "advisor_a" or role == "advisor_b":
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == 403


def test_emails_of_cases_are_sent_once(
    entrepreneur, advisor_a, hub_a, django_capture_on_commit_callbacks
):
    from filings.notifications import case_event_notify

    prefiling = complete_prefiling(owner=entrepreneur, hub=hub_a)
    prefiling_transition(
        prefiling=prefiling, to_status=PreFilingStatus.SUBMITTED, actor=entrepreneur
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        prefiling_transition(prefiling=prefiling, to_status=PreFilingStatus.CHANGES_REQUESTED,
                             actor=advisor_a, note="Précisez les produits")  # fmt: skip
    event = prefiling.case.events.latest("pk")
    with django_capture_on_commit_callbacks(execute=True):
        case_event_notify(event_id=event.pk)  # a duplicate message of the queue
    assert entrepreneur.notifications.filter(kind="case_info_requested").count() == 1
    assert [m.to for m in mail.outbox] == [[entrepreneur.email]]
