"""What every uploaded file goes through, whatever it is for.

A file is judged by its bytes, never by its name or the content type the browser declared; its
name is kept for display only (storage names are random, see `core.storage`). Images are opened
header first so a few-kilobyte "decompression bomb" is refused before any pixel is decoded.
"""

import unicodedata

from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from .exceptions import ApplicationError

# 40 megapixels: a scanned A4 page at 600 dpi is about 35. Decoding more would let one upload
# take hundreds of megabytes of memory.
MAX_IMAGE_PIXELS = 40_000_000
MAX_NAME_LENGTH = 200

PDF = ("application/pdf", ".pdf")
JPEG = ("image/jpeg", ".jpg")
PNG = ("image/png", ".png")
_IMAGE_FORMATS = {"JPEG": JPEG, "PNG": PNG}
_EXTENSIONS = dict((PDF, JPEG, PNG))


def served_as(stem: str, content_type: str) -> tuple[str, str]:
    """(content type, file name) under which the platform hands out a file it checked.

    Never the name it was sent with: "CIN.pdf.hta" saved under its own name would run on the
    advisor's machine. The name is made here from ``stem`` (a reference, a kind) and the
    extension of what the file really is; anything else is served as opaque bytes.
    """
    extension = _EXTENSIONS.get(content_type)
    if extension is None:
        content_type, extension = "application/octet-stream", ".bin"
    return content_type, f"{slugify(stem) or 'document'}{extension}"


class UploadRefused(ApplicationError):
    pass


def checked_display_name(name: str | None) -> str:
    """The name the user gave, for display: refused if it carries a path or hidden characters.

    Django's upload parser already drops directories and non-printable characters from names
    sent by browsers; services are also called from commands and tests, so we check again.
    """
    name = (name or "").strip()
    hidden = any(unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp"} for char in name)
    if hidden or "/" in name or "\\" in name or name in {".", ".."}:
        raise UploadRefused(
            _("The file name contains a folder or hidden characters. Rename the file and retry.")
        )
    return name[-MAX_NAME_LENGTH:] or "document"


def _head(upload, size: int) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


# Actions a PDF reader may run by itself, or on a click, on the machine of whoever opens it.
_ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/GoToE", "/Rendition", "/SubmitForm"}


def _runs_something(reader) -> bool:
    """True if the PDF carries scripts, launch actions or embedded files anywhere a reader acts."""

    def acts(action) -> bool:
        action = action.get_object() if action is not None else None
        while isinstance(action, dict):
            if action.get("/S") in _ACTIVE_ACTIONS or "/JS" in action:
                return True
            action = action.get("/Next")
            action = action.get_object() if action is not None else None
        return False

    def any_trigger(dictionary) -> bool:
        triggers = dictionary.get("/AA")
        triggers = triggers.get_object() if triggers is not None else {}
        return any(acts(value) for value in triggers.values())

    root = reader.trailer["/Root"].get_object()
    names = root.get("/Names")
    names = names.get_object() if names is not None else {}
    if "/JavaScript" in names or "/EmbeddedFiles" in names:
        return True
    form = root.get("/AcroForm")
    if (form is not None and "/XFA" in form.get_object()) or acts(root.get("/OpenAction")):
        return True
    if any_trigger(root):
        return True
    for page in reader.pages:
        if any_trigger(page):
            return True
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/FileAttachment" or acts(annotation.get("/A")):
                return True
            if any_trigger(annotation):
                return True
    return False


def _check_pdf(upload) -> None:
    """A PDF is read as a PDF: its structure, its pages, and nothing it would run."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    damaged = _("This PDF is damaged or incomplete.")
    upload.seek(max(upload.size - 2048, 0))
    tail = upload.read()
    upload.seek(0)
    # A complete PDF ends with %%EOF (possibly followed by a few bytes of whitespace).
    if b"%%EOF" not in tail:
        raise UploadRefused(damaged)
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted:
            raise UploadRefused(
                _("This PDF is protected by a password. Send it without the password.")
            )
        if len(reader.pages) == 0:
            raise UploadRefused(damaged)
        active = _runs_something(reader)
    except UploadRefused:
        raise
    # pypdf raises its own errors and, on hostile structures, the usual Python ones.
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise UploadRefused(damaged) from error
    finally:
        upload.seek(0)
    if active:
        raise UploadRefused(
            _(
                "This PDF contains scripts, actions or attached files. Print it to a new PDF "
                "(or scan the paper document) and send that one."
            )
        )


def _check_image(upload, *, max_pixels: int) -> tuple[str, str]:
    damaged = _("This image is damaged or is not really an image.")
    too_large = _("This image is too large: %(megapixels)s megapixels at most.") % {
        "megapixels": max_pixels // 1_000_000
    }
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            kind = image.format
            width, height = image.size
            if width * height > max_pixels:
                raise UploadRefused(too_large)
            image.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            # verify() checks the structure, load() decodes: a truncated image fails here.
            image.load()
    except UploadRefused:
        raise
    except Image.DecompressionBombError as error:
        raise UploadRefused(too_large) from error
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
    ) as error:
        raise UploadRefused(damaged) from error
    finally:
        upload.seek(0)
    if kind not in _IMAGE_FORMATS:
        raise UploadRefused(damaged)
    return _IMAGE_FORMATS[kind]


def check_upload(
    upload,
    *,
    max_bytes: int,
    accept: tuple = (PDF, JPEG, PNG),
    max_pixels: int = MAX_IMAGE_PIXELS,
) -> tuple[str, str]:
    """(content type, extension) of an acceptable file, or UploadRefused with the reason."""
    checked_display_name(upload.name)
    if upload.size > max_bytes:
        raise UploadRefused(
            _("This file is too large: %(size)s MB at most.")
            % {"size": max(max_bytes // (1024 * 1024), 1)}
        )
    if upload.size == 0:
        raise UploadRefused(_("This file is empty."))
    head = _head(upload, 16)
    if PDF in accept and head.startswith(b"%PDF-"):
        _check_pdf(upload)
        return PDF
    images = [kind for kind in accept if kind != PDF]
    if images and (head.startswith(b"\xff\xd8\xff") or head.startswith(b"\x89PNG\r\n\x1a\n")):
        kind = _check_image(upload, max_pixels=max_pixels)
        if kind in images:
            return kind
    raise UploadRefused(_accepted_message(accept))


def _accepted_message(accept) -> str:
    if PDF not in accept:
        return _("This file is not a PNG or JPEG image.")
    return _("Only PDF, JPEG and PNG files are accepted, and this file is none of them.")
