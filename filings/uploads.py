"""Random storage names for uploaded and generated files: never the name the user gave."""

import uuid
from pathlib import PurePath


def _random(folder: str, filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"{folder}/{uuid.uuid4().hex}{suffix}"


def logo_upload_to(instance, filename: str) -> str:
    return _random("trademark_logos", filename)


def filing_file_upload_to(instance, filename: str) -> str:
    return _random("filing_files", filename)
