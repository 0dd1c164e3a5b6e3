"""What every uploaded file goes through, whatever it is for.

A file is judged by its bytes, never by its name or the content type the browser declared; its
name is kept for display only (storage names are random, see `core.storage`). Images are opened
header first so a few-kilobyte "decompression bomb" is refused before any pixel is decoded.
"""

import unicodedata

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


def _check_pdf(upload) -> None:
    # A complete PDF ends with %%EOF (possibly followed by a few bytes of whitespace); a
    # truncated or disguised one does not.
    upload.seek(max(upload.size - 2048, 0))
    tail = upload.read()
    upload.seek(0)
    if b"%%EOF" not in tail:
        raise UploadRefused(_("This PDF is damaged or incomplete."))


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
