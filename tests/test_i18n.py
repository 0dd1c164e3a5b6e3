import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.urls import reverse
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "locale"
NOT_SOURCE = (".git", ".venv", ".tools", "var", "test-artifacts", "node_modules", "__pycache__")
NOT_SHOWN = ("tests", "bench", "static")  # nothing of these reaches a reader through gettext


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


@pytest.fixture(scope="module")
def catalogues_from_the_source(tmp_path_factory):
    """The catalogues as makemessages rebuilds them from today's code, in a copy of the tree."""
    if not shutil.which("xgettext"):
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail("CI needs GNU gettext (apt-get install gettext) to check the catalogues")
        pytest.skip("GNU gettext not installed: `apt-get install gettext` to check the catalogues")
    copy = tmp_path_factory.mktemp("source") / "tree"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*NOT_SOURCE), symlinks=True)
    subprocess.run(  # noqa: S603 -- our own interpreter and manage.py
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "-l", "ar", "--no-location"]
        + [f"--ignore={name}" for name in NOT_SOURCE + NOT_SHOWN],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    return copy / "locale"


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_every_string_of_the_code_has_its_translation(catalogues_from_the_source, language):
    """A string marked for translation but absent from the catalogue shows in English."""
    po_path = catalogues_from_the_source / language / "LC_MESSAGES" / "django.po"
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file)
    missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    assert missing == []


def _eager_translations_at_import(path: Path) -> list[int]:
    """Lines where a module calls gettext (not gettext_lazy) outside any function."""
    import ast

    tree = ast.parse(path.read_text())
    eager = {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation"
        for alias in node.names
        if alias.name in {"gettext", "ngettext", "pgettext", "npgettext"}
    }
    lines = []

    def visit(node, in_function):
        called = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if called and not in_function and node.func.id in eager:
            lines.append(node.lineno)
        inner = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        for child in ast.iter_child_nodes(node):
            visit(child, inner)

    visit(tree, False)
    return lines


def test_no_string_is_translated_once_and_for_all_at_import():
    # Translated at import, a string stays in the language of the first request forever.
    root = LOCALE_DIR.parent
    frozen = [
        f"{path.relative_to(root)}:{line}"
        for app in ("accounts", "cms", "config", "core", "filings", "hubs")
        for path in (root / app).rglob("*.py")
        if "migrations" not in path.parts
        for line in _eager_translations_at_import(path)
    ]
    assert frozen == [], "use gettext_lazy for these: " + ", ".join(frozen)


@pytest.mark.django_db
def test_the_trademark_steps_read_in_arabic_on_an_arabic_page(client, entrepreneur, hub_a):
    from tests.filings.factories import complete_prefiling

    prefiling = complete_prefiling(owner=entrepreneur, hub=hub_a)
    client.force_login(entrepreneur)
    with translation.override("ar"):
        url = reverse("filings:trademark_step", args=[prefiling.public_id, 1])
    page = client.get(url).content.decode()
    assert "Le déposant" not in page and "The applicant" not in page
    with translation.override("ar"):
        assert translation.gettext("The applicant") in page


@pytest.mark.django_db
def test_every_page_links_to_itself_in_the_other_languages_whatever_the_browser(client):
    page = client.get("/fr/accounts/login/?next=/fr/my-space/", HTTP_ACCEPT_LANGUAGE="ar")
    body = page.content.decode()
    assert '<html lang="fr"' in body
    assert 'href="/ar/accounts/login/?next=/fr/my-space/"' in body
    assert 'href="/en/accounts/login/?next=/fr/my-space/"' in body


@pytest.mark.django_db
def test_someone_who_prefers_arabic_finds_the_arabic_link_on_a_french_page(client, entrepreneur):
    entrepreneur.preferred_language = "ar"
    entrepreneur.save()
    client.force_login(entrepreneur)
    client.cookies["django_language"] = "ar"
    body = client.get("/fr/my-space/").content.decode()
    assert 'href="/ar/my-space/"' in body
    assert "فضائي" in client.get("/ar/my-space/").content.decode()


@pytest.mark.django_db
def test_logging_in_from_a_french_page_lands_in_the_profiles_language(client, entrepreneur):
    from tests.accounts.factories import PASSWORD

    entrepreneur.preferred_language = "ar"
    entrepreneur.save()
    response = client.post(
        "/fr/accounts/login/", {"login": entrepreneur.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/ar/")
    assert client.cookies["django_language"].value == "ar"


@pytest.mark.django_db
def test_changing_the_language_in_the_profile_applies_at_once(client, entrepreneur):
    client.force_login(entrepreneur)
    form = client.get("/fr/profile/").context["form"]
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data.update(preferred_language="ar", region=form.initial.get("region") or "")
    response = client.post("/fr/profile/", data, follow=True)
    assert response.redirect_chain[-1][0].startswith("/ar/")
    body = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    assert "Your profile has been saved." not in body


@pytest.mark.django_db
def test_the_profile_page_title_is_its_title(client, entrepreneur):
    import re

    client.force_login(entrepreneur)
    body = client.get("/fr/profile/").content.decode()
    title = re.search(r"<title>(.*?)</title>", body, re.S).group(1)
    assert title.strip() == "Mon profil · Carrés des innovateurs"
    assert body.count('id="emails"') == 1
    assert '">' not in re.search(r'<main[^>]*class="([^"]*)"', body).group(1)
