from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _propose(sender, issue, **kwargs):
    from .services import propose_for_issue

    propose_for_issue(issue)


class IntakeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "intake"
    verbose_name = _("proposals from gazettes")
    unit_staff_rights = ()

    def ready(self):
        from gazette.signals import issue_imported

        # What an import reads in the issue becomes proposals for review; gazette does not know this app.
        issue_imported.connect(_propose, dispatch_uid="intake_propose")
