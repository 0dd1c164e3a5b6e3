"""Sessions that open entrepreneurs' files end sooner; every password check has one limit."""

import time

import pytest
from django.urls import reverse

from tests.accounts.factories import PASSWORD, sign_in_with_mfa

pytestmark = pytest.mark.django_db


def _age_session(client, *, started_ago: int, seen_ago: int):
    session = client.session
    now = int(time.time())
    session["privileged_since"], session["privileged_seen"] = now - started_ago, now - seen_ago
    session.save()


def test_an_advisor_idle_for_half_an_hour_is_signed_out(client, advisor_a, settings):
    sign_in_with_mfa(client, advisor_a)
    assert client.get(reverse("filings:advisor_home")).status_code == 200
    _age_session(client, started_ago=3600, seen_ago=settings.PRIVILEGED_SESSION_IDLE_TIMEOUT + 5)
    response = client.get(reverse("filings:advisor_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_an_active_advisor_stays_signed_in_until_the_end_of_the_working_day(
    client, advisor_a, settings
):
    sign_in_with_mfa(client, advisor_a)
    _age_session(client, started_ago=settings.PRIVILEGED_SESSION_MAX_AGE - 60, seen_ago=60)
    assert client.get(reverse("filings:advisor_home")).status_code == 200
    _age_session(client, started_ago=settings.PRIVILEGED_SESSION_MAX_AGE + 5, seen_ago=10)
    response = client.get(reverse("filings:advisor_home"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_office_staff_sessions_expire_with_the_working_day(client, office_staff, settings):
    sign_in_with_mfa(client, office_staff)
    client.get(reverse("accounts:staff_area"))
    assert client.session.get_expiry_age() <= settings.PRIVILEGED_SESSION_MAX_AGE


def test_an_entrepreneur_keeps_a_long_session(client, entrepreneur, settings):
    client.force_login(entrepreneur)
    _age_session(client, started_ago=3 * 86400, seen_ago=2 * 86400)
    assert client.get(reverse("accounts:my_space")).status_code == 200
    assert client.session.get_expiry_age() > settings.PRIVILEGED_SESSION_MAX_AGE


def test_the_django_admin_password_change_goes_through_the_rate_limited_one(client, office_staff):
    office_staff.set_password(PASSWORD)
    office_staff.is_staff = True  # as the demo's and production's office staff are
    office_staff.save()
    sign_in_with_mfa(client, office_staff)
    response = client.get("/django-admin/password_change/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_change_password")
    answers = [
        client.post(
            reverse("account_change_password"),
            {"oldpassword": f"wrong-{attempt}", "password1": "N3w-pass-2026!", "password2": "x"},
        ).status_code
        for attempt in range(8)
    ]
    assert 429 in answers, answers


def test_the_personal_data_pdf_is_rate_limited_per_person(client, entrepreneur):
    client.force_login(entrepreneur)
    statuses = [client.get(reverse("accounts:personal_data_pdf")).status_code for _ in range(4)]
    assert statuses[:3] == [200, 200, 200]
    assert statuses[3] == 429
    # Somebody else is not slowed down by it.
    from tests.accounts.factories import UserFactory

    client.force_login(UserFactory(email="someone.else@example.org"))
    assert client.get(reverse("accounts:personal_data_pdf")).status_code == 200
