"""What a visitor sees when a page is missing or the platform fails: their language, no trace."""

import pytest
from django.test import Client

from tests.accounts.factories import sign_in_with_mfa


@pytest.mark.parametrize(
    ("language", "title", "direction"),
    [("fr", "Cette page n’existe pas", "ltr"), ("ar", "هذه الصفحة غير موجودة", "rtl")],
)
def test_a_missing_page_answers_404_in_the_visitors_language(
    client, db, language, title, direction
):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert title in page and f'dir="{direction}"' in page


@pytest.fixture
def failing_site(settings, db):
    settings.ROOT_URLCONF = "tests.error_urls"
    return Client(raise_request_exception=False)


def test_the_database_out_of_reach_is_a_503_that_asks_to_retry(failing_site):
    response = failing_site.get("/database-gone/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    page = response.content.decode()
    assert "Service momentanément indisponible" in page and "Connection refused" not in page


def test_a_bug_is_a_500_that_shows_nothing_of_the_error(failing_site):
    response = failing_site.get("/bug/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Une erreur est survenue de notre côté" in page and "a bug" not in page


@pytest.mark.parametrize(
    ("language", "title", "direction"),
    [
        ("fr", "Cette page n’est pas ouverte à votre compte", "ltr"),
        ("ar", "هذه الصفحة غير متاحة لحسابك", "rtl"),
    ],
)
def test_a_refused_page_answers_403_in_the_site_frame_and_the_readers_language(
    client, entrepreneur, language, title, direction
):
    client.force_login(entrepreneur)
    response = client.get(f"/{language}/filings/trademarks/review/")
    assert response.status_code == 403
    page = response.content.decode()
    assert title in page and f'dir="{direction}"' in page
    assert "403 Forbidden" not in page and "<nav" in page  # the site's frame, not a bare page


def test_too_many_attempts_answer_429_in_the_site_frame(client, office_staff):
    from tests.accounts.factories import PASSWORD

    office_staff.set_password(PASSWORD)
    office_staff.save()
    sign_in_with_mfa(client, office_staff)
    for attempt in range(8):
        response = client.post(
            "/ar/accounts/password/change/",
            {"oldpassword": f"wrong-{attempt}", "password1": "N3w-pass-2026!", "password2": "x"},
        )
    assert response.status_code == 429
    page = response.content.decode()
    assert "محاولات كثيرة جدًا في وقت قصير" in page and 'dir="rtl"' in page
    assert "Too Many Requests" not in page
