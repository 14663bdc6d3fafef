from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission


class ModelBackendOneQuery(ModelBackend):
    """Django's ModelBackend, reading a user's own and their groups' permissions in one query (a UNION) instead of
    two: every page asks for them, for the links of its menu."""

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            if user_obj.is_superuser:
                rows = _names(Permission.objects.all())
            else:
                rows = _names(self._get_user_permissions(user_obj)).union(_names(self._get_group_permissions(user_obj)))
            user_obj._perm_cache = {f"{app_label}.{codename}" for app_label, codename in rows}
        return user_obj._perm_cache


def _names(permissions):
    return permissions.values_list("content_type__app_label", "codename").order_by()
