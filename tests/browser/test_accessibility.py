"""axe-core on every page type, in French and Arabic, on a desk and on a 360 px phone.

WCAG 2.2 AA asks for no serious or critical violation. The figures of a run (violations by
impact per page type and viewport, and how many texts the colour-contrast rule examined) are
printed with:

    .venv/bin/python -m config.embedded_database run -- \\
        .venv/bin/pytest tests/browser/test_accessibility.py -p no:randomly -q -s -k every_page
"""

from collections import defaultdict

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from accounts.models import User
from cms.models import (
    EventIndexPage,
    EventPage,
    GuideIndexPage,
    GuidePage,
    HubIndexPage,
    HubPage,
    NewsIndexPage,
    NewsPage,
)
from filings.models import CompanyRequest, TrademarkPreFiling
from filings.services.trademark import prefiling_start
from hubs.models import Appointment, Hub
from hubs.models.labelling import Label, LabelApplication
from tests.accounts.factories import sign_in_with_mfa
from tests.browser.axe import IMPACTS, audit, blocking, by_impact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Pages this check made change, kept as pictures to look at (test-artifacts/a11y-*.png).
SCREENSHOTS = {"events", "label register", "trademark review list", "figures: national", "label"}
DESK = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 780}


def _page_url(model, language):
    page = model.objects.live().filter(locale__language_code=language).first()
    return page.get_url() if page else None


def _page_types(language):
    """Every page type, as {persona's email (None: a visitor): [(page type, URL)]}, from the
    demo data."""
    lang = f"/{language}"
    entrepreneur = User.objects.get(email="entrepreneur@example.com")
    draft = CompanyRequest.objects.get(case__owner=entrepreneur, name_1="Argan Lab")
    submitted = CompanyRequest.objects.filter(case__owner=entrepreneur).exclude(pk=draft.pk).first()
    mark = TrademarkPreFiling.objects.filter(case__owner=entrepreneur).exclude(status="draft")
    mark = mark.first()
    mark_draft = TrademarkPreFiling.objects.filter(
        case__owner=entrepreneur, status="draft"
    ).first() or prefiling_start(owner=entrepreneur, hub=draft.case.hub, mark_text="Argan Lab")
    appointment = Appointment.objects.filter(entrepreneur=entrepreneur).first()
    hub = draft.case.hub
    past_event = (
        EventPage.objects.live()
        .filter(locale__language_code=language, start__lt=timezone.now())
        .first()
    )
    application = LabelApplication.objects.first()
    label = Label.objects.first()
    anonymous = [
        ("home", f"{lang}/"),
        ("hub finder", _page_url(HubIndexPage, language)),
        ("hub page", _page_url(HubPage, language)),
        ("guides", _page_url(GuideIndexPage, language)),
        ("guide", _page_url(GuidePage, language)),
        ("events", _page_url(EventIndexPage, language)),
        ("event (past)", past_event.get_url() if past_event else None),
        ("news", _page_url(NewsIndexPage, language)),
        ("news item", _page_url(NewsPage, language)),
        ("search", f"{lang}/site/search/?q=atelier"),
        ("login", f"{lang}/accounts/login/"),
        ("sign-up", f"{lang}/accounts/signup/"),
        ("password reset", f"{lang}/accounts/password/reset/"),
        ("label verification", f"{lang}/hubs/labelling/verify/"),
        ("label register", f"{lang}/hubs/labelling/register/"),
        ("privacy notice", f"{lang}/privacy/"),
        ("404", f"{lang}/no-such-page/"),
    ]
    company = f"{lang}/filings/companies/{draft.public_id}"
    founder = [
        ("my space", f"{lang}/my-space/"),
        ("company: choose hub", f"{lang}/filings/companies/"),
        *[(f"company step {n}", f"{company}/step/{n}/") for n in range(1, 7)],
        ("company request", f"{lang}/filings/companies/{submitted.public_id}/"),
        ("trademarks", f"{lang}/filings/trademarks/"),
        *[
            (f"trademark step {n}", f"{lang}/filings/trademarks/{mark_draft.public_id}/step/{n}/")
            for n in range(1, 5)
        ],
        ("trademark pre-filing", f"{lang}/filings/trademarks/{mark.public_id}/"),
        ("case files", f"{lang}/filings/cases/"),
        ("case file", f"{lang}/filings/cases/{submitted.case.public_id}/"),
        ("booking: hubs", f"{lang}/hubs/book/"),
        ("booking: slots", f"{lang}/hubs/{hub.slug}/book/"),
        ("appointment", f"{lang}/hubs/appointments/{appointment.public_id}/"),
        ("profile", f"{lang}/profile/"),
        ("notifications", f"{lang}/notifications/"),
        ("personal data", f"{lang}/my-data/"),
        ("403", f"{lang}/hubs/figures/"),
    ]
    advisor = [
        ("advisor dashboard", f"{lang}/filings/advisor/"),
        ("company queue", f"{lang}/filings/companies/queue/"),
        ("trademark review list", f"{lang}/filings/trademarks/review/"),
        ("agenda", f"{lang}/hubs/agenda/"),
        ("case file (advisor)", f"{lang}/filings/cases/{submitted.case.public_id}/"),
        ("company request (advisor)", f"{lang}/filings/companies/{submitted.public_id}/"),
        ("trademark pre-filing (advisor)", f"{lang}/filings/trademarks/{mark.public_id}/"),
        ("staff area", f"{lang}/staff/"),
    ]
    some_hub = Hub.objects.order_by("pk").first()
    staff = [
        ("figures: national", f"{lang}/hubs/figures/"),
        ("figures: region", f"{lang}/hubs/figures/regions/{some_hub.chamber.region.code}/"),
        ("figures: hub", f"{lang}/hubs/figures/hubs/{some_hub.slug}/"),
        ("labelling office", f"{lang}/hubs/labelling/office/"),
        ("label applications", f"{lang}/hubs/labelling/"),
        ("label application", f"{lang}/hubs/labelling/applications/{application.public_id}/"),
        ("label", f"{lang}/hubs/labelling/labels/{label.public_id}/"),
        ("document access log", f"{lang}/filings/companies/documents/access-log/"),
    ]
    return {
        None: anonymous,
        "entrepreneur@example.com": founder,
        "advisor@example.com": advisor,
        "staff@example.com": staff,
    }


def _context(browser, live_server, email):
    context = browser.new_context(base_url=live_server.url, viewport=DESK)
    if email:
        client = Client()
        sign_in_with_mfa(client, User.objects.get(email=email))
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )
    page = context.new_page()
    page.set_default_timeout(20000)
    return context, page


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_every_page_type_has_no_serious_or_critical_violation(
    language, browser, live_server, screenshot
):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    figures = defaultdict(dict)
    failures = []
    for email, pages in _page_types(language).items():
        context, page = _context(browser, live_server, email)
        for viewport in (DESK, PHONE):
            page.set_viewport_size(viewport)
            for name, url in pages:
                assert url, f"the demo has no {name} page"
                page.goto(url)
                result = audit(page)
                figures[name][viewport["width"]] = result
                if name in SCREENSHOTS:
                    slug = name.replace(" ", "-").replace(":", "").replace("(", "").replace(")", "")
                    screenshot(page, f"a11y-{slug}-{language}-{viewport['width']}")
                if language == "ar" and not result["contrastArabic"]:
                    failures.append(f"{name} @{viewport['width']} {url}: no Arabic text checked")
                for violation in blocking(result):
                    failures.append(
                        f"{name} @{viewport['width']} {url}: {violation['impact']} "
                        f"{violation['id']} ({violation['help']}) on "
                        + "; ".join(n["target"] for n in violation["nodes"][:5])
                    )
        context.close()
    table = _table(language, figures)
    print(table)
    assert not failures, "\n".join([table, *failures])


def _table(language, figures):
    lines = [
        f"axe-core, {language}: violations (nodes) by impact "
        + "/".join(IMPACTS)
        + ", texts checked by color-contrast (Arabic ones)",
    ]
    for name, runs in figures.items():
        cells = []
        for width, result in sorted(runs.items(), reverse=True):
            counts = "/".join(str(n) for n in by_impact(result).values())
            cells.append(
                f"{width}px {counts} contrast {result['contrastChecked']}"
                f" ({result['contrastArabic']})"
            )
        rules = sorted({v["id"] for r in runs.values() for v in r["violations"]})
        lines.append(
            f"  {name:<32} " + "   ".join(cells) + (f"  [{', '.join(rules)}]" * bool(rules))
        )
    return "\n".join(lines)


def test_the_contrast_rule_examines_arabic_text(browser, live_server):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    context, page = _context(browser, live_server, None)
    for url in ("/ar/", _page_url(GuidePage, "ar")):
        page.goto(url)
        result = audit(page)
        # Without the ligature correction in tests/browser/axe.py, axe-core examines 0 texts
        # here and reports nothing, whatever the colours.
        assert result["contrastArabic"] >= 10, (url, result["contrastArabic"])
    context.close()


# Scroll every scrolling table to its far end, then say where its first column is.
_SCROLLED_TABLES = """() => [...document.querySelectorAll("table")].map((table) => {
  const box = table.closest(".table-scroll");
  const rtl = getComputedStyle(table).direction === "rtl";
  if (box) box.scrollLeft = rtl ? -box.scrollWidth : box.scrollWidth;
  const frame = (box || document.documentElement).getBoundingClientRect();
  // A row of one cell across the table ("nothing yet") has no first column to keep.
  const firsts = [...table.querySelectorAll("tr > :first-child:not([colspan])")].map((cell) => {
    const r = cell.getBoundingClientRect();
    return r.left >= frame.left - 1 && r.right <= frame.right + 1;
  });
  return {
    scrolls: box ? box.scrollWidth > box.clientWidth : false,
    inBox: Boolean(box),
    width: table.getBoundingClientRect().width,
    firstColumnVisible: firsts.every(Boolean),
  };
})"""

LIST_PAGES = {
    "entrepreneur@example.com": [
        "/ar/filings/trademarks/",
        "/ar/filings/cases/",
        "/ar/filings/companies/",
    ],
    "advisor@example.com": [
        "/ar/filings/trademarks/review/",
        "/ar/filings/companies/queue/",
        "/ar/filings/advisor/",
        "/ar/hubs/agenda/",
    ],
    "staff@example.com": [
        "/ar/hubs/labelling/",
        "/ar/hubs/labelling/office/",
        "/ar/hubs/labelling/register/",
        "/ar/filings/companies/documents/access-log/",
        "/ar/hubs/figures/",
    ],
}


def test_every_list_fits_a_360_px_phone_in_arabic_and_keeps_its_first_column(
    browser, live_server, screenshot
):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    problems, scrolling = [], []
    for email, urls in LIST_PAGES.items():
        context, page = _context(browser, live_server, email)
        page.set_viewport_size(PHONE)
        for url in urls:
            page.goto(url)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                problems.append(f"{url}: the page is {width} px wide")
            for table in page.evaluate(_SCROLLED_TABLES):
                if table["scrolls"]:
                    scrolling.append(url)
                if not table["firstColumnVisible"]:
                    problems.append(f"{url}: the first column leaves the screen when scrolled")
                if not table["inBox"] and table["width"] > PHONE["width"]:
                    problems.append(f"{url}: a {table['width']} px table outside a scrolling box")
            screenshot(page, "phone-ar-" + url.strip("/").replace("/", "-"))
        context.close()
    assert not problems, "\n".join(problems)
    # The check means something only if some tables do scroll on a phone (the review list does).
    assert "/ar/filings/trademarks/review/" in scrolling, scrolling


# Where each text of each chart lies against its drawing area, in the SVG's own units.
_CHART_TEXTS = """() => [...document.querySelectorAll("svg.chart")].flatMap((svg) => {
  const view = svg.viewBox.baseVal;
  return [...svg.querySelectorAll("text")].map((text) => {
    const box = text.getBBox();
    return {
      // A label on two lines is two tspans: its words, as a reader sees them.
      text: [...text.querySelectorAll("tspan")].map((line) => line.textContent).join(" ")
        || text.textContent.trim(),
      inside: box.x >= view.x - 0.5 && box.x + box.width <= view.x + view.width + 0.5
        && box.y >= view.y - 0.5 && box.y + box.height <= view.y + view.height + 0.5,
    };
  });
})"""


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_chart_labels_are_drawn_whole(language, browser, live_server, screenshot):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    context, page = _context(browser, live_server, "staff@example.com")
    texts = []
    for viewport in (DESK, PHONE):
        page.set_viewport_size(viewport)
        for url in (f"/{language}/hubs/figures/", f"/{language}/hubs/figures/regions/TTA/"):
            page.goto(url)
            assert page.locator("svg.chart-bars").count() == 1
            texts += page.evaluate(_CHART_TEXTS)
            place = "region" if "regions" in url else "national"
            screenshot(page, f"figures-{place}-{language}-{viewport['width']}")
    context.close()
    clipped = [t["text"] for t in texts if not t["inside"]]
    assert texts and not clipped, clipped
    # The longest region name is drawn whole (it lost its first letters before).
    longest = "Tanger-Tétouan-Al Hoceïma" if language == "fr" else "طنجة تطوان الحسيمة"
    assert any(longest in t["text"] for t in texts), [t["text"] for t in texts][:40]
