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

        from common.forms import keep_choices_of
        from gazette.selectors import register_county_scope, register_linked_selector

        from . import access
        from .models import LeaderPortfolio, Organisation
        from .selectors import visible_portfolios

        keep_choices_of(Organisation)

        register_linked_selector(LeaderPortfolio, visible_portfolios)
        register_county_scope(access.county_names)
        _register_audited()


def _register_audited():
    """The history of org's records, of the gazettes below it and of the accounts, on the audit page."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db.models import Q

    from gazette.models import Document, Gazette, ImportJob, Issue

    from . import access, audit
    from .models import (
        CountyAccess,
        CountyProfile,
        LeaderPortfolio,
        Organisation,
        OrganisationAlias,
        Person,
        Post,
        UnitAccess,
    )

    def import_jobs(viewer, records):
        # A job names its county as entered, or not at all: then by the issue it wrote.
        names = access.county_names(viewer)
        return records if names is None else records.filter(Q(county__in=names) | Q(issue__gazette__county__in=names))

    audit.register(Organisation, audit.by_unit("id"))
    audit.register(OrganisationAlias, audit.by_unit())
    audit.register(CountyProfile, audit.by_county(), related=["county"])
    audit.register(CountyAccess, audit.by_county(), related=["user", "county"])
    audit.register(UnitAccess, audit.by_unit(), related=["user", "organisation"])
    audit.register(Person, audit.by_county())
    audit.register(Post, audit.by_unit(), related=["person", "organisation"])
    audit.register(LeaderPortfolio, audit.by_county("person__county"), related=["person"])
    audit.register(Gazette, audit.by_county_name("county"))
    audit.register(Issue, audit.by_county_name("gazette__county"), related=["gazette"])
    audit.register(Document, audit.by_county_name("issue__gazette__county"))
    audit.register(ImportJob, import_jobs)
    audit.register(get_user_model(), audit.by_account)
    audit.register(Group, audit.site_wide)
