from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def _propose(sender, issue, **kwargs):
    from .proposal_services import propose_for_issue

    propose_for_issue(issue)


def _forget_light_settings(sender, **kwargs):
    from .reminder_services import forget_light_settings

    forget_light_settings()


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
        from gazette.signals import issue_imported

        # What an import reads in the issue becomes proposals for review; gazette does not know this app.
        issue_imported.connect(_propose, dispatch_uid="projects_propose")

        from .models import LeaderPortfolio, LeadingGroup, ReminderPolicy, Task, WorkdayException

        # The traffic lights cache the 预警 window and the county's calendar.
        for model in (ReminderPolicy, WorkdayException):
            for name, signal in (("save", post_save), ("delete", post_delete)):
                signal.connect(_forget_light_settings, sender=model, dispatch_uid=f"lights_{model.__name__}_{name}")

        from .selectors import visible_groups, visible_portfolios, visible_tasks

        register_linked_selector(LeadingGroup, visible_groups)
        register_linked_selector(Task, visible_tasks)
        register_linked_selector(LeaderPortfolio, visible_portfolios)
