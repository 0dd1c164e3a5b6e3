"""Where files only a permission-checked view may serve are kept: outside MEDIA_ROOT."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT: no URL maps to them, whatever serves MEDIA_URL.

    Identity documents, business plans and pre-filing files are read only through views that
    check who asks (and by the PDF renderer, which serves them under /private/).
    """

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no URL: serve them through a checked view.")

    def deconstruct(self):
        return ("core.storage.PrivateStorage", (), {})


private_storage = PrivateStorage()
