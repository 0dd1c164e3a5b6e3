import pytest

from cms.services import registration_create
from hubs.signals import hub_public_data_changed
from tests.cms.factories import event, publish

# Run again against a real Redis in CI (make test-redis).
pytestmark = [pytest.mark.django_db, pytest.mark.redis]


def _state(client, url):
    return client.get(url)["X-Page-Cache"]


def test_anonymous_visitors_get_the_cached_page(client, hub_a_page):
    assert _state(client, "/fr/carres/hub-a/") == "miss"
    assert _state(client, "/fr/carres/hub-a/") == "hit"


def test_cached_pages_carry_no_csrf_token_or_cookie(client, hub_a_page):
    client.get("/fr/carres/hub-a/")
    response = client.get("/fr/carres/hub-a/")
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies


def test_logged_in_users_and_query_strings_bypass_the_cache(client, tree, hub_a_page, entrepreneur):
    client.get("/fr/carres/?region=CST")
    assert "X-Page-Cache" not in client.get("/fr/carres/?region=CST")
    client.force_login(entrepreneur)
    assert "X-Page-Cache" not in client.get("/fr/carres/hub-a/")


def test_publishing_purges_the_cache(client, hub_a_page, django_capture_on_commit_callbacks):
    client.get("/fr/carres/hub-a/")
    hub_a_page.title = "Nouveau titre"
    with django_capture_on_commit_callbacks(execute=True):
        publish(hub_a_page)
    response = client.get("/fr/carres/hub-a/")
    assert response["X-Page-Cache"] == "miss"
    assert "Nouveau titre" in response.content.decode()


def test_unpublishing_purges_the_cache(client, hub_a_page, django_capture_on_commit_callbacks):
    client.get("/fr/carres/hub-a/")
    with django_capture_on_commit_callbacks(execute=True):
        hub_a_page.unpublish()
    assert client.get("/fr/carres/hub-a/").status_code == 404


def test_hub_data_change_signal_purges_the_cache(
    client, hub_a_page, hub_a, django_capture_on_commit_callbacks
):
    client.get("/fr/carres/hub-a/")
    with django_capture_on_commit_callbacks(execute=True):
        hub_public_data_changed.send(sender=None, hub_ids=[hub_a.pk])
    assert _state(client, "/fr/carres/hub-a/") == "miss"


def test_a_registration_purges_the_cache(
    client, tree, entrepreneur, django_capture_on_commit_callbacks
):
    workshop = event(tree["event_index"], capacity=1)
    client.get("/fr/evenements/atelier/")
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=workshop, user=entrepreneur, actor=entrepreneur)
    html = client.get("/fr/evenements/atelier/").content.decode()
    assert "Complet" in html or "Full" in html


def test_only_public_language_paths_are_cached(client, db):
    assert "X-Page-Cache" not in client.get("/robots.txt")
    assert "X-Page-Cache" not in client.get("/bench/bare")
