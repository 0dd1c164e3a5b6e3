from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import personal_data_account
        from .signals import ensure_office_staff_group, stamp_privileged_session

        personal_data_account.register()
        personal_data_account.register_notifications()

        post_migrate.connect(ensure_office_staff_group, dispatch_uid="accounts_office_staff")
        user_logged_in.connect(stamp_privileged_session, dispatch_uid="accounts_privileged_clock")
