"""The CMS admin: a clear refusal for those it is not for, and no request to outside services."""

import pytest

from tests.accounts.factories import sign_in_with_mfa

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["entrepreneur", "advisor_a"])
def test_someone_without_access_is_told_so_instead_of_bounced_to_the_login(
    client, personas, persona
):
    sign_in_with_mfa(client, personas[persona])
    response = client.get("/cms-admin/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 403
    assert "éditeur de contenu" in response.content.decode()


def test_the_admin_shows_no_gravatar(client, office_staff):
    sign_in_with_mfa(client, office_staff)
    response = client.get("/cms-admin/")
    assert response.status_code == 200
    assert "gravatar" not in response.content.decode().lower()
