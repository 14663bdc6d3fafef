from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = _("accounts and sign-in")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .services import open_session

        user_logged_in.connect(open_session, dispatch_uid="accounts_second_factor")
