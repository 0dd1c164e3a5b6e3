import pytest

from tests.cms.factories import build_tree, event, hub_page, translate


@pytest.fixture
def tree(db):
    return build_tree()


@pytest.fixture
def hub_a_page(tree, hub_a):
    return hub_page(tree, hub_a)


@pytest.fixture
def hub_b_page(tree, hub_b):
    return hub_page(tree, hub_b)


@pytest.fixture
def workshop(tree):
    """A one-seat workshop in French with its Arabic translation."""
    page = event(tree["event_index"], slug="atelier", capacity=1, title="Atelier marque")
    translate(
        page,
        tree["event_index_ar"],
        "ar",
        title="ورشة",
        slug="warsha",
        start=page.start,
        end=page.end,
        venue="CCIS",
        capacity=1,
    )
    return page
