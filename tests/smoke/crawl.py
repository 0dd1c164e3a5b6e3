"""Crawl the running platform as a newcomer and each demo persona would, GET only.

Visits every URL of ``/sitemap.xml`` (every language; each must answer 200), then logs in as
each demo persona (the TOTP code computed from the demo secret for the privileged ones) and
follows every link reachable from the page the persona lands on. Fails on any 5xx answer and on
any page of a language whose ``<html>`` has another ``lang`` or the wrong ``dir``; prints how
many pages each persona saw, and how many of them in Arabic.

On every Arabic page outside the admins, it looks for French or English words the platform
wrote (``foreign_words``): runs of Latin letters in the visible text and in the attributes a
reader meets (placeholder, title, alt, aria-label, button values), outside what users typed,
which the templates mark with ``dir="auto"``, ``dir="ltr"``, ``<bdi>``, ``translate="no"``,
``<code>``, ``<kbd>`` or a ``lang`` of another language. It lists them grouped by text, with
the pages they appear on; ``--arabic-words fail`` makes them failures.

    .venv/bin/python tests/smoke/crawl.py [--base http://127.0.0.1:8000] [--arabic-words fail]

Only the standard library: it runs against any server, from any checkout, even one that has
not installed the platform's dependencies.
"""

import argparse
import base64
import hashlib
import hmac
import http.cookiejar
import re
import struct
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser

DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 - the public demo password (README)
DEMO_TOTP_SECRET = "CARRESDEMOMFAKEYFORTESTINGXYZ234"  # noqa: S105 - likewise
PERSONAS = [
    ("entrepreneur@example.com", False),
    ("entrepreneur2@example.com", False),
    ("advisor@example.com", True),
    ("advisor2@example.com", True),
    ("editor@example.com", True),
    ("staff@example.com", True),
    ("manager@example.com", True),
]
# Links a crawler must not follow: leaving the session, and files the platform only serves.
SKIPPED_PREFIXES = ("/static/",)
SKIPPED_PARTS = ("/accounts/logout/",)
# Calendars and lists link to the next week or page forever: a few URLs of each shape (path
# and names of its query parameters) stand for the rest.
PER_SHAPE = 3
# Wagtail's and Django's admins show every object through the same few views: a few objects
# of each view stand for the rest there (the platform's own pages are all visited).
ADMIN_PREFIXES = ("/cms-admin/", "/django-admin/")
# A persona that reaches more pages than this has an endless link the shapes did not catch.
MAX_PAGES = 3000
DIRECTIONS = {"fr": "ltr", "ar": "rtl", "en": "ltr"}
# Words of French or English: two Latin letters or more (accented ones included).
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]{2,}")
# Written the same in an Arabic interface: the institutions' acronyms, file and feed formats.
LATIN_ALLOWED = frozenset(
    {
        "OMPIC",
        "CCIS",
        "PDF",
        "JPEG",
        "PNG",
        "SMS",
        "CSV",
        "JSON",
        "Excel",
        "RSS",
        "Atom",
        "QR",
        "IP",
        # Legal forms, named so in Arabic too (on the register's extracts and the statutes).
        "SARL",
        "AU",
        "SA",
        "SNC",
    }
)
# Plain text's <bdi> (notifications, emails): first-strong isolate ... pop directional isolate.
ISOLATED = re.compile("\u2068[^\u2069]*\u2069")
# Besides the text, what a reader sees or hears read aloud.
READ_ATTRIBUTES = ("placeholder", "title", "alt", "aria-label", "aria-description")
BUTTON_TYPES = ("submit", "button", "reset")
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
# Never read as the platform's words: code, form values, what users wrote set apart by bdi.
UNREAD_ELEMENTS = frozenset({"script", "style", "textarea", "bdi", "code", "kbd", "samp"})


def totp(secret: str, at: float | None = None) -> str:
    """RFC 6238: six digits, 30-second steps, HMAC-SHA1 (what authenticator apps compute)."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = int(at if at is not None else time.time()) // 30
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.html_attrs: dict = {}
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html" and not self.html_attrs:
            self.html_attrs = attrs
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self.forms.append({"action": attrs.get("action") or "", "inputs": {}})
        elif tag == "input" and self.forms and attrs.get("name"):
            self.forms[-1]["inputs"][attrs["name"]] = attrs.get("value") or ""


def _sets_apart(tag: str, attrs: dict) -> bool:
    """Whether the element holds what a user wrote, a left-to-right token or another language."""
    if tag in UNREAD_ELEMENTS or attrs.get("translate") == "no":
        return True
    if tag == "input" and attrs.get("type") == "hidden":
        return True
    if attrs.get("dir") in ("auto", "ltr"):
        return True
    lang = attrs.get("lang")
    return lang is not None and tag != "html" and lang.split("-")[0] != "ar"


class _ArabicText(HTMLParser):
    """The texts of an Arabic page holding Latin words, outside what is set apart."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, set apart)
        self.found: list[str] = []

    def _set_apart(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def _look(self, text: str | None, where: str = "") -> None:
        text = ISOLATED.sub(" ", text) if text else text
        if text and any(w not in LATIN_ALLOWED for w in LATIN_WORD.findall(text)):
            self.found.append(where + " ".join(text.split())[:120])

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        apart = self._set_apart() or _sets_apart(tag, attrs)
        if not apart:
            for name in READ_ATTRIBUTES:
                self._look(attrs.get(name), f"[{name}] ")
            if tag == "input" and attrs.get("type") in BUTTON_TYPES:
                self._look(attrs.get("value"), "[value] ")
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, apart))

    def handle_endtag(self, tag):
        # Elements left open (<p>, <li>) close with the first ancestor that ends.
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self._set_apart():
            self._look(data)


def foreign_words(html: str) -> list[str]:
    """The texts of an Arabic page that show French or English words the platform wrote."""
    parser = _ArabicText()
    parser.feed(html)
    parser.close()
    return list(dict.fromkeys(parser.found))


@dataclass
class Result:
    persona: str
    pages: int = 0
    arabic_pages: int = 0
    failures: list = field(default_factory=list)
    shapes: dict = field(default_factory=dict)
    # text holding foreign words -> the Arabic pages showing it
    arabic_words: dict = field(default_factory=dict)


class Browser:
    def __init__(self, base: str):
        self.base = base.rstrip("/")
        self.host = urllib.parse.urlsplit(self.base).netloc
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def open(self, url: str, data: dict | None = None):
        """(status, final URL, content type, body) of a GET, or of a POST when data is given."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body)  # noqa: S310 - our own server
        if data is not None:
            request.add_header("Referer", url)  # Django's CSRF check over plain HTTP too
        try:
            with self.opener.open(request, timeout=60) as response:
                return (
                    response.status,
                    response.geturl(),
                    response.headers.get_content_type(),
                    response.read(),
                )
        except urllib.error.HTTPError as error:
            return error.code, url, error.headers.get_content_type(), error.read()

    def submit(self, url: str, fields: dict) -> tuple:
        status, final, _type, body = self.open(url)
        page = _Page()
        page.feed(body.decode("utf-8", "replace"))
        # The page may hold other forms (the language switcher): take the one with these fields.
        form = next(f for f in page.forms if set(fields) <= set(f["inputs"]))
        action = urllib.parse.urljoin(final, form["action"] or final)
        return self.open(action, {**form["inputs"], **fields})

    def log_in(self, email: str, mfa: bool) -> str:
        status, landing, _type, _body = self.submit(
            f"{self.base}/fr/accounts/login/", {"login": email, "password": DEMO_PASSWORD}
        )
        if mfa:
            if "/2fa/" not in landing:
                raise RuntimeError(f"{email}: no second-factor step after the password ({landing})")
            status, landing, _type, _body = self.submit(landing, {"code": totp(DEMO_TOTP_SECRET)})
        if status != 200 or "/accounts/login/" in landing or "/2fa/" in landing:
            raise RuntimeError(f"{email}: login failed, landed on {landing} ({status})")
        return landing


def _inside(browser: Browser, url: str) -> str | None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc != browser.host:
        return None
    if parts.path.startswith(SKIPPED_PREFIXES) or any(p in parts.path for p in SKIPPED_PARTS):
        return None
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))


def _shape(url: str) -> tuple:
    parts = urllib.parse.urlsplit(url)
    path = parts.path
    if path.startswith(ADMIN_PREFIXES):
        path = re.sub(r"/\d+/", "/<id>/", path)
    return path, tuple(sorted({k for k, _v in urllib.parse.parse_qsl(parts.query)}))


def _check(
    browser: Browser, url: str, result: Result, seen: set, queue: deque, follow: bool
) -> None:
    status, final, content_type, body = browser.open(url)
    result.pages += 1
    path = urllib.parse.urlsplit(final).path
    # The sitemap lists live public pages: each must answer 200, not just "not 5xx".
    if status >= 500 or (not follow and status != 200):
        result.failures.append(f"{status} {url}")
        return
    if content_type != "text/html":
        return
    html = body.decode("utf-8", "replace")
    page = _Page()
    page.feed(html)
    lang, direction = page.html_attrs.get("lang"), page.html_attrs.get("dir")
    # A page under /fr/, /ar/ or /en/ speaks that language and says its direction; any page in
    # Arabic, the admins' included, reads right to left.
    admin = path.startswith(ADMIN_PREFIXES)
    prefix = path.split("/")[1]
    wanted = prefix if prefix in DIRECTIONS and not admin else lang
    wanted_direction = DIRECTIONS.get(lang) if lang == "ar" or not admin else direction
    if lang != wanted or (lang in DIRECTIONS and direction != wanted_direction):
        result.failures.append(f'lang="{lang}" dir="{direction}" on {url}')
    if lang == "ar" and not path.startswith(ADMIN_PREFIXES):
        result.arabic_pages += 1
        for text in foreign_words(html):
            result.arabic_words.setdefault(text, []).append(final)
    if follow:
        for href in page.links:
            target = _inside(browser, urllib.parse.urljoin(final, href))
            if target and target not in seen:
                seen.add(target)
                shape = _shape(target)
                result.shapes[shape] = result.shapes.get(shape, 0) + 1
                if result.shapes[shape] <= PER_SHAPE:
                    queue.append(target)


def crawl_sitemap(base: str) -> Result:
    browser = Browser(base)
    result = Result("anonymous (sitemap)")
    status, _final, _type, body = browser.open(f"{browser.base}/sitemap.xml")
    if status != 200:
        result.failures.append(f"{status} /sitemap.xml")
        return result
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    for loc in ET.fromstring(body).iterfind(".//s:loc", namespace):  # noqa: S314 - our own XML
        parts = urllib.parse.urlsplit(loc.text.strip())
        _check(browser, f"{browser.base}{parts.path}", result, set(), deque(), follow=False)
    return result


def crawl_persona(base: str, email: str, mfa: bool) -> Result:
    browser = Browser(base)
    result = Result(email)
    try:
        landing = browser.log_in(email, mfa)
    except (RuntimeError, StopIteration) as error:
        result.failures.append(f"login: {error}")
        return result
    seen, queue = {landing}, deque([landing])
    while queue:
        if result.pages >= MAX_PAGES:
            result.failures.append(f"more than {MAX_PAGES} pages: an endless link? ({queue[0]})")
            break
        _check(browser, queue.popleft(), result, seen, queue, follow=True)
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument(
        "--arabic-words",
        choices=("report", "fail"),
        default="report",
        help="French or English words on Arabic pages: listed only, or failures too",
    )
    args = parser.parse_args(argv)
    began = time.monotonic()
    results = [crawl_sitemap(args.base)]
    # Two personas at a time: the server has two workers, the machine two cores.
    with ThreadPoolExecutor(max_workers=2) as pool:
        results += pool.map(lambda p: crawl_persona(args.base, *p), PERSONAS)
    failures = 0
    for result in results:
        print(
            f"{result.persona:<28} {result.pages:>5} pages ({result.arabic_pages:>4} in Arabic)"
            f"  {len(result.failures)} failures"
        )
        for failure in result.failures:
            print(f"    {failure}")
        failures += len(result.failures)
    total = sum(r.pages for r in results)
    print(f"{'total':<28} {total:>5} pages in {time.monotonic() - began:.0f} s")
    words = report_arabic_words(results)
    if args.arabic_words == "fail":
        failures += words
    return 1 if failures else 0


def report_arabic_words(results: list[Result]) -> int:
    """Prints each text with foreign words once, with the pages showing it; returns their count."""
    pages_by_text: dict[str, set] = {}
    for result in results:
        for text, urls in result.arabic_words.items():
            pages_by_text.setdefault(text, set()).update(urls)
    pages = set().union(*pages_by_text.values()) if pages_by_text else set()
    print(
        f"French or English words on Arabic pages: {len(pages_by_text)} texts on {len(pages)} pages"
    )
    for text, urls in sorted(pages_by_text.items(), key=lambda item: (-len(item[1]), item[0])):
        shown = sorted(urls)[:3]
        more = f" and {len(urls) - len(shown)} more" if len(urls) > len(shown) else ""
        print(f"    {text!r}: {len(urls)} pages, e.g. {', '.join(shown)}{more}")
    return len(pages_by_text)


if __name__ == "__main__":
    sys.exit(main())
