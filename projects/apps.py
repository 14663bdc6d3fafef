from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


def _forget_light_settings(sender, **kwargs):
    from .reminders.services import forget_light_settings

    forget_light_settings()


class ProjectsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "projects"
    verbose_name = _("ledger")
    unit_staff_rights = ()

    def ready(self):
        from gazette.selectors import register_linked_selector

        from .models import ReminderPolicy, Task, WorkdayException
        from .selectors import visible_tasks

        # The traffic lights cache the 预警 window and the county's calendar.
        for model in (ReminderPolicy, WorkdayException):
            for name, signal in (("save", post_save), ("delete", post_delete)):
                signal.connect(_forget_light_settings, sender=model, dispatch_uid=f"lights_{model.__name__}_{name}")

        register_linked_selector(Task, visible_tasks)
