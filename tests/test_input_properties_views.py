"""Property-based test over the inputs of every page: whatever a query string or a form
carries, the answer is a page, a redirect or a 4xx, never a server error (5xx).

For every named URL of `tests/access_table.py` (built from the world of
`tests/test_access_matrix.py`, opened as a persona allowed to use it), allauth's own pages
without arguments, and every live Wagtail page, the test:

1. discovers the parameters the page really takes: the fields of the forms rendered on any of
   those pages (given to the URL the form sends to), the query-parameter names of the links
   rendered to it, and the names its view reads from `request.GET` / `request.POST`;
2. sends hostile values (`hostile_text` of tests/test_input_properties.py, days at year 1 and
   9999, instants with extreme offsets, huge and negative numbers, superscript digits,
   non-UUIDs, HTML, SQL, NUL, bidi and zero-width characters, bytes that are not UTF-8), mixed
   with the page's own values so that one bad field reaches the code behind the others: by GET,
   and by POST where the page has form fields;
3. asserts that no answer is a 5xx, naming the request and the exception.

Each example runs in a transaction rolled back after it, so a write one example makes (a
cancelled meeting) does not close the door to the next.

The figures (views, parameters, examples, requests, statuses, what was found) are printed at
the end of the module and written to test-artifacts/input-properties-views.json.

Not sent: real files to upload fields (tests/test_uploads.py and the upload properties of
tests/test_input_properties.py do that), the Wagtail and Django admin, and allauth's pages
whose URL carries a key (e-mail confirmation, password reset).

The normal suite uses the "ci" profile: five examples per URL (two for the slowest pages,
PDFs), about a minute in all. A thorough run, 333 examples per URL (half an hour or more):

    HYPOTHESIS_PROFILE=thorough DATABASE_URL=postgres://... \\
        .venv/bin/pytest tests/test_input_properties_views.py -p no:cacheprovider
"""

import inspect
import json
import os
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, quote_from_bytes, urlencode, urlsplit

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import get_language_from_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from cms.models import HubIndexPage
from hubs.models import Hub
from tests.access_table import ACCESS, PERSONAS
from tests.cms.factories import hub_page
from tests.filings.company_helpers import draft_request
from tests.filings.factories import complete_prefiling
from tests.test_access_matrix import _log_in, matrix, prefix_rule_for, walk_named_urls  # noqa: F401
from tests.test_input_properties import hostile_text

# Values Python or PostgreSQL parse and then cannot compute with, besides hostile_text's.
EDGE_VALUES = [
    "0001-01-01",
    "9999-12-31",
    "0000-00-00",
    "9999-12-31T23:59:59+00:00",
    "9999-12-31T23:59:59.999999-23:59",
    "0001-01-01T00:00:00+14:00",
    "0001-01-01T00:00:00+23:59",
    "2026-03-29T02:30:00+00:00",
    "2026-05-04T09:00:00",
    "-1",
    "0",
    "-2147483649",
    "2147483648",
    "9223372036854775808",
    "99999999999999999999999999999999",
    "1e400",
    "0x10",
    "1_000",
    "\u00b2",
    "\u00b9\u00b2\u00b3",
    "\u2460",
    "\u216b",
    "\u0663",
    "not-a-uuid",
    "00000000-0000-0000-0000-00000000000g",
    "{12345678-1234-5678-1234-567812345678}",
    "12345678-1234-5678-1234-567812345678",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "1; DROP TABLE accounts_user; --",
    "%",
    "_",
    "\\",
    "\x00",
    "a\x00b",
    "\u202e\u2066evil\u2069",
    "\u200b",
    "\ufeff",
    "\u200d\u200c",
    "\udcff",  # sent as a byte that is not UTF-8
    "A" * 5000,
    "javascript:alert(1)",
    "//evil.example.org/",
    "../../etc/passwd",
]

hostile_value = st.one_of(hostile_text, st.sampled_from(EDGE_VALUES))

# Who opens a page when several may: the owner and the hub's side see the most.
PREFERENCE = (
    "other_entrepreneur",
    "advisor_b",
    "office_staff",
    "manager_b",
    "entrepreneur",
    "advisor_a",
    "hub_editor",
    "anonymous",
)
# allauth's pages: the visitor's own account, so the first persona the page shows itself to.
ACCOUNT_PERSONAS = ("anonymous", "other_entrepreneur", "advisor_b")
ACCOUNT_PREFIXES = ("account_", "mfa_")
READERS = ("other_entrepreneur", "advisor_b", "office_staff")
PAGES = "wagtail pages"

EXAMPLES = max(3, settings.default.max_examples // 6)
SLOW_SECONDS = 0.4
CRAWL_STEPS = 2


def _account_names() -> list[str]:
    names = set()
    for name, pattern, has_args in walk_named_urls():
        if name.startswith(ACCOUNT_PREFIXES) and not has_args and prefix_rule_for(name, pattern):
            names.add(name)
    return sorted(names)


TARGET_KEYS = [*sorted(ACCESS), *_account_names(), PAGES]

_READS = [
    re.compile(r"request\.(GET|POST)\.(?:get|getlist)\(\s*[\"']([^\"']+)[\"']"),
    re.compile(r"request\.(GET|POST)\[\s*[\"']([^\"']+)[\"']"),
]
_MEMBERSHIP = re.compile(r"[\"']([^\"']+)[\"']\s+in\s+request\.(GET|POST)")


def _names_read_in(source: str) -> dict[str, set[str]]:
    found = {"get": set(), "post": set()}
    for pattern in _READS:
        for method, name in pattern.findall(source):
            found[method.lower()].add(name)
    for name, method in _MEMBERSHIP.findall(source):
        found[method.lower()].add(name)
    return found


def _source_of(obj) -> str:
    try:
        return inspect.getsource(inspect.unwrap(obj))
    except (OSError, TypeError):
        return ""


class _PageInputs(HTMLParser):
    """The forms (action, method, fields with their values) and links of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.links = [], []
        self._form = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {
                "action": attrs.get("action") or "",
                "method": (attrs.get("method") or "get").lower(),
                "fields": defaultdict(set),
            }
            self.forms.append(self._form)
            return
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
            return
        if self._form is None:
            return
        fields = self._form["fields"]
        if tag == "option" and self._select:
            fields[self._select].add(attrs.get("value") or "")
            return
        name = attrs.get("name")
        if not name:
            return
        if tag in ("input", "button"):
            checked = (attrs.get("type") or "").lower() in ("checkbox", "radio")
            fields[name].add(attrs.get("value") or ("on" if checked else ""))
        elif tag == "select":
            self._select = name
            fields[name] = fields[name]
        elif tag == "textarea":
            fields[name].add("")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


@dataclass
class Target:
    key: str
    # (persona, path) pairs; a Wagtail page target has one per page.
    entries: list[tuple[str, str]]
    post_persona: str | None
    get_params: dict[str, set[str]] = field(default_factory=dict)
    post_fields: dict[str, set[str]] = field(default_factory=dict)
    examples: int = EXAMPLES
    # (method, name) of the parameters sent though nothing showed them.
    stray: set = field(default_factory=set)
    # Answers 405 to a GET: an action, sent by POST even when its form has no field.
    post_only: bool = False
    # Personas whose view of the page is read for its forms and links.
    readers: list[str] = field(default_factory=list)
    # The values the pages themselves send, kept for most parameters of an example.
    get_base: dict[str, str] = field(default_factory=dict)
    post_base: dict[str, str] = field(default_factory=dict)


@dataclass
class Record:
    examples: int = 0
    requests: int = 0
    statuses: Counter = field(default_factory=Counter)
    # (method, exception) -> the smallest request that raised it.
    found: dict = field(default_factory=dict)
    seconds: float = 0.0


RECORD: dict[str, Record] = defaultdict(Record)


class Sessions:
    """A signed-in session per persona, made once: each request starts from its cookie, so a
    request that logs out (or a per-request rollback) never leaves the next one anonymous."""

    def __init__(self, people):
        users = {p: people[p] for p in PERSONAS[1:]}
        # The manager of hub B the world creates: the only one who opens a hub manager's pages.
        users["manager_b"] = get_user_model().objects.get(email="manager.b@example.org")
        self.cookies = {"anonymous": {}}
        for persona, user in users.items():
            client = Client()
            _log_in(client, user)
            self.cookies[persona] = {key: morsel.value for key, morsel in client.cookies.items()}

    def client(self, persona) -> Client:
        client = Client(raise_request_exception=False)
        for key, value in self.cookies[persona].items():
            client.cookies[key] = value
        return client


def _reached(response) -> bool:
    if response.status_code >= 400:
        return False
    location = response.get("Location", "")
    return not urlsplit(location).path.endswith(("/accounts/login/", "/cms-admin/login/"))


def _first(personas, allowed) -> str:
    return next((p for p in PREFERENCE if p in personas and p in allowed), "manager_b")


class Surface:
    """What the pages show: per path, GET parameters and POST fields with the values seen, and
    the URLs (links, GET forms filled with their first values) that lead one step further."""

    def __init__(self):
        self.inputs = defaultdict(lambda: {"get": defaultdict(set), "post": defaultdict(set)})
        self.next_urls = defaultdict(list)
        self.visits = 0

    def observe(self, page_path: str, body: str) -> None:
        parser = _PageInputs()
        parser.feed(body)
        for form in parser.forms:
            action = urlsplit(form["action"])
            path = action.path or page_path
            method = "post" if form["method"] == "post" else "get"
            for name, values in form["fields"].items():
                if name != "csrfmiddlewaretoken":
                    self.inputs[path][method][name] |= values
            for name, value in parse_qsl(action.query, keep_blank_values=True):
                self.inputs[path]["get"][name].add(value)
            if method == "get" and form["fields"]:
                filled = {name: _first_value(values) for name, values in form["fields"].items()}
                self.next_urls[path].append(f"{path}?{urlencode(filled)}")
        for href in parser.links:
            link = urlsplit(href)
            if link.netloc or link.scheme:
                continue
            path = link.path or page_path
            for name, value in parse_qsl(link.query, keep_blank_values=True):
                self.inputs[path]["get"][name].add(value)
            if link.query:
                self.next_urls[path].append(f"{path}?{link.query}")


def _first_value(values: set[str]) -> str:
    filled = sorted(v for v in values if v)
    return filled[0] if filled else ""


def _resolve(path: str):
    # Our URLs carry the language: they resolve only with that language active.
    with translation.override(get_language_from_path(path) or django_settings.LANGUAGE_CODE):
        try:
            return resolve(path)
        except Resolver404:
            return None


def _view_source(path: str) -> str:
    match = _resolve(path)
    return _source_of(match.func) if match else ""


def _drafts(people) -> dict[str, list[str]]:
    """Steps of drafts `entrepreneur` may still edit (the world's own requests are submitted, so
    their steps only send back to the case), and hub A's page in the directory."""
    owner, hub = people["entrepreneur"], people["hub_a"]
    company = draft_request(owner, hub)
    prefiling = complete_prefiling(owner=owner, hub=hub)
    # A hub on the map, so that a position sent to the hub directory is measured against it.
    Hub.objects.filter(pk=hub.pk).update(latitude=33.59, longitude=-7.61)
    hub_page({"hub_index": HubIndexPage.objects.get(locale__language_code="fr")}, hub, arabic=False)
    return {
        "filings:company_step": [
            reverse("filings:company_step", args=[company.public_id, step]) for step in range(1, 7)
        ],
        "filings:trademark_step": [
            reverse("filings:trademark_step", args=[prefiling.public_id, step])
            for step in range(1, 5)
        ],
    }


def _build_targets(world, pages, drafts) -> dict[str, Target]:
    targets = {}
    everyone = (*PERSONAS, "manager_b")
    for key in sorted(ACCESS):
        rule = ACCESS[key]
        path = reverse(key, kwargs=rule.kwargs(world) if rule.kwargs else None)
        target = Target(
            key,
            [(_first(everyone, rule.allowed("get")), path)],
            _first(everyone, rule.allowed("post")),
        )
        # One persona per side is enough to see the forms each side is shown.
        sides = [p for p in READERS if p in rule.allowed("get")]
        target.readers = [*sides, "manager_b"] if sides else [target.entries[0][0], "manager_b"]
        target.get_params = {name: {str(value)} for name, value in rule.query.items()}
        targets[key] = target
    for key, paths in drafts.items():
        targets[key].entries += [("entrepreneur", path) for path in paths]
        # Each step is posted by whoever opens it: its owner.
        targets[key].post_persona = None
    for key in _account_names():
        path = reverse(key)
        targets[key] = Target(key, [(p, path) for p in ACCOUNT_PERSONAS], None)
        targets[key].readers = list(ACCOUNT_PERSONAS)
    targets[PAGES] = Target(PAGES, [("anonymous", url) for url in pages], "other_entrepreneur")
    targets[PAGES].readers = ["anonymous", "other_entrepreneur"]
    return targets


def _discover(sessions, targets) -> tuple[Surface, dict]:
    """GET every target as each persona who may read it, then follow, for a few steps, the
    links and GET forms that lead to each target: what the pages show says what they take."""
    surface, seconds, visited = Surface(), {}, set()

    def visit(target, who, url, *, timed=False):
        visited.add(url)
        surface.visits += 1
        cache.clear()
        began = time.monotonic()
        with transaction.atomic():
            response = sessions.client(who).get(url)
            if getattr(response, "streaming", False):
                b"".join(response.streaming_content)
            transaction.set_rollback(True)
        if timed:
            seconds[target.key] = max(seconds.get(target.key, 0), time.monotonic() - began)
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            surface.observe(urlsplit(url).path, response.content.decode())
        return response

    for target in targets.values():
        reached = []
        for persona, path in list(target.entries):
            # The persona the test sends as comes last, on a page already warm: its time says
            # how slow the page is, not how slow a first template compilation is.
            for who in [*(r for r in target.readers if r != persona), persona]:
                response = visit(target, who, path, timed=who == persona)
                if who == persona and response.status_code == 200:
                    reached.append((persona, path))
                if who == persona and response.status_code == 405:
                    target.post_only = True
        if target.key.startswith(ACCOUNT_PREFIXES):
            # allauth's pages: the first persona the page shows itself to.
            target.entries = reached[:1] or target.entries[:1]
            target.post_persona = target.entries[0][0]
    for _step in range(CRAWL_STEPS):
        for target in targets.values():
            # One step further per target and step: a slot list leads to the slot's page, and
            # that page to its form.
            ahead = (
                (persona, url)
                for persona, path in target.entries
                for url in surface.next_urls[path]
                if url not in visited
            )
            persona, url = next(ahead, (None, None))
            if url is not None:
                visit(target, persona, url)
    return surface, seconds


def _complete(targets, surface: Surface, seconds, pages) -> None:
    # The same view at other arguments the pages send to (a label's other actions, another
    # step, the Arabic page): each example picks one of them.
    for path in list(surface.inputs):
        match = _resolve(path)
        target = targets.get(match.view_name) if match else None
        if target is not None and path not in {p for _persona, p in target.entries}:
            target.entries.append((target.entries[0][0], path))
    for target in targets.values():
        get_params, post_fields = defaultdict(set), defaultdict(set)
        for name, values in target.get_params.items():
            get_params[name] |= values
        paths = {urlsplit(path).path for _persona, path in target.entries}
        if target.key == PAGES:
            sources = [_source_of(type(page)) for page in pages.values()]
        else:
            sources = [_view_source(path) for path in paths]
        for path in paths:
            found = surface.inputs.get(path, {"get": {}, "post": {}})
            for name, values in found["get"].items():
                get_params[name] |= values
            for name, values in found["post"].items():
                post_fields[name] |= values
        read = _names_read_in("\n".join(sources))
        for name in read["get"]:
            get_params[name] |= set()
        for name in read["post"]:
            post_fields[name] |= set()
        if not get_params and not post_fields:
            # Nothing to discover: a stray parameter still checks the page ignores it.
            get_params["page"] = set()
            target.stray.add(("get", "page"))
        if target.post_only and not post_fields:
            # An action with no field but its CSRF token: still sent, with a stray one.
            post_fields["page"] = set()
            target.stray.add(("post", "page"))
        target.get_params, target.post_fields = dict(get_params), dict(post_fields)
        _baselines(target, surface, paths)
        if seconds.get(target.key, 0) > SLOW_SECONDS:
            target.examples = max(2, EXAMPLES // 3)
        elif target.key == PAGES:
            target.examples = 2 * EXAMPLES


@pytest.fixture(scope="module")
def surface(matrix, django_db_blocker, pytestconfig):  # noqa: F811
    people, world = matrix
    with django_db_blocker.unblock():
        sessions = Sessions(people)
        began = time.monotonic()
        drafts = _drafts(people)
        pages = {page.url: page for page in Page.objects.live().specific() if page.url}
        targets = _build_targets(world, list(pages), drafts)
        found, seconds = _discover(sessions, targets)
        _complete(targets, found, seconds, pages)
        discovery = {"requests": found.visits, "seconds": round(time.monotonic() - began, 1)}
        yield sessions, targets
    _report(targets, discovery, pytestconfig)


# How each parameter of an example is sent. Keeping the page's own value for most of them lets
# the hostile one reach the code behind the others (a slot's page needs a real slot).
HOW = ("keep", "keep", "keep", "hostile", "hostile", "omit", "several")
FILLER = "Atlas 2026"


def _values(samples: set[str], baseline: str | None):
    readable = sorted(v for v in samples if len(v) < 200)
    other = st.one_of(st.sampled_from(readable), hostile_value) if readable else hostile_value

    def sent(how):
        if how == "keep":
            return st.just([] if baseline is None else [baseline])
        if how == "hostile":
            return other.map(lambda value: [value])
        if how == "omit":
            return st.just([])
        return st.lists(other, min_size=2, max_size=3)

    return st.sampled_from(HOW).flatmap(sent)


def _encode(pairs) -> str:
    def part(text):
        return quote_from_bytes(text.encode("utf-8", "surrogatepass"), safe="")

    return "&".join(f"{part(name)}={part(value)}" for name, value in pairs)


def _draw(data, params: dict[str, set[str]], baseline: dict[str, str], label: str):
    pairs = []
    for name in sorted(params):
        drawn = data.draw(_values(params[name], baseline.get(name)), label=f"{label} {name}")
        pairs += [(name, value) for value in drawn]
    return pairs


def _baselines(target, surface: Surface, paths) -> None:
    """The page's own values: a link's whole query (its values go together: a slot's start
    with its topic), then the first value each field shows; text fields get a plain word."""
    link = next(
        (url for path in paths for url in surface.next_urls[path] if urlsplit(url).query), ""
    )
    target.get_base = dict(parse_qsl(urlsplit(link).query, keep_blank_values=True))
    for name, values in target.get_params.items():
        if name not in target.get_base and _first_value(values):
            target.get_base[name] = _first_value(values)
    target.post_base = {
        name: _first_value(values) or FILLER for name, values in target.post_fields.items()
    }


def _send(client, method, path, query, body):
    url = f"{path}?{query}" if query else path
    with transaction.atomic():
        if method == "get":
            response = client.get(url)
        else:
            response = client.post(url, body, content_type="application/x-www-form-urlencoded")
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
        transaction.set_rollback(True)
    return response


def _failure(response) -> str:
    exc = getattr(response, "exc_info", None)
    return (
        f"{exc[0].__name__}: {exc[1]}" if exc else response.content[:300].decode(errors="replace")
    )


@pytest.mark.parametrize("key", TARGET_KEYS)
def test_no_parameter_or_field_makes_a_page_fail(key, surface, db):
    sessions, targets = surface
    target = targets[key]
    record = RECORD[key]

    @settings(
        max_examples=target.examples,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )
    @given(data=st.data())
    def run(data):
        persona, path = data.draw(st.sampled_from(target.entries), label="page")
        query = _encode(_draw(data, target.get_params, target.get_base, "GET"))
        requests = [("get", persona, query, "")]
        if target.post_fields:
            body = _encode(_draw(data, target.post_fields, target.post_base, "POST"))
            requests.append(("post", target.post_persona or persona, query, body))
        record.examples += 1
        for method, who, query_string, body in requests:
            cache.clear()
            began = time.monotonic()
            response = _send(sessions.client(who), method, path, query_string, body)
            record.seconds += time.monotonic() - began
            record.requests += 1
            record.statuses[response.status_code] += 1
            if response.status_code >= 500:
                problem = {
                    "method": method.upper(),
                    "path": path,
                    "as": who,
                    "query": query_string[:500],
                    "body": body[:500],
                    "status": response.status_code,
                    "error": _failure(response),
                }
                # Hypothesis shrinks a failure through many requests: keep the smallest.
                same = (problem["method"], problem["error"].split(":")[0])
                kept = record.found.get(same)
                if kept is None or len(problem["query"] + problem["body"]) < len(
                    kept["query"] + kept["body"]
                ):
                    record.found[same] = problem
                raise AssertionError(json.dumps(problem, ensure_ascii=False, indent=1))

    run()


def test_discovery_finds_the_parameters_the_views_read(surface):
    """The test above is only as good as what it finds to send: spot-check known inputs."""
    _sessions, targets = surface
    expected = {
        "hubs:book_confirm": ({"topic", "advisor", "start", "case"}, {"mode", "description"}),
        "hubs:agenda": ({"date", "view"}, set()),
        "hubs:figures": ({"start", "end"}, set()),
        "hubs:figures_export": ({"start", "end"}, set()),
        "filings:company_name_check": ({"name", "request"}, set()),
        "filings:company_queue": ({"status", "older_than", "mine"}, set()),
        "hubs:appointment_reschedule": (set(), {"start"}),
        "hubs:appointment_cancel": (set(), {"reason"}),
        "hubs:appointment_close": (set(), {"outcome"}),
        "hubs:appointment_notes": (set(), {"notes"}),
        "filings:similarity_json": ({"q", "classes"}, set()),
        "cms:search": ({"q", "page"}, set()),
    }
    missing = {
        key: (sorted(get - set(targets[key].get_params)),
              sorted(post - set(targets[key].post_fields)))
        for key, (get, post) in expected.items()
        if not get <= set(targets[key].get_params) or not post <= set(targets[key].post_fields)
    }  # fmt: skip
    assert not missing, missing
    assert {"lat", "lng", "region", "city"} <= set(targets[PAGES].get_params)


def _found(target, method) -> int:
    sent = target.get_params if method == "get" else target.post_fields
    return len([name for name in sent if (method, name) not in target.stray])


def _report(targets, discovery, pytestconfig) -> None:
    ran = {key: RECORD[key] for key in targets if RECORD[key].examples}
    if not ran:
        return
    statuses = sum((r.statuses for r in ran.values()), Counter())
    summary = {
        "profile_examples_per_url": EXAMPLES,
        "discovery": discovery,
        "views": len(ran),
        "urls": sum(len(targets[key].entries) for key in ran),
        "get_parameters": sum(_found(targets[key], "get") for key in ran),
        "post_fields": sum(_found(targets[key], "post") for key in ran),
        "stray_parameters": sum(len(targets[key].stray) for key in ran),
        "examples": sum(r.examples for r in ran.values()),
        "requests": sum(r.requests for r in ran.values()),
        "statuses": dict(sorted(statuses.items())),
        "seconds_in_requests": round(sum(r.seconds for r in ran.values()), 1),
        "found": [problem for r in ran.values() for problem in r.found.values()],
        "per_view": {
            key: {
                "get": sorted(targets[key].get_params),
                "post": sorted(targets[key].post_fields),
                "stray": sorted(targets[key].stray),
                "examples": r.examples,
                "seconds": round(r.seconds, 2),
                "statuses": dict(sorted(r.statuses.items())),
            }
            for key, r in ran.items()
        },
    }
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    out = Path(__file__).resolve().parent.parent / "test-artifacts"
    out.mkdir(exist_ok=True)
    name = f"input-properties-views{'-' + worker if worker else ''}.json"
    (out / name).write_text(json.dumps(summary, ensure_ascii=False, indent=1, default=str))
    line = (
        f"input properties: {summary['views']} views ({summary['urls']} URLs), "
        f"{summary['get_parameters']} GET parameters and {summary['post_fields']} POST fields "
        f"found (+{summary['stray_parameters']} stray), "
        f"{summary['examples']} examples, {summary['requests']} requests, "
        f"statuses {summary['statuses']}, {len(summary['found'])} server errors "
        f"(details: test-artifacts/{name})"
    )
    reporter = pytestconfig.pluginmanager.getplugin("terminalreporter")
    capture = pytestconfig.pluginmanager.getplugin("capturemanager")
    if reporter is None or capture is None:
        print(line)
        return
    # A module fixture's teardown runs with output captured: say it on the terminal anyway.
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        reporter.write_line(line)
