import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.urls import reverse

from accounts.roles import Role
from tests.accounts.factories import PASSWORD, UserFactory, activate_totp, make_office_staff
from tests.hubs.factories import MembershipFactory

# Run again against a real Redis in CI (make test-redis).
pytestmark = pytest.mark.redis


@pytest.fixture
def advisor_without_mfa(hub_a):
    user = UserFactory(email="new.advisor@example.org")
    MembershipFactory(user=user, hub=hub_a, role=Role.ADVISOR)
    return user


def _without_mfa(user):
    Authenticator.objects.filter(user=user).delete()
    return user


@pytest.mark.parametrize("persona", ["advisor_a", "hub_editor", "office_staff"])
@pytest.mark.parametrize("url", ["/fr/staff/", "/fr/my-space/", "/cms-admin/", "/django-admin/"])
def test_privileged_roles_without_totp_see_nothing_but_the_mfa_setup(
    client, personas, persona, url
):
    client.force_login(_without_mfa(personas[persona]))
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].endswith(reverse("mfa_activate_totp"))


def test_privileged_user_can_set_up_totp_and_log_out_before_anything_else(
    client, advisor_without_mfa
):
    login = {"login": advisor_without_mfa.email, "password": PASSWORD}
    client.post(reverse("account_login"), login)
    # allauth asks for the password again before adding a second factor.
    response = client.get(reverse("mfa_activate_totp"))
    assert reverse("account_reauthenticate") in response["Location"]
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    assert client.post(reverse("account_logout")).status_code == 302


def test_advisor_with_totp_enters_the_staff_area(client, advisor_a):
    client.force_login(advisor_a)
    assert client.get(reverse("accounts:staff_area")).status_code == 200


def test_entrepreneur_is_not_asked_for_mfa(client, entrepreneur):
    client.force_login(entrepreneur)
    assert client.get(reverse("accounts:my_space")).status_code == 200


def test_login_of_an_mfa_user_asks_for_the_code_before_opening_the_session(client, db):
    staff = UserFactory(email="otp.staff@example.org")
    make_office_staff(staff)
    secret = activate_totp(staff)

    response = client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("accounts:staff_area")).status_code == 302

    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    assert client.get(reverse("accounts:staff_area")).status_code == 302

    import time

    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    client.post(reverse("mfa_authenticate"), {"code": code})
    assert client.get(reverse("accounts:staff_area")).status_code == 200
