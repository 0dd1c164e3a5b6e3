"""The demo page tree in French, Arabic and English.

Home, the hub index with one page per demo hub, five service guides, events (some full, some
past, some run by a hub) and news. Idempotent: a page that exists is left as it is.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Collection, Locale, Page, Site

from core.formats import de_place
from core.pdf import render_pdf
from core.regions import RegionCode
from hubs.models import Hub

from .demo_content import (
    EVENT_INDEX,
    EVENTS,
    GUIDE_INDEX,
    GUIDES,
    HOME,
    HUB_INDEX,
    HUB_PAGE,
    NEWS,
    NEWS_INDEX,
    SEAT_NAMES_AR,
    SEAT_NAMES_EN,
)
from .models import (
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
from .permissions import ensure_moderation_workflow, sync_hub_editors

LANGUAGES = ("fr", "ar", "en")


def _locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


def _publish(page):
    page.save_revision().publish()
    return page


def _add_translation(page, model, fields, locale):
    # Built directly rather than with copy_for_translation: a copy carries the French slug,
    # and renaming it would leave a redirect behind.
    parent = page.get_parent().get_translation(locale)
    translation = model(locale=locale, translation_key=page.translation_key, **fields)
    parent.add_child(instance=translation)
    return _publish(translation)


def _ensure(model, *, parent_fr, slug_fr, fields: dict, locales) -> dict:
    """The page in French under `parent_fr` and its Arabic and English translations.

    `fields` maps a language to the page's fields (title, slug and the model's own).
    """
    page = model.objects.filter(locale=locales["fr"], slug=slug_fr).child_of(parent_fr).first()
    if page is None:
        page = model(locale=locales["fr"], **fields["fr"])
        parent_fr.add_child(instance=page)
        _publish(page)
    pages = {"fr": page}
    for code in ("ar", "en"):
        translation = page.get_translation_or_none(locales[code])
        if translation is None:
            translation = _add_translation(page, model, fields[code], locales[code])
        pages[code] = translation.specific
    return pages


def _home(locales) -> HomePage:
    root = Page.get_first_root_node()
    if root is None:
        # Wagtail's migrations create the root, but a flushed test database has none.
        root = Page.add_root(instance=Page(title="Root", locale=locales["fr"]))
    home = HomePage.objects.filter(locale=locales["fr"]).first()
    if home is None:
        home = HomePage(locale=locales["fr"], **HOME["fr"])
        root.add_child(instance=home)
        _publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            root_page=home,
            is_default_site=True,
            site_name="Carrés des innovateurs",
        )
    elif site.root_page_id != home.pk:
        welcome = site.root_page
        site.root_page = home
        site.site_name = "Carrés des innovateurs"
        site.save()
        if type(welcome.specific) is Page:
            welcome.delete()
    for code in ("ar", "en"):
        if not home.has_translation(locales[code]):
            translation = HomePage(
                locale=locales[code], translation_key=home.translation_key, **HOME[code]
            )
            root.add_child(instance=translation)
            _publish(translation)
    return home


def _section(model, home, content, locales) -> dict:
    fields = {code: {**content[code], "show_in_menus": True} for code in LANGUAGES}
    return _ensure(
        model, parent_fr=home, slug_fr=content["fr"]["slug"], fields=fields, locales=locales
    )


def _hub_pages(hub_index, locales) -> dict:
    pages = {}
    for hub in Hub.objects.filter(is_active=True).select_related("chamber__region"):
        seat = hub.city
        region = RegionCode(hub.chamber.region.code)
        names = {
            "fr": seat,
            "ar": SEAT_NAMES_AR.get(seat, seat),
            "en": SEAT_NAMES_EN.get(seat, seat),
        }
        fields = {
            code: {
                "hub": hub,
                "title": HUB_PAGE[code]["title"].format(
                    city=names[code], de_city=de_place(names[code])
                ),
                "slug": f"{HUB_PAGE[code]['slug']}-{hub.slug.removeprefix('carre-')}",
                "intro": HUB_PAGE[code]["intro"].format(
                    city=names[code], de_city=de_place(names[code]), region=region.label
                ),
                "services": HUB_PAGE[code]["services"],
            }
            for code in LANGUAGES
        }
        pages[hub.slug] = _ensure(
            HubPage,
            parent_fr=hub_index["fr"],
            slug_fr=fields["fr"]["slug"],
            fields=fields,
            locales=locales,
        )
        sync_hub_editors(hub=hub)
    return pages


def _checklist_document() -> Document:
    document = Document.objects.filter(title="Checklist — création d'entreprise").first()
    if document is None:
        pdf = render_pdf(
            template_name="pdf/smoke.html",
            context={
                "title": "Checklist — création d'entreprise",
                "arabic": "قائمة الوثائق اللازمة لإنشاء مقاولة",
            },
        )
        # Wagtail's migrations create the root collection, but a flushed test database has none.
        collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
        document = Document(title="Checklist — création d'entreprise", collection=collection)
        document.file.save("checklist-creation.pdf", ContentFile(pdf), save=False)
        document.save()
    return document


def _guide_body(guide: dict, code: str, *, hub_index_page, document) -> list:
    body = [("text", guide["text"][code])]
    body.append(
        (
            "figures",
            {"figures": [{"value": v, "label": label} for v, label in guide["figures"][code]]},
        )
    )
    body.append(
        (
            "steps",
            {
                "heading": guide["steps_heading"][code],
                "steps": [{"title": t, "text": f"<p>{x}</p>"} for t, x in guide["steps"][code]],
            },
        )
    )
    body.append(
        (
            "faq",
            {
                "heading": guide["faq_heading"][code],
                "questions": [
                    {"question": q, "answer": f"<p>{a}</p>"} for q, a in guide["faq"][code]
                ],
            },
        )
    )
    if guide.get("with_document"):
        body.append(("document", {"document": document, "label": guide["document_label"][code]}))
    body.append(
        (
            "call_to_action",
            {
                "text": guide["cta"][code][0],
                "button_label": guide["cta"][code][1],
                "page": hub_index_page,
                "url": "",
            },
        )
    )
    return body


def _guides(guide_index, hub_index, locales) -> None:
    document = _checklist_document()
    for guide in GUIDES:
        fields = {
            code: {
                "title": guide["title"][code],
                "slug": guide["slug"][code],
                "intro": guide["intro"][code],
                "body": _guide_body(guide, code, hub_index_page=hub_index[code], document=document),
            }
            for code in LANGUAGES
        }
        _ensure(
            GuidePage,
            parent_fr=guide_index["fr"],
            slug_fr=guide["slug"]["fr"],
            fields=fields,
            locales=locales,
        )


def _events(event_index, hub_pages, locales) -> None:
    from .services import registration_create

    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    User = get_user_model()
    for event in EVENTS:
        start = now + timedelta(days=event["in_days"], hours=10 - now.hour)
        parents = hub_pages[event["hub"]] if event["hub"] else event_index
        common = {
            "start": start,
            "end": start + timedelta(hours=event["hours"]),
            "online_url": event.get("online_url", ""),
            "audience": event["audience"],
            "capacity": event["capacity"],
        }
        fields = {
            code: {
                **common,
                "title": event["title"][code],
                "slug": event["slug"][code],
                "intro": event["intro"][code],
                "venue": event["venue"][code],
            }
            for code in LANGUAGES
        }
        pages = _ensure(
            EventPage,
            parent_fr=parents["fr"],
            slug_fr=event["slug"]["fr"],
            fields=fields,
            locales=locales,
        )
        for email in event.get("registrants", []):
            user = User.objects.filter(email=email).first()
            if user is not None and not pages["fr"].is_past:
                registration_create(event=pages["fr"], user=user, actor=user)


def _news(news_index, locales) -> None:
    today = timezone.localdate()
    for number, article in enumerate(NEWS):
        fields = {
            code: {
                "title": article["title"][code],
                "slug": article["slug"][code],
                "intro": article["intro"][code],
                "date": today - timedelta(days=7 * number + 1),
                "body": [("text", f"<p>{article['intro'][code]}</p>")],
            }
            for code in LANGUAGES
        }
        _ensure(
            NewsPage,
            parent_fr=news_index["fr"],
            slug_fr=article["slug"]["fr"],
            fields=fields,
            locales=locales,
        )


def load_pages() -> HomePage:
    locales = _locales()
    home = _home(locales)
    hub_index = _section(HubIndexPage, home, HUB_INDEX, locales)
    guide_index = _section(GuideIndexPage, home, GUIDE_INDEX, locales)
    event_index = _section(EventIndexPage, home, EVENT_INDEX, locales)
    news_index = _section(NewsIndexPage, home, NEWS_INDEX, locales)
    hub_pages = _hub_pages(hub_index, locales)
    _guides(guide_index, hub_index, locales)
    _events(event_index, hub_pages, locales)
    _news(news_index, locales)
    ensure_moderation_workflow()
    return home
