import pytest

from tests.cms.factories import build_tree, hub_page


@pytest.fixture
def tree(db):
    return build_tree()


@pytest.fixture
def hub_a_page(tree, hub_a):
    return hub_page(tree, hub_a)


@pytest.fixture
def hub_b_page(tree, hub_b):
    return hub_page(tree, hub_b)
