from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_role_groups(sender, **kwargs):
    from .roles import ensure_role_groups

    ensure_role_groups()


class OrgConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "org"
    verbose_name = _("organisations and people")
    # What unit staff may do with this app's records besides viewing them (org.roles reads it).
    unit_staff_rights = ()

    def ready(self):
        # After every migrate, so that the permissions of apps migrated later are included too.
        post_migrate.connect(_ensure_role_groups, dispatch_uid="org_role_groups")

        from gazette.selectors import register_county_scope, register_linked_selector

        from . import access
        from .models import LeaderPortfolio
        from .selectors import visible_portfolios

        register_linked_selector(LeaderPortfolio, visible_portfolios)
        register_county_scope(access.county_names)
