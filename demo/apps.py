from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo data and its loaders: knows every app, and no app knows it."""

    name = "demo"
    verbose_name = _("demo data")
