"""Guessing passwords, flooding forms, probing for accounts, side doors around the login."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.accounts.factories import PASSWORD

# Run again against a real Redis in CI (make test-redis).
pytestmark = pytest.mark.redis


def _is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize(
    "side_door", ["/cms-admin/login/", "/fr/_util/login/", "/django-admin/login/"]
)
def test_other_login_forms_send_to_the_rate_limited_login_with_its_second_factor(
    client, office_staff, side_door
):
    response = client.get(side_door + "?next=/cms-admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=" in response["Location"]
    # Posting the password straight to the old form opens no session without the code.
    client.post(side_door, {"username": office_staff.email, "password": PASSWORD})
    assert not _is_logged_in(client)


def test_the_wagtail_admin_login_does_not_redirect_off_site(client, db):
    response = client.get("/cms-admin/login/?next=https://evil.example.org/")
    assert response["Location"] == reverse("account_login")


def _thirty_logins_then_one_more(client, *, spoofed_addresses: bool):
    # allauth allows 30 login attempts a minute from one address.
    for attempt in range(30):
        client.post(
            reverse("account_login"),
            {"login": f"guess{attempt}@example.org", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt if spoofed_addresses else 9}",
        )
    return client.post(
        reverse("account_login"),
        {"login": "another.guess@example.org", "password": "wrong"},
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )


def test_spoofed_forwarded_for_headers_do_not_escape_the_login_limit(client, db, settings):
    # No proxy is trusted: X-Forwarded-For is the attacker's to write, so it is ignored and
    # every attempt counts against the one real address.
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    response = _thirty_logins_then_one_more(client, spoofed_addresses=True)
    assert response.status_code == 429


def test_behind_a_trusted_proxy_each_visitor_has_their_own_limit(client, db, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    response = _thirty_logins_then_one_more(client, spoofed_addresses=False)
    assert response.status_code == 200


def test_signup_is_rate_limited(client, db):
    statuses = [
        client.post(reverse("account_signup"), {"email": f"flood{n}@example.org"}).status_code
        for n in range(21)
    ]
    assert 429 in statuses


def test_password_reset_mails_are_rate_limited_per_address(client, entrepreneur):
    for _ in range(8):
        client.post(reverse("account_reset_password"), {"email": entrepreneur.email})
    assert 1 <= len(mail.outbox) <= 5


def test_password_reset_answers_the_same_for_unknown_and_known_addresses(client, entrepreneur):
    known = client.post(reverse("account_reset_password"), {"email": entrepreneur.email})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_a_failed_login_says_the_same_for_unknown_and_known_addresses(client, entrepreneur):
    known = client.post(reverse("account_login"), {"login": entrepreneur.email, "password": "x1"})
    unknown = client.post(
        reverse("account_login"), {"login": "nobody@example.org", "password": "x1"}
    )
    assert known.context["form"].errors == unknown.context["form"].errors


def test_changing_the_password_ends_the_other_sessions(entrepreneur):
    laptop, phone = Client(), Client()
    for device in (laptop, phone):
        device.post(reverse("account_login"), {"login": entrepreneur.email, "password": PASSWORD})
        assert _is_logged_in(device)
    new_password = "Another-long-pass-2027"
    laptop.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password},
    )
    entrepreneur.refresh_from_db()
    assert entrepreneur.check_password(new_password)
    response = phone.get(reverse("accounts:my_space"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
