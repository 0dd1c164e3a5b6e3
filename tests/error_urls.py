"""A URL configuration for the error-page tests: views that fail the ways production can."""

from django.db import OperationalError
from django.urls import path

from config.urls import handler500  # noqa: F401 - the handler under test


def database_gone(request):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


def bug(request):
    raise ValueError("a bug")


urlpatterns = [path("database-gone/", database_gone), path("bug/", bug)]
