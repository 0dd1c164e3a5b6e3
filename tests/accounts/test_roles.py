import pytest
from django.urls import reverse

from accounts import roles
from accounts.roles import Role


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("entrepreneur", {Role.ENTREPRENEUR}),
        ("advisor_a", {Role.ADVISOR}),
        ("hub_editor", {Role.EDITOR}),
        ("office_staff", {Role.OFFICE_STAFF}),
    ],
)
def test_roles_are_derived_from_memberships_and_groups(personas, persona, expected):
    assert roles.roles_of(personas[persona]) == expected


def test_anonymous_visitor_has_no_role(rf):
    from django.contrib.auth.models import AnonymousUser

    assert roles.roles_of(AnonymousUser()) == frozenset()


def test_a_hub_manager_counts_as_an_advisor(hub_a):
    from tests.accounts.factories import UserFactory
    from tests.hubs.factories import MembershipFactory

    manager = UserFactory()
    MembershipFactory(user=manager, hub=hub_a, role=Role.HUB_MANAGER)
    assert roles.is_advisor(manager)
    assert not roles.is_entrepreneur(manager)


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("entrepreneur", 403),
        ("advisor_a", 200),
        ("advisor_b", 200),
        ("hub_editor", 200),
        ("office_staff", 200),
    ],
)
def test_staff_area_is_open_to_staff_roles_only(client, personas, persona, status):
    client.force_login(personas[persona])
    assert client.get(reverse("accounts:staff_area")).status_code == status


def test_anonymous_visitor_is_sent_to_login_from_private_pages(client, db):
    for name in ("accounts:my_space", "accounts:staff_area", "accounts:profile"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


def test_entrepreneur_sees_an_empty_my_space_with_guidance(client, entrepreneur):
    client.force_login(entrepreneur)
    response = client.get(reverse("accounts:my_space"), HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert "Salma" in response.content.decode()
