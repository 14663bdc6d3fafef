"""The three roles, as Django groups, and the rights each gets. Their names are what data managers see in the
admin. What a role lets a user see or change is decided in ``org.access``; this module only names the roles and
keeps their groups' permissions."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

DATA_MANAGER = "数据管理员"
SUPERVISOR = "督办人员"
UNIT_STAFF = "单位用户"

# Permissions given to single accounts, not to a role's group.
PER_ACCOUNT = ("see_all_counties",)

ROLE_LABELS = {
    DATA_MANAGER: _("data manager"),
    SUPERVISOR: _("supervisor"),
    UNIT_STAFF: _("unit staff"),
}


def ledger_apps():
    """Apps whose records the roles work on: those whose AppConfig states ``unit_staff_rights``.

    Each app says there what unit staff may do with its models besides viewing them, so that this module knows
    no app above it.
    """
    return {
        config.label: config.unit_staff_rights
        for config in apps.get_app_configs()
        if hasattr(config, "unit_staff_rights")
    }


def ensure_role_groups():
    """Create the three role groups and set their permissions; safe to run after every migrate.

    Data managers may do everything with the ledger apps' records and keep the accounts ("auth"); supervisors
    view them; unit staff view them and have the rights each app grants them.
    """
    rights = ledger_apps()
    # Seeing every county is given to an account (a province office), never to a role.
    ledger = Permission.objects.filter(content_type__app_label__in=rights).exclude(codename__in=PER_ACCOUNT)
    views = ledger.filter(codename__startswith="view_")
    unit_staff = views
    for label, codenames in rights.items():
        unit_staff = unit_staff | ledger.filter(content_type__app_label=label, codename__in=codenames)
    grants = {
        DATA_MANAGER: ledger | Permission.objects.filter(content_type__app_label="auth"),
        SUPERVISOR: views,
        UNIT_STAFF: unit_staff,
    }
    for name, permissions in grants.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)
