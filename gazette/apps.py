from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GazetteConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "gazette"
    verbose_name = _("gazette")
    unit_staff_rights = ()

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from common.beat import Job, schedule_after_migrate

        from .models import Document
        from .selectors import forget_document_choices

        # The document list's choices (number series, kinds) are cached until a document is written.
        for name, signal in (("save", post_save), ("delete", post_delete)):
            signal.connect(forget_document_choices, sender=Document, dispatch_uid=f"document_choices_{name}")

        # Imports left running after their worker died are marked failed; the interval is changed in the admin.
        schedule_after_migrate(
            self,
            Job(
                task="gazette.tasks.fail_stalled_imports",
                name="公报导入：清理中断的导入任务",
                interval={"every": 5, "period": "minutes"},
            ),
        )
