from django.apps import AppConfig
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def _rate_rule_url(proposal):
    """A pending rate is accepted as a draft rule on compensation's prefilled form; a reviewed one shows as reviewed."""
    from django.urls import reverse

    if proposal.status != "pending":
        return None
    return reverse("compensation:rate_proposal_rule", args=[proposal.pk])


class CompensationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "compensation"
    verbose_name = _("compensation")

    def ready(self):
        from gazette.selectors import register_linked_selector

        from .models import SchemeVersion
        from .selectors import visible_versions

        register_linked_selector(SchemeVersion, visible_versions)

        from projects.proposals_registry import register_acceptor

        register_acceptor("rate", _rate_rule_url)

    def load_demo(self):
        from .demo import load_demo, load_demo_households

        created, households = load_demo(), load_demo_households()
        lines = []
        if created:
            lines.append(gettext("Compensation: %(count)s real schemes loaded.") % {"count": created})
        if households:
            lines.append(
                gettext("Compensation: %(count)s invented households of the third phase.") % {"count": households}
            )
        return " ".join(lines) or None
