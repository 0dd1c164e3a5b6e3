from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubsConfig(AppConfig):
    name = "hubs"
    verbose_name = _("Hub network")

    def ready(self):
        from . import labelling_spaces, tasks_labelling  # noqa: F401  (worker registers tasks)

        labelling_spaces.register()
