"""The demo page tree: a home page in French with its Arabic and English translations."""

from wagtail.models import Locale, Page, Site

from .models import HomePage

HOME_CONTENT = {
    "fr": (
        "Carrés des innovateurs",
        "Créez votre entreprise, protégez votre marque et rencontrez un conseiller de votre "
        "chambre de commerce, d'industrie et de services.",
    ),
    "ar": (
        "مربعات المبتكرين",
        "أنشئ مقاولتك، احمِ علامتك التجارية والتقِ بمستشار من غرفة التجارة والصناعة والخدمات "
        "في جهتك.",
    ),
    "en": (
        "Innovators’ hubs",
        "Create your company, protect your brand and meet an advisor of your chamber of "
        "commerce, industry and services.",
    ),
}


def load_pages() -> HomePage:
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in HOME_CONTENT}
    root = Page.get_first_root_node()
    if root is None:
        # Wagtail's migrations create the root, but a flushed test database has none.
        root = Page.add_root(instance=Page(title="Root", locale=locales["fr"]))
    home = HomePage.objects.filter(locale=locales["fr"]).first()
    if home is None:
        title, intro = HOME_CONTENT["fr"]
        home = HomePage(title=title, slug="accueil", intro=intro, locale=locales["fr"])
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        welcome = site.root_page
        site.root_page = home
        site.site_name = "Carrés des innovateurs"
        site.save()
        if type(welcome.specific) is Page:
            welcome.delete()
    for code in ("ar", "en"):
        if not home.has_translation(locales[code]):
            translation = home.copy_for_translation(locales[code])
            translation.title, translation.intro = HOME_CONTENT[code]
            translation.save_revision().publish()
    return home
