import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from accounts.models import User
from accounts.roles import Role, roles_of
from accounts.validators import DEMO_PASSWORD
from cms.models import HomePage
from hubs.models import Hub, Region


@pytest.mark.django_db
def test_demo_data_builds_the_network_and_accounts_and_can_run_twice():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert Region.objects.count() == 12
    assert Hub.objects.count() == 12
    assert set(Hub.objects.values_list("city", flat=True)) >= {"Casablanca", "Agadir", "Dakhla"}

    advisor = User.objects.get(email="advisor@example.com")
    assert roles_of(advisor) == {Role.ADVISOR}
    assert sorted(advisor.hub_memberships.values_list("hub__chamber__region__code", flat=True)) == [
        "CST",
        "RSK",
    ]
    assert roles_of(User.objects.get(email="editor@example.com")) == {Role.EDITOR}
    assert roles_of(User.objects.get(email="staff@example.com")) == {Role.OFFICE_STAFF}
    assert roles_of(User.objects.get(email="entrepreneur2@example.com")) == {Role.ENTREPRENEUR}
    for user in User.objects.filter(email__endswith="@example.com"):
        assert user.check_password(DEMO_PASSWORD)

    home_languages = set(HomePage.objects.values_list("locale__language_code", flat=True))
    assert home_languages == {"fr", "ar", "en"}
    assert Locale.objects.count() == 3


@pytest.mark.django_db
def test_demo_home_page_is_served_in_each_language(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert "مربعات المبتكرين" in client.get("/ar/").content.decode()
    assert "Innovators’ hubs" in client.get("/en/").content.decode()
    assert "Carrés des innovateurs" in client.get("/fr/").content.decode()


@pytest.mark.django_db
def test_the_arabic_speaking_founders_demo_receipt_is_in_arabic():
    from filings.models import CompanyRequest

    call_command("load_demo", stdout=io.StringIO())
    submitted = CompanyRequest.objects.filter(
        case__owner__email="entrepreneur2@example.com", submitted_at__isnull=False
    )
    assert submitted.exists()
    assert set(submitted.values_list("receipt_language", flat=True)) == {"ar"}
