"""The newcomer crawler catches what it is there to catch (a crawler that cannot fail proves
nothing), and computes the same TOTP codes as the platform."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from tests.smoke.crawl import DEMO_TOTP_SECRET, crawl_sitemap, foreign_words, main, totp

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>http://example.org/fr/</loc></url>
<url><loc>http://example.org/ar/</loc></url>
<url><loc>http://example.org/ar/left-to-right/</loc></url>
<url><loc>http://example.org/fr/broken/</loc></url>
<url><loc>http://example.org/en/gone/</loc></url>
<url><loc>http://example.org/ar/rendez-vous/</loc></url>
<url><loc>http://example.org/en/in-french/</loc></url>
</urlset>"""
PAGES = {
    "/sitemap.xml": (200, "application/xml", SITEMAP),
    "/fr/": (200, "text/html", '<html lang="fr" dir="ltr"><body>ok</body></html>'),
    "/ar/": (200, "text/html", '<html lang="ar" dir="rtl"><body>مرحبا</body></html>'),
    "/ar/left-to-right/": (200, "text/html", '<html lang="ar"><body>مرحبا</body></html>'),
    "/en/in-french/": (200, "text/html", '<html lang="fr" dir="ltr"><body>Bonjour</body></html>'),
    "/fr/broken/": (500, "text/html", "<html><body>Server Error</body></html>"),
    "/ar/rendez-vous/": (
        200,
        "text/html",
        '<html lang="ar" dir="rtl"><body><h1>Rendez-vous</h1>'
        '<p>مع <span dir="auto">Karim Benali</span> المرجع <bdi>CR-2026-000005</bdi></p>'
        "</body></html>",
    ),
}


class _Site(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the standard library's name
        status, content_type, body = PAGES.get(self.path, (404, "text/html", "not found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_the_crawler_reports_missing_pages_server_errors_and_pages_in_the_wrong_language(site):
    result = crawl_sitemap(site)
    assert result.pages == 7
    assert sorted(result.failures) == [
        f"404 {site}/en/gone/",
        f"500 {site}/fr/broken/",
        f'lang="ar" dir="None" on {site}/ar/left-to-right/',
        f'lang="fr" dir="ltr" on {site}/en/in-french/',
    ]


def test_the_crawler_lists_the_french_word_of_an_arabic_page_but_not_what_users_wrote(site):
    result = crawl_sitemap(site)
    assert result.arabic_pages == 3
    assert result.arabic_words == {"Rendez-vous": [f"{site}/ar/rendez-vous/"]}


def test_foreign_words_fail_the_crawl_only_when_asked(site, monkeypatch, capsys):
    monkeypatch.setattr("tests.smoke.crawl.PERSONAS", [])
    monkeypatch.setitem(PAGES, "/sitemap.xml", (200, "application/xml", ONLY_ARABIC_SITEMAP))
    assert main(["--base", site]) == 0
    assert f"'Rendez-vous': 1 pages, e.g. {site}/ar/rendez-vous/" in capsys.readouterr().out
    assert main(["--base", site, "--arabic-words", "fail"]) == 1


ONLY_ARABIC_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>http://example.org/ar/</loc></url>
<url><loc>http://example.org/ar/rendez-vous/</loc></url>
</urlset>"""


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ("<p>موعد</p>", []),
        ("<p>Rendez-vous</p>", ["Rendez-vous"]),
        ('<p>مع <span dir="auto">Karim Benali</span></p>', []),
        ("<p>المرجع <bdi>CR-2026-000005</bdi></p>", []),
        ('<p dir="ltr">+212 6 61 23 45 67</p>', []),
        ('<a lang="fr" href="/fr/">Français</a>', []),
        ('<span translate="no">ZELLIGOSOFT</span><code>pip</code><kbd>Ctrl</kbd>', []),
        ('<input name="company" value="Atlas SARL"><textarea>Notes</textarea>', []),
        ('<input type="hidden" name="next" value="/ar/">', []),
        ("<script>const page = 1;</script><style>p { color: red }</style>", []),
        ("<p>ملف PDF لدى OMPIC و CCIS</p>", []),
        ("<a>تنزيل بصيغة CSV</a>", []),
        ('<input type="search" placeholder="Search">', ["[placeholder] Search"]),
        ('<button aria-label="Close">×</button>', ["[aria-label] Close"]),
        ('<input type="submit" value="Envoyer">', ["[value] Envoyer"]),
        ('<img alt="Logo" src="/x.png">', ["[alt] Logo"]),
        ("<title>Mon espace</title>", ["Mon espace"]),
        ("<svg><text>Casablanca</text></svg>", ["Casablanca"]),
        ("<ul><li>Annulée<li>ملغى</ul><p>x</p>", ["Annulée"]),
        ('<div dir="auto"><p>Bonjour</p></div><p>Bonsoir</p>', ["Bonsoir"]),
        ("<li>\u2068CR-2026-000005\u2069: تم استلام الطلب.</li>", []),
        ("<li>\u2068KOKA KOLLA\u2069 Approuvé</li>", ["Approuvé"]),
    ],
)
def test_foreign_words_are_the_platforms_latin_words_not_what_is_set_apart(html, found):
    assert foreign_words(html) == found


def test_the_crawler_computes_the_codes_the_platform_accepts():
    for moment in (0, 1_796_000_000, 1_796_000_029, 1_796_000_030):
        expected = format_hotp_value(hotp_value(DEMO_TOTP_SECRET, moment // 30))
        assert totp(DEMO_TOTP_SECRET, at=moment) == expected


def test_the_crawler_logs_in_with_the_demo_credentials_load_demo_creates():
    from accounts.demo import DEMO_TOTP_SECRET as demo_secret
    from accounts.validators import DEMO_PASSWORD as demo_password
    from cms.management.commands.load_demo import DEMO_ACCOUNTS_TEXT
    from tests.smoke import crawl

    assert (demo_password, demo_secret) == (crawl.DEMO_PASSWORD, crawl.DEMO_TOTP_SECRET)
    listed = [line.split()[0] for line in DEMO_ACCOUNTS_TEXT.splitlines() if "@" in line]
    assert [email for email, _mfa in crawl.PERSONAS] == listed
