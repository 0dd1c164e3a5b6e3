"""The network dashboards: numbers checked by hand, who may read what, exports, query count."""

import csv
import datetime
import io
import uuid
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.regions import RegionCode
from filings.models import Case, CaseEvent, TrademarkPreFiling
from filings.services.cases import case_event_record
from hubs.figures_selectors import dashboard_build, figures_target_for_user
from hubs.models import Appointment
from hubs.network_figures import duration_percentiles
from tests.hubs.labelling_support import chamber_manager  # noqa: F401

START, END = datetime.date(2026, 3, 1), datetime.date(2026, 4, 30)
QUERY = {"start": START.isoformat(), "end": END.isoformat()}


def _at(day: datetime.date, plus_days: float = 0) -> datetime.datetime:
    # Whole days of elapsed time: Morocco changes its clocks around Ramadan.
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    return moment.astimezone(datetime.UTC) + datetime.timedelta(plus_days)


_sequence = iter(range(1, 10_000))


def _case(*, hub, owner, kind="CO"):
    return Case.objects.create(
        kind=kind, year=2026, sequence=next(_sequence), owner=owner, hub=hub, title="Projet"
    )


def _company(*, hub, owner, submitted: datetime.date, **milestones):
    """A company request submitted on a day, then each milestone so many days later."""
    case = _case(hub=hub, owner=owner)
    moves = [("draft", "submitted", 0)]
    previous = "submitted"
    for status, days in milestones.items():
        moves.append((previous, status, days))
        previous = status
    for from_status, to_status, days in moves:
        case_event_record(
            case=case, actor=None, kind="transition", subject="company_request",
            from_status=from_status, to_status=to_status, at=_at(submitted, days),
            item_id=case.pk,
        )  # fmt: skip
    return case


def _prefiling(*, hub, owner, submitted, classes, risk, case=None, then=()):
    """A pre-filing (in a new case or a given one) submitted on a day, then its milestones."""
    case = case or _case(hub=hub, owner=owner, kind="TM")
    prefiling = TrademarkPreFiling.objects.create(
        case=case, status="submitted", classes=classes, similarity_report={"highest_risk": risk}
    )
    moves, previous = [("draft", "submitted", 0)], "submitted"
    for status, days in then:
        moves.append((previous, status, days))
        previous = status
    for from_status, to_status, days in moves:
        case_event_record(
            case=case, actor=None, kind="transition", subject="trademark_prefiling",
            from_status=from_status, to_status=to_status, at=_at(submitted, days),
            item_id=prefiling.pk,
        )  # fmt: skip
    return case


def _appointment(*, hub, advisor, entrepreneur, day, status):
    return Appointment.objects.create(
        ics_uid=f"{uuid.uuid4()}@test", advisor=advisor, hub=hub, entrepreneur=entrepreneur,
        starts_at=_at(day), ends_at=_at(day) + datetime.timedelta(minutes=30),
        topic="trademark", description="Marque", status=status,
    )  # fmt: skip


@pytest.fixture
def activity(hub_a, hub_b, entrepreneur, advisor_a, advisor_b):
    """Four requests at hub A, one at hub B, with delays chosen to compute by hand."""
    d = datetime.date
    _company(hub=hub_a, owner=entrepreneur, submitted=d(2026, 3, 2),
             certificate_requested=1, certificate_obtained=3, statutes=5,
             registrations=7, company_created=10)  # fmt: skip
    _company(hub=hub_a, owner=entrepreneur, submitted=d(2026, 3, 5),
             certificate_requested=2, certificate_obtained=5)  # fmt: skip
    _company(hub=hub_a, owner=entrepreneur, submitted=d(2026, 4, 1),
             certificate_requested=4, certificate_refused=6)  # fmt: skip
    _company(hub=hub_a, owner=entrepreneur, submitted=d(2026, 4, 10), certificate_requested=7)
    _company(hub=hub_b, owner=entrepreneur, submitted=d(2026, 3, 3), certificate_requested=30)
    _company(hub=hub_a, owner=entrepreneur, submitted=d(2026, 6, 1), certificate_requested=1)
    _prefiling(hub=hub_a, owner=entrepreneur, submitted=d(2026, 3, 9), classes=[9, 35],
               risk="high")  # fmt: skip
    _prefiling(hub=hub_a, owner=entrepreneur, submitted=d(2026, 4, 9), classes=[35], risk="low")
    for day, status in [
        (d(2026, 3, 10), "held"), (d(2026, 3, 11), "held"), (d(2026, 4, 2), "no_show"),
        (d(2026, 4, 3), "cancelled"), (d(2026, 5, 3), "held"),
    ]:  # fmt: skip
        _appointment(hub=hub_a, advisor=advisor_a, entrepreneur=entrepreneur, day=day,
                     status=status)  # fmt: skip
    _appointment(hub=hub_b, advisor=advisor_b, entrepreneur=entrepreneur, day=d(2026, 3, 12),
                 status="held")  # fmt: skip


def _build(user, **where):
    return dashboard_build(target=figures_target_for_user(user=user, **where), start=START, end=END)


def _line(dashboard, key):
    return next(line for line in dashboard.counts if line.key == key)


def _delay(dashboard, key):
    return {d.key: d for d in dashboard.delays}[key]


def test_hub_dashboard_counts_per_month_what_happened_in_the_period(activity, office_staff, hub_a):
    dashboard = _build(office_staff, hub_slug="hub-a")
    assert dashboard.months == [datetime.date(2026, 3, 1), datetime.date(2026, 4, 1)]
    assert _line(dashboard, "company_requests_received").per_month == [2, 2]
    assert _line(dashboard, "certificates_obtained").per_month == [2, 0]
    assert _line(dashboard, "certificates_refused").per_month == [0, 1]
    assert _line(dashboard, "companies_created").per_month == [1, 0]
    assert _line(dashboard, "prefilings_received").total == 2
    assert _line(dashboard, "prefilings_high_risk").per_month == [1, 0]
    assert _line(dashboard, "appointments_held").per_month == [2, 0]
    assert _line(dashboard, "appointments_no_show").total == 1
    assert _line(dashboard, "appointments_cancelled").total == 1
    per_class = dashboard.breakdowns[0].rows
    assert per_class == [[9, 1, 1], [35, 2, 1]]


def test_median_and_90th_percentile_match_a_hand_computation(activity, office_staff):
    hub = _build(office_staff, hub_slug="hub-a")
    # Certificate requested after 1, 2, 4 and 7 days: median (2 + 4) / 2, and the 90th
    # percentile at rank (4 - 1) × 0.9 = 2.7, i.e. 4 + 0.7 × (7 - 4).
    requested = _delay(hub, "company_request:certificate_requested")
    assert (requested.reached, requested.median_days, requested.p90_days) == (4, 3.0, 6.1)
    obtained = _delay(hub, "company_request:certificate_obtained")
    assert (obtained.reached, obtained.median_days, obtained.p90_days) == (2, 4.0, 4.8)
    created = _delay(hub, "company_request:company_created")
    assert (created.reached, created.median_days, created.p90_days) == (1, 10.0, 10.0)
    assert _delay(hub, "trademark_prefiling:approved").reached == 0
    assert _delay(hub, "trademark_prefiling:approved").median is None
    # Nationally hub B's 30 days join: 1, 2, 4, 7, 30 → median 4, p90 at rank 3.6.
    national = _build(office_staff)
    requested = _delay(national, "company_request:certificate_requested")
    assert (requested.reached, requested.median_days, requested.p90_days) == (5, 4.0, 20.8)


def test_each_prefiling_of_a_case_has_its_own_delays_and_classes(hub_a, entrepreneur, office_staff):
    d = datetime.date
    reviews = [("changes_requested", 2), ("submitted", 3), ("approved", 4)]
    case = _prefiling(hub=hub_a, owner=entrepreneur, submitted=d(2026, 3, 2), classes=[9],
                      risk="high", then=reviews)  # fmt: skip
    _prefiling(hub=hub_a, owner=entrepreneur, submitted=d(2026, 3, 20), classes=[9, 41],
               risk="none", case=case, then=[("approved", 8)])  # fmt: skip
    hub = _build(office_staff, hub_slug="hub-a")
    assert _line(hub, "prefilings_received").total == 2
    assert _line(hub, "prefilings_approved").total == 2
    assert _line(hub, "prefilings_high_risk").total == 1
    # First reviews after 2 and 8 days, approvals after 4 and 8 days, each from its own
    # submission: the second pre-filing's events do not stand for the first one's.
    first_review = _delay(hub, "trademark_prefiling:first_review")
    assert (first_review.reached, first_review.median_days) == (2, 5.0)
    approved = _delay(hub, "trademark_prefiling:approved")
    assert (approved.reached, approved.median_days, approved.p90_days) == (2, 6.0, 7.6)
    assert hub.breakdowns[0].rows == [[9, 2, 1], [41, 1, 0]]


def test_percentiles_interpolate_between_ranks(activity):
    from django.db.models import Min, Q

    per_case = (
        CaseEvent.objects.filter(subject="company_request")
        .values("case_id")
        .annotate(
            submitted=Min("at", filter=Q(to_status="submitted")),
            requested=Min("at", filter=Q(to_status="certificate_requested")),
            refused=Min("at", filter=Q(to_status="certificate_refused")),
        )
        .order_by()
    )
    found = duration_percentiles(per_case, base="submitted", columns=["requested", "refused"])
    day = datetime.timedelta(days=1)
    # 1, 1, 2, 4, 7, 30 days: median 3, p90 at rank 4.5 → 7 + 0.5 × 23.
    assert found["requested"] == (6, 3 * day, 18.5 * day)
    assert found["refused"] == (1, 6 * day, 6 * day)


def test_region_dashboard_has_bars_per_hub_and_national_per_region(activity, office_staff):
    region = _build(office_staff, region_code="CST")
    assert [label for _id, label, _slug in region.groups] == ["Carré Casablanca"]
    assert region.requests_received_per_group() == [6]
    national = _build(office_staff)
    received = dict(
        zip([g[0] for g in national.groups], national.requests_received_per_group(), strict=True)
    )
    assert received["CST"] == 6
    assert received["SMA"] == 1
    assert _line(national, "appointments_held").total == 3


PAGES = [
    ("hubs:figures", {}),
    ("hubs:figures_region", {"code": "CST"}),
    ("hubs:figures_hub", {"slug": "hub-a"}),
    ("hubs:figures_hub", {"slug": "hub-b"}),
    ("hubs:figures_export", {"fmt": "csv"}),
    ("hubs:figures_region_export", {"code": "CST", "fmt": "xlsx"}),
    ("hubs:figures_hub_export", {"slug": "hub-a", "fmt": "csv"}),
    ("hubs:figures_hub_export", {"slug": "hub-b", "fmt": "xlsx"}),
]
EXPECTED = {
    "office_staff": [200, 200, 200, 200, 200, 200, 200, 200],
    # A hub manager reads their own hub; the network page takes them there.
    "chamber_manager": [302, 403, 200, 403, 403, 403, 200, 403],
    "entrepreneur": [403] * 8,
    "other_entrepreneur": [403] * 8,
    "advisor_a": [403] * 8,
    "advisor_b": [403] * 8,
    "hub_editor": [403] * 8,
}


@pytest.mark.parametrize("persona", [*EXPECTED, "anonymous"])
def test_who_may_read_which_dashboard(client, personas, chamber_manager, persona):  # noqa: F811
    users = {**personas, "chamber_manager": chamber_manager}
    if persona != "anonymous":
        client.force_login(users[persona])
    for (name, kwargs), expected in zip(PAGES, EXPECTED.get(persona, [302] * 8), strict=True):
        response = client.get(reverse(name, kwargs=kwargs), QUERY)
        assert response.status_code == expected, (persona, name, kwargs)
        if persona == "anonymous":
            assert "/accounts/login/" in response["Location"]


def test_unknown_region_or_hub_is_not_found(client, office_staff):
    client.force_login(office_staff)
    assert client.get(reverse("hubs:figures_region", kwargs={"code": "XXX"})).status_code == 404
    assert client.get(reverse("hubs:figures_hub", kwargs={"slug": "nowhere"})).status_code == 404


def test_staff_area_links_the_dashboards(client, office_staff, chamber_manager, advisor_a):  # noqa: F811
    client.force_login(office_staff)
    assert reverse("hubs:figures") in client.get(reverse("accounts:staff_area")).text
    client.force_login(chamber_manager)
    page = client.get(reverse("accounts:staff_area")).text
    assert reverse("hubs:figures_hub", kwargs={"slug": "hub-a"}) in page
    client.force_login(advisor_a)
    assert "/figures/" not in client.get(reverse("accounts:staff_area")).text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2026-04-30", "end": "2026-03-01"}, "La fin de la période"),
        ({"start": "2026-13-45", "end": "2026-03-01"}, "Saisissez une date valide"),
        ({"start": "2020-01-01", "end": "2026-03-01"}, "cinq ans au plus"),
        # Days Python reads but cannot step past: the day after 9999-12-31 does not exist.
        ({"start": "9999-01-01", "end": "9999-12-31"}, "entre le 1 janvier 2000 et le 31"),
        ({"start": "0001-01-01", "end": "0001-01-02"}, "entre le 1 janvier 2000 et le 31"),
        ({"start": "2026-01-01", "end": "9999-12-31"}, "entre le 1 janvier 2000 et le 31"),
    ],
)
def test_a_wrong_period_is_explained_and_computes_nothing(client, office_staff, query, message):
    client.force_login(office_staff)
    response = client.get(reverse("hubs:figures"), query)
    assert response.status_code == 200
    assert message in response.text
    assert response.context["dashboard"] is None
    export = client.get(reverse("hubs:figures_export", kwargs={"fmt": "csv"}), query)
    assert export.status_code == 400
    assert message in export.text


def test_a_region_without_hubs_has_a_dashboard_of_zeros(client, activity, office_staff):
    client.force_login(office_staff)
    region = RegionCode.RABAT_SALE_KENITRA
    response = client.get(reverse("hubs:figures_region", kwargs={"code": region}), QUERY)
    assert response.status_code == 200
    dashboard = response.context["dashboard"]
    assert all(line.total == 0 for line in dashboard.counts)
    assert all(delay.reached == 0 and delay.median is None for delay in dashboard.delays)
    export = client.get(
        reverse("hubs:figures_region_export", kwargs={"code": region, "fmt": "csv"}), QUERY
    )
    assert export.status_code == 200


def test_the_dashboard_page_shows_charts_with_their_tables(client, activity, office_staff):
    client.force_login(office_staff)
    response = client.get(reverse("hubs:figures_hub", kwargs={"slug": "hub-a"}), QUERY)
    page = response.text
    assert page.count('<svg class="chart"') == len(response.context["charts"])
    assert 'role="img"' in page
    assert "<caption>" in page
    assert 'scope="row"' in page
    assert "style=" not in page.split("<main", 1)[-1]
    assert "<script>" not in page


def test_the_arabic_dashboard_mirrors_its_charts(client, activity, office_staff):
    client.force_login(office_staff)
    response = client.get("/ar" + reverse("hubs:figures")[3:], QUERY)
    assert 'dir="rtl"' in response.text
    line = response.context["charts"][0]["svg"]
    first, last = line["months"][0]["x"], line["months"][-1]["x"]
    assert first > last  # time runs from right to left
    bar = response.context["bars"]["bars"][0]
    # The label sits right of its bar, aligned on the chart's right edge as Arabic text is.
    assert bar["label_anchor"] == "end" and bar["label_x"] > bar["x"] + bar["w"]


def test_exports_carry_the_period_and_defuse_formulas(client, office_staff, hub_a):
    hub_a.name = '=HYPERLINK("http://evil","x")'
    hub_a.save()
    client.force_login(office_staff)
    csv_response = client.get(
        reverse("hubs:figures_hub_export", kwargs={"slug": "hub-a", "fmt": "csv"}), QUERY
    )
    text = csv_response.content.decode("utf-8-sig")
    assert csv_response["Content-Disposition"].endswith('2026-03-01-2026-04-30.csv"')
    assert next(csv.reader(io.StringIO(text)))[0].startswith("'=HYPERLINK")
    assert "Demandes de création" in text
    xlsx = client.get(
        reverse("hubs:figures_hub_export", kwargs={"slug": "hub-a", "fmt": "xlsx"}), QUERY
    )
    with zipfile.ZipFile(io.BytesIO(xlsx.content)) as book:
        names = book.namelist()
        strings = book.read("xl/sharedStrings.xml").decode()
        sheets = "".join(book.read(n).decode() for n in names if n.startswith("xl/worksheets/"))
    assert "&apos;=HYPERLINK" in strings or "'=HYPERLINK" in strings
    assert "<f>" not in sheets


def test_dashboard_takes_the_same_number_of_queries_as_data_grows(
    client, office_staff, hub_a, entrepreneur
):
    client.force_login(office_staff)
    url = reverse("hubs:figures")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, QUERY).status_code == 200
        return len(captured)

    _company(hub=hub_a, owner=entrepreneur, submitted=datetime.date(2026, 3, 2),
             certificate_requested=1)  # fmt: skip
    few = queries()
    for day in range(1, 20):
        _company(hub=hub_a, owner=entrepreneur, submitted=datetime.date(2026, 3, day),
                 certificate_requested=2, certificate_obtained=3)  # fmt: skip
        _prefiling(hub=hub_a, owner=entrepreneur, submitted=datetime.date(2026, 4, day),
                   classes=[day, 35], risk="high")  # fmt: skip
    assert queries() == few
    assert few <= 16


@pytest.mark.parametrize(
    ("highest", "ticks"),
    [(0, [0, 1]), (2, [0, 1, 2]), (7, [0, 2, 4, 6, 8, 10]), (180, [0, 50, 100, 150, 200])],
)
def test_chart_axis_ticks_are_whole_round_numbers(highest, ticks):
    from hubs.figures_charts import line_chart

    chart = line_chart(months=[START], series=[("n", [highest])], rtl=False)
    assert [tick["label"] for tick in chart["grid"]] == ticks


@pytest.mark.parametrize("rtl", [False, True])
def test_bar_labels_are_never_cut_a_long_one_is_wrapped_at_spaces(rtl):
    from hubs.figures_charts import bar_chart

    groups = [(1, "Carré des innovateurs — Tanger-Tétouan-Al Hoceïma"), (2, "Oriental")]
    chart = bar_chart(groups=groups, values=[4, 0], rtl=rtl)
    long, short = chart["bars"]
    assert [line["text"] for line in long["lines"]] == [
        "Carré des innovateurs —",
        "Tanger-Tétouan-Al",
        "Hoceïma",
    ]
    assert [line["text"] for line in short["lines"]] == ["Oriental"]
    # Each label is anchored on the outer edge, on the side its language starts from.
    assert (long["label_x"], long["label_anchor"]) == ((512, "end") if rtl else (8, "start"))
    # The bars stay clear of the label column.
    label_edge = chart["width"] - chart["label_w"] if rtl else chart["label_w"]
    assert all(
        (b["x"] + b["w"] <= label_edge) if rtl else (b["x"] >= label_edge) for b in chart["bars"]
    )
