"""Property-based tests through the pages an entrepreneur fills in: whatever is typed into a
step, the answer is "saved" or the form again with its messages, never a server error, and a
refusal loses nothing saved before.
"""

import pytest
from django.urls import reverse
from hypothesis import given

from filings.models import CompanyRequest, LegalForm, TrademarkPreFiling
from tests.filings.company_helpers import draft_request
from tests.filings.factories import complete_prefiling
from tests.test_input_properties import hostile_text

COMPANY_SAVED = ("activity", "capital", "name_1", "name_2", "name_3", "office_address")
# A refused form comes back with its messages: 400 where the page says so to scripts too.
SHOWN_AGAIN = {200, 400}
PREFILING_SAVED = ("applicant_name", "applicant_address", "agent_name", "agent_address")


def _saved(obj, fields):
    fresh = type(obj).objects.get(pk=obj.pk)
    return {name: getattr(fresh, name) for name in fields}


def _assert_refused_clearly(response):
    form = response.context["form"]
    errors = form.errors if hasattr(form, "errors") else {}
    assert errors, "a page shown again after a POST must say what is wrong"
    for messages in errors.values():
        assert all(isinstance(message, str) and message.strip() for message in messages)


def _company_step_data(step, company, typed):
    if step == 1:
        return {"activity": typed["text"], "region": company.region_id}
    if step == 2:
        return {"legal_form": LegalForm.objects.get(code="sarl").pk, "capital": typed["text"]}
    if step == 3:
        return {"name_1": typed["text"], "name_2": typed["other"], "name_3": ""}
    return {"office_kind": "domiciliation", "office_address": typed["text"]}


@pytest.mark.django_db
@pytest.mark.parametrize("step", [1, 2, 3, 5])
@given(text=hostile_text, other=hostile_text)
def test_a_company_step_saves_or_refuses_and_loses_nothing(
    client, entrepreneur, hub_a, step, text, other
):
    company = CompanyRequest.objects.filter(case__owner=entrepreneur).first() or draft_request(
        entrepreneur, hub_a
    )
    client.force_login(entrepreneur)
    before = _saved(company, COMPANY_SAVED)
    response = client.post(
        reverse("filings:company_step", args=[company.public_id, step]),
        _company_step_data(step, company, {"text": text, "other": other}),
    )
    assert response.status_code in SHOWN_AGAIN | {302}
    if response.status_code in SHOWN_AGAIN:
        _assert_refused_clearly(response)
        assert _saved(company, COMPANY_SAVED) == before
    elif step == 1:
        assert _saved(company, ["activity"])["activity"] == text.strip()


@pytest.mark.django_db
@given(name=hostile_text, address=hostile_text, agent=hostile_text)
def test_the_trademark_applicant_step_saves_or_refuses_and_loses_nothing(
    client, entrepreneur, hub_a, name, address, agent
):
    prefiling = TrademarkPreFiling.objects.filter(
        case__owner=entrepreneur
    ).first() or complete_prefiling(owner=entrepreneur, hub=hub_a)
    client.force_login(entrepreneur)
    before = _saved(prefiling, PREFILING_SAVED)
    response = client.post(
        reverse("filings:trademark_step", args=[prefiling.public_id, 2]),
        {
            "applicant_kind": "company",
            "applicant_name": name,
            "applicant_address": address,
            "agent_name": agent,
            "agent_address": address,
        },
    )
    assert response.status_code in SHOWN_AGAIN | {302}
    if response.status_code in SHOWN_AGAIN:
        _assert_refused_clearly(response)
        assert _saved(prefiling, PREFILING_SAVED) == before
    else:
        assert _saved(prefiling, ["applicant_name"])["applicant_name"] == name.strip()


@pytest.mark.django_db
@given(message=hostile_text)
def test_a_message_to_the_advisor_is_sent_or_refused_never_an_error(
    client, entrepreneur, hub_a, message
):
    company = CompanyRequest.objects.filter(case__owner=entrepreneur).first() or draft_request(
        entrepreneur, hub_a
    )
    client.force_login(entrepreneur)
    response = client.post(
        reverse("filings:company_message", args=[company.public_id]), {"text": message}
    )
    assert response.status_code < 500
