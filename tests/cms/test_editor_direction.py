import html
import json
import re

import pytest

pytestmark = pytest.mark.django_db


def _edit_page(client, page) -> str:
    return client.get(f"/cms-admin/pages/{page.pk}/edit/").content.decode()


def _input(page_html: str, name: str) -> str:
    return re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', page_html).group(0)


def _rich_text_options(page_html: str, name: str) -> dict:
    tag = _input(page_html, name)
    return json.loads(html.unescape(re.search(r'data-w-init-detail-value="([^"]*)"', tag)[1]))


def test_an_arabic_page_is_edited_right_to_left(client, hub_editor, hub_a_page):
    arabic = hub_a_page.get_translations().get()
    client.force_login(hub_editor)
    page = _edit_page(client, arabic)
    for name in ("title", "intro"):
        assert 'dir="rtl"' in _input(page, name) and 'lang="ar"' in _input(page, name)
    assert _rich_text_options(page, "services")["textDirectionality"] == "RTL"
    assert "dir=" not in _input(page, "slug")
    assert "css/cms_editor.css" in page  # StreamField blocks follow the title


def test_a_french_page_is_edited_left_to_right_even_in_the_arabic_admin(
    client, hub_editor, hub_a_page
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(hub_editor)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(hub_editor)
    page = _edit_page(client, hub_a_page)
    assert 'dir="rtl"' in page.split("<body")[0]  # the admin itself reads right to left
    assert 'dir="ltr"' in _input(page, "title") and 'lang="fr"' in _input(page, "title")
    assert _rich_text_options(page, "services")["textDirectionality"] == "LTR"
