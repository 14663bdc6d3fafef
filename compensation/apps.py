from django.apps import AppConfig
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
    unit_staff_rights = ()

    def ready(self):
        from gazette.selectors import register_linked_selector

        from .models import SchemeVersion
        from .selectors import visible_versions

        register_linked_selector(SchemeVersion, visible_versions)

        from intake.registry import register_acceptor

        register_acceptor("rate", _rate_rule_url)

        from org import audit

        from .models import (
            CompensationScheme,
            ExpropriationProject,
            Household,
            HouseholdPayment,
            Rule,
            SchemeDeadline,
        )

        audit.register(ExpropriationProject, audit.by_county())
        audit.register(CompensationScheme, audit.by_county("project__county"))
        audit.register(SchemeVersion, audit.by_county("scheme__project__county"), related=["scheme"])
        audit.register(Rule, audit.by_county("version__scheme__project__county"))
        audit.register(Household, audit.by_county("project__county"))
        audit.register(HouseholdPayment, audit.by_county("household__project__county"), related=["household"])
        audit.register(SchemeDeadline, audit.by_county("version__scheme__project__county"))
