"""The bell, the notifications page, and which emails a person receives."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Notification
from accounts.notifications import notification_create, notification_send_email

pytestmark = pytest.mark.django_db


def _notify(user, key="k1", kind="case_message"):
    params = {"reference": "CO-2026-000001", "author": "Conseiller"}
    return notification_create(user=user, kind=kind, key=key, params=params, url="/fr/my-space/")


def test_one_notification_per_event_and_one_email(entrepreneur, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = _notify(entrepreneur)
        again = _notify(entrepreneur)
    assert first is not None and again is None
    assert Notification.objects.count() == 1
    assert not notification_send_email(notification_id=first.pk)  # already sent once
    assert [m.to for m in mail.outbox] == [[entrepreneur.email]]
    assert "CO-2026-000001" in mail.outbox[0].body


def test_email_in_the_recipients_language(entrepreneur, django_capture_on_commit_callbacks):
    entrepreneur.preferred_language = "ar"
    entrepreneur.save()
    with django_capture_on_commit_callbacks(execute=True):
        _notify(entrepreneur)
    assert "رسالة" in mail.outbox[0].body


def test_optional_emails_can_be_turned_off_but_required_ones_cannot(
    client, entrepreneur, django_capture_on_commit_callbacks
):
    client.force_login(entrepreneur)
    client.post(reverse("accounts:notification_preferences"), {"emails": []})
    entrepreneur.refresh_from_db()
    assert "case_message" in entrepreneur.email_opt_outs
    assert "case_info_requested" not in entrepreneur.email_opt_outs
    with django_capture_on_commit_callbacks(execute=True):
        _notify(entrepreneur, key="a")
        notification_create(
            user=entrepreneur, kind="case_info_requested", key="b",
            params={"reference": "TM-2026-000001", "title": "KOALA"},
        )  # fmt: skip
    assert len(mail.outbox) == 1
    assert "KOALA" in mail.outbox[0].body
    assert entrepreneur.notifications.count() == 2  # both still under the bell


def test_bell_shows_unread_count_in_one_query(client, entrepreneur):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _notify(entrepreneur, key="a")
    _notify(entrepreneur, key="b")
    client.force_login(entrepreneur)
    url = reverse("accounts:privacy")
    page = client.get(url).content.decode()
    assert 'data-testid="notification-bell"' in page and ">2<" in page
    Notification.objects.update(read_at="2026-01-01T00:00Z")
    with_bell = client.get(url)
    assert ">2<" not in with_bell.content.decode()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert sum("accounts_notification" in q["sql"] for q in queries) == 1


def test_anonymous_pages_have_no_bell_and_no_notification_query(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("accounts:privacy")).content.decode()
    assert "notification-bell" not in page
    assert not any("accounts_notification" in q["sql"] for q in queries)


def test_open_marks_read_and_follows_only_local_links(client, entrepreneur, other_entrepreneur):
    mine = _notify(entrepreneur, key="a")
    theirs = _notify(other_entrepreneur, key="b")
    client.force_login(entrepreneur)
    response = client.post(reverse("accounts:notification_read", args=[mine.public_id]))
    assert response["Location"] == "/fr/my-space/"
    mine.refresh_from_db()
    assert mine.read_at is not None
    assert (
        client.post(reverse("accounts:notification_read", args=[theirs.public_id])).status_code
        == 404
    )
    page = client.get(reverse("accounts:notifications")).content.decode()
    assert "CO-2026-000001" in page


def test_mark_all_read(client, entrepreneur):
    _notify(entrepreneur, key="a")
    _notify(entrepreneur, key="b")
    client.force_login(entrepreneur)
    client.post(reverse("accounts:notifications_read_all"))
    assert not entrepreneur.notifications.filter(read_at__isnull=True).exists()


@pytest.mark.parametrize("name", ["accounts:notifications"])
def test_notifications_need_login(client, name):
    assert client.get(reverse(name)).status_code == 302


def test_bell_in_arabic_uses_the_plural_forms(client, entrepreneur):
    for key in ("a", "b", "c"):
        _notify(entrepreneur, key=key)
    client.force_login(entrepreneur)
    response = client.get("/ar/privacy/")
    assert response.status_code == 200
    assert "إشعارات غير مقروءة" in response.content.decode()
