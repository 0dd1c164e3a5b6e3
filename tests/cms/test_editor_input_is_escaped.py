"""Editors are not trusted: what they type cannot run in a visitor's browser."""

import json

from django.utils import timezone
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from cms.models import NewsPage
from tests.cms.factories import add, locales

SCRIPT = "<script>alert('xss')</script>"


def _contentstate_with_hostile_link() -> str:
    """What the rich-text editor posts: a paragraph whose link is a javascript: URL."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": "Click here <img src=x onerror=alert(1)>",
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 10, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {
                "0": {
                    "type": "LINK",
                    "mutability": "MUTABLE",
                    "data": {"url": "javascript:alert(document.cookie)"},
                }
            },
        }
    )


def test_hostile_titles_descriptions_and_rich_text_are_inert_on_the_public_page(client, tree):
    features = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    stored_html = ContentstateConverter(features).to_database_format(
        _contentstate_with_hostile_link()
    )
    page = add(
        tree["news_index"],
        NewsPage(
            title=f"Nouvelle {SCRIPT}",
            slug="nouvelle-hostile",
            intro=f"Résumé {SCRIPT}",
            search_description=f'"><img src=x onerror=alert(2)>{SCRIPT}',
            date=timezone.localdate(),
            locale=locales()["fr"],
            body=[("text", stored_html)],
        ),
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nouvelle &lt;script&gt;" in html
    assert "<script>alert" not in html
    assert "<img src=x onerror" not in html
    assert "javascript:" not in html
    assert "Click here" in html
