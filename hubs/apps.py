from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubsConfig(AppConfig):
    name = "hubs"
    verbose_name = _("Hub network")

    def ready(self):
        # Celery's autodiscovery looks for tasks.py only.
        from . import admin_booking, booking_spaces, tasks_booking  # noqa: F401

        booking_spaces.register()
