"""Every named URL, every persona, objects owned by someone else: no read or write leaks.

The URLs come from the URL configuration itself, so a new URL without an entry in
`tests/access_table.py` fails `test_every_named_url_has_an_entry_in_the_access_table`.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.forms.models import model_to_dict
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.models import Notification
from accounts.roles import Role
from cms.models import EventRegistration
from cms.services import registration_create
from core.regions import RegionCode
from filings.models import (
    CaseEvent,
    CompanyDocument,
    CompanyRequest,
    CompanyStatus,
    PreFilingStatus,
    TrademarkPreFiling,
)
from filings.services.trademark import prefiling_transition
from hubs.booking_selectors import advisor_free_slots, appointment_manage_token
from hubs.models import AdvisorBookingProfile, Appointment, BookingPolicy, Topic
from hubs.models.labelling import ApplicationEvidence, Label, LabelApplication
from hubs.services import booking as booking_services
from tests.access_table import ACCESS, PERSONAS, PREFIX_RULES
from tests.accounts.factories import UserFactory, activate_totp, make_office_staff
from tests.cms.factories import build_tree, event
from tests.filings.company_helpers import draft_request, move, pdf_bytes
from tests.filings.factories import complete_prefiling, png_bytes
from tests.hubs.factories import ChamberFactory, HubFactory, MembershipFactory, RegionFactory
from tests.hubs.factories_booking import open_hours
from tests.hubs.labelling_support import make_application, make_label

# Strings only the owner's side may ever see, whatever the page.
SECRETS = {
    "company": "Zephyrine Dattes",
    "prefiling": "QUOKKAZEPH",
    "appointment": "Rendez-vous confidentiel Zephyr",
    "application": "17 rue Confidentielle Agadir",
    # Drafts of other_entrepreneur at hub B: theirs alone until submitted.
    "draft_company": "Brouillon Ximenez",
    "draft_prefiling": "XIMENAQUOK",
}
READERS = {
    "company": {"other_entrepreneur", "advisor_b", "office_staff"},
    "prefiling": {"other_entrepreneur", "advisor_b", "office_staff"},
    "appointment": {"other_entrepreneur", "advisor_b", "office_staff"},
    "application": {"office_staff"},
    "draft_company": {"other_entrepreneur"},
    "draft_prefiling": {"other_entrepreneur"},
}


def walk_named_urls(resolver=None, namespace="", prefix=""):
    """(full name, pattern text, has arguments) of every named URL, i18n_patterns included."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(part for part in (namespace, entry.namespace) if part)
            yield from walk_named_urls(entry, inner, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            pattern = prefix + str(entry.pattern)
            has_args = bool(entry.pattern.regex.groups) or "<" in str(entry.pattern)
            yield name, pattern, has_args


def prefix_rule_for(name: str, pattern: str):
    unprefixed = pattern.removeprefix("fr/").removeprefix("^fr/")
    for key, rule in PREFIX_RULES.items():
        kind, _, value = key.partition(":")
        if kind == "name" and name.startswith(value):
            return rule
        if kind == "pattern" and unprefixed.startswith(value):
            return rule
    return None


def _our_urls():
    seen = {}
    for name, pattern, _has_args in walk_named_urls():
        if name in ACCESS or prefix_rule_for(name, pattern) is None:
            seen.setdefault(name, pattern)
    return seen


def test_every_named_url_has_an_entry_in_the_access_table():
    missing = sorted(set(_our_urls()) - set(ACCESS))
    assert not missing, (
        "These named URLs have no entry in tests/access_table.py: "
        + ", ".join(missing)
        + ". Add one line each to ACCESS saying which personas may GET and POST them."
    )


def test_the_access_table_names_only_urls_that_exist():
    stale = sorted(set(ACCESS) - set(_our_urls()))
    assert not stale, f"Remove these entries from tests/access_table.py: {', '.join(stale)}"


@dataclass
class World:
    hub_b: object
    company: CompanyRequest
    document: CompanyDocument
    prefiling: TrademarkPreFiling
    appointment: Appointment
    manage_token: str
    agenda_token: str
    application: LabelApplication
    evidence: ApplicationEvidence
    label: Label
    event: object
    notification: Notification
    draft_company: CompanyRequest
    draft_document: CompanyDocument
    draft_prefiling: TrademarkPreFiling


def _personas() -> dict:
    """The personas of tests/conftest.py, built once for the whole module."""
    hub_a = HubFactory(
        chamber=ChamberFactory(region=RegionFactory(code=RegionCode.CASABLANCA_SETTAT)),
        name="Carré Casablanca",
        slug="hub-a",
    )
    hub_b = HubFactory(
        chamber=ChamberFactory(region=RegionFactory(code=RegionCode.SOUSS_MASSA)),
        name="Carré Agadir",
        slug="hub-b",
    )

    def privileged(email, *, hub=None, role=None):
        user = UserFactory(email=email)
        if hub is not None:
            MembershipFactory(user=user, hub=hub, role=role)
        else:
            make_office_staff(user)
        activate_totp(user)
        return user

    return {
        "hub_a": hub_a,
        "hub_b": hub_b,
        "entrepreneur": UserFactory(email="entrepreneur.a@example.org"),
        "other_entrepreneur": UserFactory(email="entrepreneur.b@example.org"),
        "advisor_a": privileged("advisor.a@example.org", hub=hub_a, role=Role.ADVISOR),
        "advisor_b": privileged("advisor.b@example.org", hub=hub_b, role=Role.ADVISOR),
        "hub_editor": privileged("editor.a@example.org", hub=hub_a, role=Role.EDITOR),
        "office_staff": privileged("staff@example.org"),
    }


def _build_world(people) -> World:
    hub_b = people["hub_b"]
    owner = people["other_entrepreneur"]
    company = draft_request(owner, hub_b, names=(SECRETS["company"],))
    company = move(company, CompanyStatus.SUBMITTED, owner)
    company.receipt.save("receipt.pdf", ContentFile(pdf_bytes()), save=True)

    prefiling = complete_prefiling(owner=owner, hub=hub_b, mark=SECRETS["prefiling"])
    prefiling.logo.save("logo.png", ContentFile(png_bytes()), save=False)
    prefiling.filing_file.save("filing.pdf", ContentFile(pdf_bytes()), save=False)
    prefiling.save()
    prefiling = prefiling_transition(
        prefiling=prefiling, to_status=PreFilingStatus.SUBMITTED, actor=owner
    )

    advisor_b = people["advisor_b"]
    open_hours(advisor_b, hub_b, weekdays=range(7), start=datetime.time(0), end=datetime.time(23))
    BookingPolicy.objects.update_or_create(pk=1, defaults={"change_cutoff_hours": 1})
    slot = advisor_free_slots(advisor_id=advisor_b.pk, hub=hub_b)[0]
    appointment = booking_services.appointment_book(
        entrepreneur=owner,
        hub=hub_b,
        topic=Topic.TRADEMARK,
        starts_at=slot.starts_at,
        mode="hub",
        description=SECRETS["appointment"],
    )

    manager_b = UserFactory(email="manager.b@example.org")
    MembershipFactory(user=manager_b, hub=hub_b, role=Role.HUB_MANAGER)
    activate_totp(manager_b)
    application = make_application(hub=hub_b, manager=manager_b)
    LabelApplication.objects.filter(pk=application.pk).update(space_address=SECRETS["application"])
    application.refresh_from_db()
    label = make_label(hub=hub_b, start=timezone.localdate() - datetime.timedelta(days=400))

    tree = build_tree()
    workshop = event(tree["event_index"], slug="atelier-zephyr")
    registration_create(event=workshop, user=owner, actor=owner)
    notification = Notification.objects.create(
        user=owner, kind="case_message", key="matrix:notification", params={}
    )

    draft_company = draft_request(owner, hub_b, names=(SECRETS["draft_company"],))
    draft_prefiling = complete_prefiling(owner=owner, hub=hub_b, mark=SECRETS["draft_prefiling"])
    draft_prefiling.logo.save("logo.png", ContentFile(png_bytes()), save=True)

    return World(
        draft_company=draft_company,
        draft_document=draft_company.documents.first(),
        draft_prefiling=draft_prefiling,
        hub_b=hub_b,
        company=company,
        document=company.documents.first(),
        prefiling=prefiling,
        appointment=appointment,
        manage_token=appointment_manage_token(appointment),
        agenda_token=AdvisorBookingProfile.objects.get(advisor=advisor_b).feed_token,
        application=application,
        evidence=application.evidence.first(),
        label=label,
        event=workshop,
        notification=notification,
    )


@pytest.fixture(scope="module")
def matrix(django_db_setup, django_db_blocker, tmp_path_factory):
    """Personas and world built once, in a transaction rolled back after the module.

    Each test runs inside it (pytest-django's `db` opens a savepoint), so what one test's
    allowed POSTs change is undone before the next.
    """
    root = tmp_path_factory.mktemp("matrix")
    files = override_settings(MEDIA_ROOT=root / "media", PRIVATE_MEDIA_ROOT=root / "private")
    files.enable()
    try:
        with django_db_blocker.unblock(), transaction.atomic():
            people = _personas()
            yield people, _build_world(people)
            transaction.set_rollback(True)
    finally:
        files.disable()


def _log_in(client, user):
    client.force_login(user)
    # Privileged personas have TOTP; their session says they passed it, as after a real login.
    session = client.session
    session["account_authentication_methods"] = [{"method": "password"}, {"method": "mfa"}]
    session.save()


def _reached(response) -> bool:
    # 400: the view read the request and found it wanting, which is reaching it.
    if response.status_code > 400:
        return False
    if response.status_code in (301, 302, 303, 307, 308):
        target = urlsplit(response["Location"]).path
        return not target.endswith(("/accounts/login/", "/cms-admin/login/"))
    return True


def _snapshot():
    """What a refused write must leave untouched."""
    rows = []
    for model in (CompanyRequest, TrademarkPreFiling, Appointment, LabelApplication, Label):
        rows.extend(model_to_dict(row) for row in model.objects.order_by("pk"))
    counts = [
        model.objects.count()
        for model in (CaseEvent, CompanyDocument, ApplicationEvidence, EventRegistration)
    ]
    return rows, counts


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def _leaks(persona, body) -> list[str]:
    return [
        what for what, secret in SECRETS.items() if secret in body and persona not in READERS[what]
    ]


def _expected(allowed: bool) -> str:
    return "expected it reached" if allowed else "expected it refused"


@pytest.mark.parametrize("name", sorted(ACCESS))
def test_access_matrix(name, matrix, db, client):
    personas, world = matrix
    rule = ACCESS[name]
    url = reverse(name, kwargs=rule.kwargs(world) if rule.kwargs else None)
    users = {"anonymous": None, **{persona: personas[persona] for persona in PERSONAS[1:]}}
    problems = []

    def request(persona, method):
        client.logout()
        if users[persona] is not None:
            _log_in(client, users[persona])
        if method == "get":
            return client.get(url, rule.query)
        return client.post(f"{url}?{urlencode(rule.query)}" if rule.query else url)

    for persona in PERSONAS:
        response = request(persona, "get")
        expected = persona in rule.allowed("get")
        if _reached(response) != expected:
            problems.append(f"GET as {persona}: {response.status_code}, {_expected(expected)}")
        if response.status_code == 200 and not rule.capability:
            for what in _leaks(persona, _body(response)):
                problems.append(f"GET as {persona} shows the {what} of other_entrepreneur")

    # The POSTs that may not write first, then a check that they changed nothing, then the
    # writers' (which may change the world).
    before = _snapshot()
    writers = [persona for persona in PERSONAS if persona in rule.may_write()]
    for persona in [persona for persona in PERSONAS if persona not in writers] + writers:
        if writers and persona == writers[0] and _snapshot() != before:
            problems.append("a POST by someone who may not write changed data")
        allowed = persona in rule.allowed("post")
        response = request(persona, "post")
        if _reached(response) != allowed:
            problems.append(f"POST as {persona}: {response.status_code}, {_expected(allowed)}")
    if not writers and _snapshot() != before:
        problems.append("a POST by someone who may not write changed data")
    assert not problems, f"{name} ({url}):\n" + "\n".join(problems)


# The same URLs, pointed at drafts: nobody but their author reaches them, by GET or POST.
DRAFT_KWARGS = {
    "_prefiling": lambda w: {"public_id": w.draft_prefiling.public_id},
    "_company": lambda w: {"public_id": w.draft_company.public_id},
    "_case": lambda w: {"public_id": w.draft_company.case.public_id},
    "_document": lambda w: {"public_id": w.draft_document.public_id},
    "_prefiling_step": lambda w: {"public_id": w.draft_prefiling.public_id, "step": 1},
    "_company_step": lambda w: {"public_id": w.draft_company.public_id, "step": 1},
}
ON_DRAFTS = sorted(
    name
    for name, rule in ACCESS.items()
    if rule.kwargs is not None and rule.kwargs.__name__ in DRAFT_KWARGS
)


def test_every_case_url_is_tried_on_drafts():
    assert {"filings:trademark_detail", "filings:trademark_logo", "filings:company_detail"} <= set(
        ON_DRAFTS
    )


@pytest.mark.parametrize("name", ON_DRAFTS)
def test_a_draft_is_its_authors_alone(name, matrix, db, client):
    personas, world = matrix
    url = reverse(name, kwargs=DRAFT_KWARGS[ACCESS[name].kwargs.__name__](world))
    problems = []
    before = _snapshot()
    for persona in PERSONAS[1:]:
        if persona == "other_entrepreneur":
            continue
        client.logout()
        _log_in(client, personas[persona])
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if _reached(response):
                problems.append(f"{method.upper()} as {persona}: {response.status_code}")
            elif response.status_code == 200:
                problems += [
                    f"{persona} sees the {what}" for what in _leaks(persona, _body(response))
                ]
    if _snapshot() != before:
        problems.append("a POST by someone other than the author changed a draft")
    assert not problems, f"{name} ({url}):\n" + "\n".join(problems)
