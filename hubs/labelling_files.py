"""What an evidence file may be: recognised by its first bytes, never by its name."""

from django.utils.translation import gettext as _

from core.exceptions import ApplicationError

MAX_EVIDENCE_BYTES = 5 * 1024 * 1024

# (magic bytes, content type, extension)
_SIGNATURES = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)


class EvidenceFileRefused(ApplicationError):
    pass


def _verify_image(uploaded_file) -> None:
    # A valid header followed by garbage is not an image: Pillow reads the whole structure.
    from PIL import Image

    try:
        with Image.open(uploaded_file) as image:
            image.verify()
    except Exception as error:
        raise EvidenceFileRefused(_("This image is damaged or is not really an image.")) from error
    finally:
        uploaded_file.seek(0)


def evidence_file_kind(uploaded_file) -> tuple[str, str]:
    """(content type, extension) of an acceptable file, or EvidenceFileRefused."""
    if uploaded_file.size > MAX_EVIDENCE_BYTES:
        raise EvidenceFileRefused(
            _("This file is too large: %(size)s MB at most.")
            % {"size": MAX_EVIDENCE_BYTES // (1024 * 1024)}
        )
    if uploaded_file.size == 0:
        raise EvidenceFileRefused(_("This file is empty."))
    uploaded_file.seek(0)
    head = uploaded_file.read(16)
    uploaded_file.seek(0)
    for magic, content_type, extension in _SIGNATURES:
        if head.startswith(magic):
            if content_type != "application/pdf":
                _verify_image(uploaded_file)
            return content_type, extension
    raise EvidenceFileRefused(
        _("Only PDF, JPEG and PNG files are accepted, and this file is none of them.")
    )
