"""Template context every page of the platform gets."""

from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject


def language_links(request):
    """The page itself in each language, as plain links (CMS pages bring their own).

    A link, not the set_language form: the form cannot translate a /fr/ address while another
    language is active (an Arabic browser, an Arabic profile), and the switch did nothing.
    """

    def compute():
        path = request.get_full_path()
        links = []
        for code, name in settings.LANGUAGES:
            url = translate_url(path, code)
            if url == path and not path.startswith(f"/{code}/"):
                url = f"/{code}/"  # a page outside the language prefixes: that language's home
            links.append({"code": code, "name": name, "url": url, "translated": True})
        return links

    return {"page_language_links": SimpleLazyObject(compute)}
