"""What the platform names and writes reads in the reader's language, whoever wrote it.

Reference data (hubs, chambers, regions' seats, legal forms, fee grids, criteria) is kept in
French, Arabic and English; notes and titles the platform composes are kept as codes and the
founder's own words, and composed when read.
"""

import pytest
from django.urls import reverse
from django.utils import translation

from hubs.demo import load_network
from hubs.models import Hub

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "hub", "chamber", "seat"),
    [
        ("fr", "Carré des innovateurs — Oujda", "CCIS L'Oriental", "Oujda"),
        ("ar", "مربع المبتكرين — وجدة", "غرفة التجارة والصناعة والخدمات لجهة الشرق", "وجدة"),
        ("en", "Carré des innovateurs — Oujda", "CCIS L'Oriental", "Oujda"),
    ],
)
def test_the_network_is_named_in_the_readers_language(language, hub, chamber, seat):
    load_network()
    oujda = Hub.objects.select_related("chamber__region").get(slug="carre-ori")
    with translation.override(language):
        assert oujda.name == hub
        assert oujda.chamber.name == chamber
        assert oujda.chamber.region.seat == seat
        assert list(Hub.objects.filter(slug="carre-ori").values_list("name", flat=True)) == [hub]


def test_the_booking_page_names_the_hubs_in_arabic(client, entrepreneur):
    load_network()
    client.force_login(entrepreneur)
    with translation.override("ar"):
        url = reverse("hubs:book")
    page = client.get(url).content.decode()
    assert "مربع المبتكرين — وجدة" in page
    assert "Carré des innovateurs — Oujda" not in page
    assert "Siège de la CCIS" not in page


def test_a_hub_not_yet_translated_reads_in_french_rather_than_blank(hub_a):
    with translation.override("ar"):
        assert Hub.objects.get(pk=hub_a.pk).name == "Carré Casablanca"


def test_the_office_fee_grid_is_named_in_each_language():
    from filings.services.fees import fee_grid_current

    grid = fee_grid_current()
    with translation.override("fr"):
        assert grid.source == "Barème des tarifs de l’OMPIC applicable depuis octobre 2017"
    with translation.override("ar"):
        assert grid.source.startswith("جدول رسوم المكتب المغربي للملكية الصناعية والتجارية")
    with translation.override("en"):
        assert grid.source == "OMPIC fee schedule applicable from October 2017"


def test_a_trademark_case_is_named_in_its_readers_language_not_its_writers(entrepreneur, hub_a):
    from filings.services.trademark import prefiling_start

    with translation.override("ar"):  # the founder writes in Arabic...
        case = prefiling_start(owner=entrepreneur, hub=hub_a, mark_text="ZELLIGOSOFT").case
    case.refresh_from_db()
    assert case.title == "ZELLIGOSOFT"
    with translation.override("fr"):  # ...the advisor reads in French
        assert case.label == "Marque ZELLIGOSOFT"
    with translation.override("ar"):
        assert case.label == "العلامة ZELLIGOSOFT"


def test_a_company_case_is_named_after_the_company_once_the_founder_names_it(entrepreneur, hub_a):
    from filings.services.company import company_request_start

    with translation.override("ar"):
        case = company_request_start(owner=entrepreneur, hub=hub_a).case
    with translation.override("fr"):
        assert case.label == "Création d'entreprise"
    with translation.override("ar"):
        assert case.label == "إحداث مقاولة"
