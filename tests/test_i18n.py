from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.urls import reverse

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


@pytest.mark.django_db
def test_arabic_pages_are_right_to_left_with_the_rtl_stylesheet(client):
    page = client.get("/ar/accounts/login/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "bootstrap.rtl.min.css" in page


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
def test_french_and_english_pages_are_left_to_right(client, language):
    page = client.get(f"/{language}/accounts/login/").content.decode()
    assert f'<html lang="{language}" dir="ltr">' in page
    assert "bootstrap.rtl" not in page


@pytest.mark.django_db
def test_the_bare_domain_redirects_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


@pytest.mark.django_db
def test_switching_language_keeps_the_visitor_on_the_same_page(client):
    response = client.post(
        reverse("set_language"), {"language": "ar", "next": "/fr/accounts/signup/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/ar/accounts/signup/"


@pytest.mark.django_db
def test_the_interface_is_really_translated(client, entrepreneur):
    client.force_login(entrepreneur)
    assert "Mon espace" in client.get("/fr/my-space/").content.decode()
    assert "فضائي" in client.get("/ar/my-space/").content.decode()
    assert "My space" in client.get("/en/my-space/").content.decode()


# English is the language of the source strings, so only French and Arabic need a catalogue.
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_catalogues_have_no_untranslated_or_fuzzy_entry(language):
    with (LOCALE_DIR / language / "LC_MESSAGES" / "django.po").open("rb") as po_file:
        catalog = read_po(po_file)
    missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    assert missing == []
