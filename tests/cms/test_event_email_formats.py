"""The event-registration email in the registrant's language, with links to the site."""

import re

import pytest
from django.conf import settings
from django.core import mail

pytestmark = pytest.mark.django_db

ISO_DATE = re.compile(r"\b20\d\d-\d\d-\d\d\b")


def test_an_event_email_links_to_the_site_address_not_the_wagtail_host(
    workshop, arabic_entrepreneur, client, django_capture_on_commit_callbacks
):
    page = workshop
    client.force_login(arabic_entrepreneur)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/ar/site/events/{page.pk}/register/")
    (message,) = mail.outbox
    html = message.alternatives[0][0]
    assert "localhost" not in message.body + html
    assert f"{settings.SITE_URL}/ar/" in message.body
    assert "مربعات المبتكرين" in message.from_email
    assert not ISO_DATE.search(message.body + html)
