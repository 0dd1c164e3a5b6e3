from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubsConfig(AppConfig):
    name = "hubs"
    verbose_name = _("Hub network")

    def ready(self):
        # Celery's autodiscovery looks for tasks.py only: the worker registers these here.
        from . import (  # noqa: F401
            admin_booking,
            booking_figures,
            booking_spaces,
            figures_spaces,
            labelling_spaces,
            personal_data,
            tasks_booking,
            tasks_labelling,
        )
        from .booking_notifications import register_notification_kinds

        register_notification_kinds()
        booking_figures.register()
        booking_spaces.register()
        labelling_spaces.register()
        personal_data.register()
        figures_spaces.register()
