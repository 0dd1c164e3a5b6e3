"""What an evidence file may be: recognised by its first bytes, never by its name."""

from core.uploads import UploadRefused, check_upload

MAX_EVIDENCE_BYTES = 5 * 1024 * 1024


class EvidenceFileRefused(UploadRefused):
    pass


def evidence_file_kind(uploaded_file) -> tuple[str, str]:
    """(content type, extension) of an acceptable file, or EvidenceFileRefused."""
    try:
        return check_upload(uploaded_file, max_bytes=MAX_EVIDENCE_BYTES)
    except UploadRefused as error:
        raise EvidenceFileRefused(error.message) from error
