from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Public site")

    def ready(self):
        from . import figures, permissions, personal_data, signals, workflow_names

        signals.connect()
        figures.register()
        personal_data.register()
        workflow_names.register()
        # After every app's migrations, so Wagtail's permissions and root page exist.
        post_migrate.connect(permissions.setup_after_migrate, dispatch_uid="cms_setup")
