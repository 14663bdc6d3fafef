from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


def _forget_light_settings(sender, **kwargs):
    from .reminders.services import forget_light_settings

    forget_light_settings()


def _instruction_action(user, document):
    """Supervisors and data managers record a leader's instruction (领导批示) from a document's page."""
    from django.urls import reverse

    from .selectors import can_enter_instruction

    if can_enter_instruction(user):
        return _("Record a leader's instruction"), reverse("projects:document_instruction", args=[document.pk])
    return None


class ProjectsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "projects"
    verbose_name = _("ledger")
    unit_staff_rights = ()

    def ready(self):
        from common.beat import Job, schedule_after_migrate

        # Data managers change both in the admin (定时任务): the daily sweep at 08:00 Beijing time, and a tick every
        # ten minutes that catches up a missed sweep and retries failed e-mails.
        schedule_after_migrate(
            self,
            Job(
                task="projects.tasks.sweep_reminders",
                name="督办提醒：每日扫描与发送",
                crontab={
                    "minute": "0",
                    "hour": "8",
                    "day_of_week": "*",
                    "day_of_month": "*",
                    "month_of_year": "*",
                    "timezone": "Asia/Shanghai",
                },
            ),
            Job(
                task="projects.tasks.send_pending_reminders",
                name="督办提醒：补扫与失败重发",
                interval={"every": 10, "period": "minutes"},
            ),
        )

        from gazette.selectors import register_document_action, register_linked_selector

        from .models import Instruction, ReminderPolicy, Task, WorkdayException
        from .selectors import visible_instructions, visible_tasks

        # The traffic lights cache the 预警 window and the county's calendar.
        for model in (ReminderPolicy, WorkdayException):
            for name, signal in (("save", post_save), ("delete", post_delete)):
                signal.connect(_forget_light_settings, sender=model, dispatch_uid=f"lights_{model.__name__}_{name}")

        register_linked_selector(Task, visible_tasks)
        register_linked_selector(Instruction, visible_instructions)
        register_document_action(_instruction_action)

        from org.selectors import register_section

        from .selectors import organisation_notices

        register_section("organisation", "projects/_organisation_notices.html", organisation_notices)

        from org import audit

        from .models import Assignment, ClosingRound, ExtensionRequest, Notice, ProgressReport, ScorecardRules

        audit.register(Task, audit.by_county())
        audit.register(Assignment, audit.by_county("task__county"), related=["organisation"])
        audit.register(ProgressReport, audit.by_county("task__county"), related=["task"])
        audit.register(ExtensionRequest, audit.by_county("task__county"), related=["task"])
        audit.register(ClosingRound, audit.by_county("task__county"), related=["task"])
        audit.register(Instruction, audit.by_county())
        # The site's defaults (no county) are theirs who work on every county; access.in_counties leaves them out.
        audit.register(ReminderPolicy, audit.by_county(), related=["county"])
        audit.register(WorkdayException, audit.by_county())
        audit.register(Notice, audit.by_county(), related=["recipient"])
        audit.register(ScorecardRules, audit.by_county(), related=["county"])
