"""The three roles, as Django groups. Their names are what data managers see in the admin."""

from django.utils.translation import gettext_lazy as _

DATA_MANAGER = "数据管理员"
SUPERVISOR = "督办人员"
UNIT_STAFF = "单位用户"

ROLE_LABELS = {
    DATA_MANAGER: _("data manager"),
    SUPERVISOR: _("supervisor"),
    UNIT_STAFF: _("unit staff"),
}


def role_names(user):
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_ledger_roles", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._ledger_roles = cached
    return cached


def is_data_manager(user):
    return user.is_authenticated and (user.is_superuser or DATA_MANAGER in role_names(user))


def is_supervisor(user):
    return SUPERVISOR in role_names(user)
