"""A small page tree for tests, built directly (the full demo is slower and fixed in size)."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale, Page, Site

from cms.models import (
    EventIndexPage,
    EventPage,
    GuideIndexPage,
    GuidePage,
    HomePage,
    HubIndexPage,
    HubPage,
    NewsIndexPage,
    NewsPage,
)


def locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("fr", "ar", "en")
    }


def publish(page):
    page.save_revision().publish()
    return page


def add(parent, page):
    parent.add_child(instance=page)
    return publish(page)


def translate(page, parent, code, **fields):
    """The page in another language, with its own slug and title."""
    model = type(page)
    translation = model(locale=locales()[code], translation_key=page.translation_key, **fields)
    return add(parent, translation)


def build_tree():
    """Home (fr+ar), the four sections in fr and ar, guides in fr."""
    loc = locales()
    root = Page.get_first_root_node()
    home = add(root, HomePage(title="Accueil", slug="accueil", locale=loc["fr"], intro="Bienvenue"))
    home_ar = translate(home, root, "ar", title="الرئيسية", slug="alraisia", intro="مرحبا")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    tree = {"home": home, "home_ar": home_ar}
    for key, model, fr, ar in (
        ("hub_index", HubIndexPage, "carres", "marakiz"),
        ("guide_index", GuideIndexPage, "guides", "adilla"),
        ("event_index", EventIndexPage, "evenements", "fa3aliyat"),
        ("news_index", NewsIndexPage, "actualites", "akhbar"),
    ):
        page = add(home, model(title=fr.title(), slug=fr, locale=loc["fr"], show_in_menus=True))
        tree[key] = page
        tree[f"{key}_ar"] = translate(page, home_ar, "ar", title=ar, slug=ar, show_in_menus=True)
    return tree


def hub_page(tree, hub, *, arabic=True):
    page = add(
        tree["hub_index"],
        HubPage(
            title=f"Page {hub.name}",
            slug=hub.slug,
            hub=hub,
            locale=locales()["fr"],
            intro="Le Carré",
            services="<p>Création</p>",
        ),
    )
    if arabic:
        translate(
            page,
            tree["hub_index_ar"],
            "ar",
            title=f"مربع {hub.city}",
            slug=f"markaz-{hub.slug}",
            hub=hub,
            intro="المربع",
        )
    return page


def guide(tree, slug="creer", title="Créer son entreprise"):
    body = [
        ("text", "<p>Texte</p>"),
        ("steps", {"heading": "Étapes", "steps": [{"title": "Un", "text": "<p>a</p>"}]}),
        ("faq", {"heading": "FAQ", "questions": [{"question": "Q ?", "answer": "<p>R</p>"}]}),
        ("figures", {"figures": [{"value": "90 j", "label": "validité"}]}),
        (
            "call_to_action",
            {"text": "Allez", "button_label": "Go", "page": tree["hub_index"], "url": ""},
        ),
    ]
    return add(
        tree["guide_index"],
        GuidePage(title=title, slug=slug, intro="Pour vous", body=body, locale=locales()["fr"]),
    )


def event(parent, *, slug="atelier", capacity=10, in_days=5, title="Atelier marque"):
    start = timezone.now() + timedelta(days=in_days)
    return add(
        parent,
        EventPage(
            title=title,
            slug=slug,
            start=start,
            end=start + timedelta(hours=2),
            venue="CCIS",
            capacity=capacity,
            intro="Atelier",
            locale=parent.locale,
        ),
    )


def news(tree, n):
    return add(
        tree["news_index"],
        NewsPage(
            title=f"Nouvelle {n}",
            slug=f"nouvelle-{n}",
            intro=f"Résumé {n}",
            date=timezone.localdate() - timedelta(days=n),
            locale=locales()["fr"],
        ),
    )
