from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GazetteConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "gazette"
    verbose_name = _("gazette")
    unit_staff_rights = ()

    def ready(self):
        from common.beat import Job, schedule_after_migrate

        # Imports left running after their worker died are marked failed; the interval is changed in the admin.
        schedule_after_migrate(
            self,
            Job(
                task="gazette.tasks.fail_stalled_imports",
                name="公报导入：清理中断的导入任务",
                interval={"every": 5, "period": "minutes"},
            ),
        )
