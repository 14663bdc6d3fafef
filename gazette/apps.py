from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GazetteConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "gazette"
    verbose_name = _("gazette")
    unit_staff_rights = ()
