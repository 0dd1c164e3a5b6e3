import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from hubs.labelling_certificate import verification_url
from hubs.models.labelling import Label
from hubs.views.labelling_public import VERIFY_LIMIT
from tests.hubs.labelling_support import (  # noqa: F401
    chamber_manager,
    fast_password_hashing,
    make_label,
)


def _verify(client, code):
    return client.get(reverse("hubs:labelling_verify"), {"code": code})


@pytest.mark.parametrize(
    ("status", "start_days_ago", "state"),
    [
        (Label.Status.ACTIVE, 30, "valid"),
        (Label.Status.SUSPENDED, 30, "suspended"),
        (Label.Status.WITHDRAWN, 30, "withdrawn"),
        (Label.Status.EXPIRED, 30, "expired"),
        # Still "active" in the table but past its validity: expired today all the same.
        (Label.Status.ACTIVE, 2000, "expired"),
    ],
)
def test_the_verification_page_says_what_the_label_is_worth_today(
    client, hub_a, status, start_days_ago, state
):
    label = make_label(
        hub=hub_a,
        status=status,
        start=timezone.localdate() - datetime.timedelta(days=start_days_ago),
    )
    response = _verify(client, label.verification_code.lower().replace("-", " "))
    assert response.status_code == 200
    assert response.context["result"].state == state
    assert f'data-state="{state}"' in response.content.decode()
    assert label.number in response.content.decode()
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "code", ["ABCD-EFGH-JKMN", "x", "<script>alert(1)</script>", "' OR 1=1 --"]
)
def test_an_unknown_code_gets_a_clear_answer_and_no_hint(client, hub_a, code):
    make_label(hub=hub_a)
    response = _verify(client, code)
    body = response.content.decode()
    assert response.status_code == 200
    if response.context["result"] is not None:
        assert 'data-state="unknown"' in body
    assert hub_a.name not in body
    assert "<script>alert(1)</script>" not in body


def test_the_qr_code_url_opens_the_verification_page(client, hub_a):
    label = make_label(hub=hub_a)
    path = verification_url(label).split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path)
    assert response.context["result"].state == "valid"


def test_verification_is_rate_limited_per_connection(client, hub_a):
    label = make_label(hub=hub_a)
    for _ in range(VERIFY_LIMIT):
        assert _verify(client, "ABCD-EFGH-JKMN").status_code == 200
    response = _verify(client, label.verification_code)
    assert response.status_code == 429
    assert 'data-state="limited"' in response.content.decode()
    assert label.number not in response.content.decode()


def test_the_public_register_lists_labelled_hubs_with_their_status(
    client, hub_a, hub_b, django_assert_max_num_queries
):
    make_label(hub=hub_a)
    make_label(hub=hub_b, status=Label.Status.SUSPENDED)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("hubs:labelling_register"))
    body = response.content.decode()
    assert 'data-hub="hub-a" data-status="labelled"' in body
    assert 'data-hub="hub-b" data-status="suspended"' in body


def test_the_certificate_is_a_pdf_with_the_number_and_code(client, hub_a, chamber_manager):
    label = make_label(hub=hub_a)
    client.force_login(chamber_manager)
    response = client.get(
        reverse("hubs:labelling_certificate", kwargs={"public_id": label.public_id})
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_a_forged_forwarded_header_does_not_escape_the_rate_limit(client, hub_a):
    for attempt in range(VERIFY_LIMIT + 1):
        response = client.get(
            reverse("hubs:labelling_verify"),
            {"code": "ABCD-EFGH-JKMN"},
            HTTP_X_FORWARDED_FOR=f"10.0.0.{attempt}",
        )
    assert response.status_code == 429
