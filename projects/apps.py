from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_role_groups(sender, **kwargs):
    from .services import ensure_role_groups

    ensure_role_groups()


class ProjectsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "projects"
    verbose_name = _("ledger")

    def ready(self):
        # After every migrate, so permissions of apps migrated later are included too.
        post_migrate.connect(_ensure_role_groups, dispatch_uid="projects_role_groups")

        from gazette.selectors import register_linked_selector

        from .models import LeadingGroup, Task
        from .selectors import visible_groups, visible_tasks

        register_linked_selector(LeadingGroup, visible_groups)
        register_linked_selector(Task, visible_tasks)
