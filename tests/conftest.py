"""Personas shared by every test: who can do what is the first thing we check."""

import atexit
import contextlib
import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from accounts.roles import Role
from config.celery import app as celery_app
from core.regions import RegionCode
from tests.accounts.factories import UserFactory, activate_totp, make_office_staff
from tests.hubs.factories import ChamberFactory, HubFactory, MembershipFactory, RegionFactory

# PBKDF2 with a million rounds is the point in production and a waste here: the suite creates
# thousands of users. The hasher itself is Django's to test, not ours.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tasks run in-process in tests; what is queued is asserted through on-commit callbacks.
celery_app.conf.task_always_eager = True
celery_app.conf.task_eager_propagates = True

if celery_app.conf.broker_url.startswith("filesystem://"):
    # The embedded default's broker is a folder of the checkout, which the worker of a
    # `make run` may be reading: what a test publishes goes to folders of its own.
    _broker_dir = Path(tempfile.mkdtemp(prefix="carres-test-broker-"))
    atexit.register(shutil.rmtree, _broker_dir, ignore_errors=True)
    celery_app.conf.broker_transport_options = {
        **celery_app.conf.broker_transport_options,
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "control_folder": str(_broker_dir),
    }


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    # Transactional tests start from the migrated database, reloaded from the copy Django
    # serialized at setup. Django keeps that copy on the connection object, and a test that
    # drove Playwright (greenlets, each with its own context) gets a fresh connection object
    # without it: keep the copy on the class so every connection to the test database has it.
    from django.db import DEFAULT_DB_ALIAS, connections

    wrapper = connections[DEFAULT_DB_ALIAS]
    contents = getattr(wrapper, "_test_serialized_contents", None)
    if contents is not None:
        type(wrapper)._test_serialized_contents = contents
    yield


@pytest.fixture(autouse=True)
def _default_language():
    # The test client leaves the last request's language active in this thread; every test
    # starts in French, the platform's default, as a new visitor would.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clean_shared_cache(db):
    # Rate limits and TOTP replay guards live in the shared cache; one test's must not
    # leak into the next.
    cache.clear()
    yield
    cache.clear()


class _PageQueries(CaptureQueriesContext):
    """The SQL a page runs itself: the database cache's reads and writes are left out.

    Production caches in Redis, the embedded default in the database; a pinned query count
    must mean the same on both.
    """

    @property
    def captured_queries(self):
        return [q for q in super().captured_queries if '"cache_table"' not in q["sql"]]


@contextlib.contextmanager
def _assert_queries(num: int, *, exact: bool):
    with _PageQueries(connection) as captured:
        yield captured
    done = len(captured)
    if (done != num) if exact else (done > num):
        sql = "\n\n".join(q["sql"] for q in captured.captured_queries)
        pytest.fail(
            f"Expected {'' if exact else 'at most '}{num} queries, {done} were done:\n\n{sql}"
        )


@pytest.fixture
def django_assert_num_queries():
    return lambda num: _assert_queries(num, exact=True)


@pytest.fixture
def django_assert_max_num_queries():
    return lambda num: _assert_queries(num, exact=False)


@pytest.fixture
def hub_a(db):
    region = RegionFactory(code=RegionCode.CASABLANCA_SETTAT)
    return HubFactory(chamber=ChamberFactory(region=region), name="Carré Casablanca", slug="hub-a")


@pytest.fixture
def hub_b(db):
    region = RegionFactory(code=RegionCode.SOUSS_MASSA)
    return HubFactory(chamber=ChamberFactory(region=region), name="Carré Agadir", slug="hub-b")


@pytest.fixture
def entrepreneur(db):
    return UserFactory(email="entrepreneur.a@example.org", first_name="Salma")


@pytest.fixture
def arabic_entrepreneur(entrepreneur):
    """The entrepreneur, who reads Arabic (emails, PDFs and login follow the profile)."""
    entrepreneur.preferred_language = "ar"
    entrepreneur.save()
    return entrepreneur


@pytest.fixture
def other_entrepreneur(db):
    return UserFactory(email="entrepreneur.b@example.org", first_name="Youssef")


def _privileged(email, *, hub=None, role=None, office_staff=False):
    user = UserFactory(email=email)
    if hub is not None:
        MembershipFactory(user=user, hub=hub, role=role)
    if office_staff:
        make_office_staff(user)
    activate_totp(user)
    return user


@pytest.fixture
def advisor_a(hub_a):
    return _privileged("advisor.a@example.org", hub=hub_a, role=Role.ADVISOR)


@pytest.fixture
def advisor_b(hub_b):
    return _privileged("advisor.b@example.org", hub=hub_b, role=Role.ADVISOR)


@pytest.fixture
def hub_editor(hub_a):
    return _privileged("editor.a@example.org", hub=hub_a, role=Role.EDITOR)


@pytest.fixture
def office_staff(db):
    return _privileged("staff@example.org", office_staff=True)


@pytest.fixture
def personas(entrepreneur, other_entrepreneur, advisor_a, advisor_b, hub_editor, office_staff):
    return {
        "entrepreneur": entrepreneur,
        "other_entrepreneur": other_entrepreneur,
        "advisor_a": advisor_a,
        "advisor_b": advisor_b,
        "hub_editor": hub_editor,
        "office_staff": office_staff,
    }


def pytest_collection_modifyitems(config, items):
    # Tests that commit for real (live server, threads racing on PostgreSQL) end by flushing
    # the database, which also drops what migrations seeded (Wagtail's root page, reference
    # data). `make test` runs them in a second, serial pass, after the parallel one, and each
    # starts from the migrated database again (serialized rollback), whatever ran before it.
    for item in items:
        marker = item.get_closest_marker("django_db")
        commits = marker is not None and (
            marker.kwargs.get("transaction") or (marker.args and marker.args[0])
        )
        if commits or {"live_server", "transactional_db"} & set(item.fixturenames):
            item.add_marker(pytest.mark.transactional)
            kwargs = dict(marker.kwargs) if marker is not None else {}
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)
