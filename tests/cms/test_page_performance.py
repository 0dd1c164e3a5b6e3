"""The uncached cost of the pages most visited, whatever the amount of data behind them."""

import pytest

from cms.page_cache import page_cache_purge
from tests.accounts.factories import UserFactory
from tests.cms.factories import event, guide, hub_page, news
from tests.hubs.factories import HubFactory, MembershipFactory

# Queries are counted by the suite's django_assert_*_num_queries (tests/conftest.py): the
# page's own SQL, with the cache configured as it is (database or Redis), whose own reads and
# writes are left out.
pytestmark = pytest.mark.django_db


# The target. Routing by url_path (cms.routing) spares the Site, Locale and per-level
# lookups, so an Arabic page costs the same as a French one.
MAX_QUERIES = {"/fr/": 10, "/fr/carres/hub-a/": 10, "/ar/marakiz/markaz-hub-a/": 10}


def _grow(tree, hub, hub_page_obj, n):
    for i in range(n):
        MembershipFactory(user=UserFactory(), hub=hub, role="advisor")
        event(hub_page_obj, slug=f"atelier-{n}-{i}", title=f"Atelier {i}")
        news(tree, 100 * n + i)
        guide(tree, slug=f"guide-{n}-{i}", title=f"Guide {i}")
        hub_page(tree, HubFactory(), arabic=False)


def _queries_for(url, client, django_assert_max_num_queries):
    # Wagtail refills its site-root-paths cache on the first request after pages change;
    # a running server pays that once, not per page view.
    client.get(url)
    page_cache_purge()  # uncached: the page is built from the database
    with django_assert_max_num_queries(MAX_QUERIES[url]) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    return len(captured.captured_queries)


@pytest.mark.parametrize("url", ["/fr/", "/fr/carres/hub-a/", "/ar/marakiz/markaz-hub-a/"])
def test_home_and_hub_page_cost_at_most_ten_queries_whatever_the_data(
    url, client, tree, hub_a, hub_a_page, django_assert_max_num_queries
):
    _grow(tree, hub_a, hub_a_page, 2)
    small = _queries_for(url, client, django_assert_max_num_queries)
    _grow(tree, hub_a, hub_a_page, 12)
    large = _queries_for(url, client, django_assert_max_num_queries)
    assert large == small


def test_a_cached_page_costs_no_query(client, tree, hub_a_page, django_assert_num_queries):
    client.get("/fr/carres/hub-a/")
    with django_assert_num_queries(0):
        response = client.get("/fr/carres/hub-a/")
    assert response["X-Page-Cache"] == "hit"


def test_pages_found_by_url_path_are_served_only_when_live(client, tree, hub_a_page):
    assert client.get("/fr/carres/hub-a/?fresh=1").status_code == 200
    assert client.get("/fr/carres/no-such-hub/?fresh=1").status_code == 404
    hub_a_page.unpublish()
    assert client.get("/fr/carres/hub-a/?fresh=1").status_code == 404
