"""HTML to PDF with WeasyPrint, fetching only our own static and media files.

WeasyPrint's documentation warns that rendering untrusted HTML with the default fetcher lets
it read local files (file://) and reach any host. Every PDF of the platform goes through
`render_pdf`, whose fetcher answers only for /static/, /media/ and /private/ (our private
storage) paths and refuses the rest.
"""

import mimetypes
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .storage import private_storage

# A base URL no request ever reaches: relative URLs in templates resolve against it, and the
# fetcher maps its paths to files instead of opening connections.
PDF_BASE_URL = "https://pdf.invalid/"
_PDF_HOST = urlsplit(PDF_BASE_URL).netloc


class RefusedResource(ValueError):
    pass


class OwnFilesOnlyFetcher(URLFetcher):
    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme != "https" or parts.netloc != _PDF_HOST:
            raise RefusedResource(f"PDF resources come from the platform only, not {url!r}")
        path = unquote(parts.path)
        if ".." in path.split("/"):
            raise RefusedResource(f"Path traversal refused: {url!r}")
        mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        if path.startswith("/static/"):
            found = finders.find(path.removeprefix("/static/"))
            if not found:
                raise RefusedResource(f"No such static file: {path}")
            with open(found, "rb") as static_file:
                body = static_file.read()
        elif path.startswith("/media/"):
            with default_storage.open(path.removeprefix("/media/")) as media_file:
                body = media_file.read()
        elif path.startswith("/private/"):
            # Our templates only: user text is escaped, so it cannot point an <img> here.
            with private_storage.open(path.removeprefix("/private/")) as private_file:
                body = private_file.read()
        else:
            raise RefusedResource(f"Only /static/, /media/ and /private/ are served, not {path}")
        return URLFetcherResponse(url, body, {"Content-Type": mime_type})


def render_pdf(*, template_name: str, context: dict) -> bytes:
    """Render `templates/<template_name>` to PDF bytes. Call it from a task: it takes time."""
    html = render_to_string(template_name, context)
    return HTML(
        string=html, base_url=PDF_BASE_URL, url_fetcher=OwnFilesOnlyFetcher(fail_on_errors=False)
    ).write_pdf()
