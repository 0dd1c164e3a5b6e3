"""An advisor resets their private calendar address: the old one stops at once."""

import pytest
from django.urls import reverse

from hubs.models import AdvisorBookingProfile
from hubs.services.booking import advisor_booking_profile_save
from tests.accounts.factories import sign_in_with_mfa

pytestmark = pytest.mark.django_db


def test_an_advisor_resets_their_calendar_link_and_the_old_one_stops(client, advisor_a):
    profile = advisor_booking_profile_save(
        advisor=advisor_a, topics=["other"], daily_cap=4, actor=advisor_a
    )
    old = reverse("hubs:agenda_feed", kwargs={"token": profile.feed_token})
    assert client.get(old).status_code == 200
    sign_in_with_mfa(client, advisor_a)
    response = client.post(reverse("hubs:agenda_feed_reset"))
    assert response.status_code == 302
    new_token = AdvisorBookingProfile.objects.get(advisor=advisor_a).feed_token
    assert new_token != profile.feed_token
    assert client.get(old).status_code == 404
    assert client.get(reverse("hubs:agenda_feed", kwargs={"token": new_token})).status_code == 200
    assert new_token in client.get(reverse("hubs:agenda")).content.decode()
