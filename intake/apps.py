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
        from projects.selectors import register_home_block

        from .selectors import pending_by_issue

        # Reviewers' home page lists the issues whose proposals await them; projects does not know this app.
        register_home_block("intake/_home_reviews.html", pending_by_issue)

        # What an import reads in the issue becomes proposals for review; gazette does not know this app.
        issue_imported.connect(_propose, dispatch_uid="intake_propose")

        from org import audit

        from .models import Proposal

        audit.register(Proposal, audit.by_county_name("document__issue__gazette__county"))
