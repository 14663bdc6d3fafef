from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RollupConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "rollup"
    verbose_name = _("county roll-up")

    def ready(self):
        from common.beat import Job, schedule_after_migrate

        from .jobs import RECOUNT_TASK

        # The roll-up's figures counted ahead of its readers (services.FRESH_FOR); data managers may change the
        # interval in the admin (定时任务).
        schedule_after_migrate(
            self, Job(task=RECOUNT_TASK, name="县区汇总：统计各县数字", interval={"every": 5, "period": "minutes"})
        )
