"""The event-registration email in the registrant's language, with links to the site."""

import re

import pytest
from django.conf import settings
from django.core import mail

from tests.cms.factories import event, translate

pytestmark = pytest.mark.django_db

ISO_DATE = re.compile(r"\b20\d\d-\d\d-\d\d\b")


@pytest.fixture
def arabic_entrepreneur(entrepreneur):
    entrepreneur.preferred_language = "ar"
    entrepreneur.save()
    return entrepreneur


def test_an_event_email_links_to_the_site_address_not_the_wagtail_host(
    tree, arabic_entrepreneur, client, django_capture_on_commit_callbacks
):
    page = event(tree["event_index"], slug="atelier", capacity=5, title="Atelier marque")
    translate(
        page,
        tree["event_index_ar"],
        "ar",
        title="ورشة",
        slug="warsha",
        start=page.start,
        end=page.end,
        venue="CCIS",
        capacity=5,
    )
    client.force_login(arabic_entrepreneur)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/ar/site/events/{page.pk}/register/")
    (message,) = mail.outbox
    html = message.alternatives[0][0]
    assert "localhost" not in message.body + html
    assert f"{settings.SITE_URL}/ar/" in message.body
    assert "مربعات المبتكرين" in message.from_email
    assert not ISO_DATE.search(message.body + html)
