from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _parcel_form_url(proposal):
    """The 新建宗地 page prefilled from the 批复; a parcel proposal's position is its index among the parcels there."""
    from django.urls import reverse

    query = f"?document={proposal.document_id}&parcel={proposal.position}&proposal={proposal.pk}"
    return reverse("land:parcel_create") + query


def _plan_form_url(proposal):
    """The 新建供应计划 page prefilled from a pending plan proposal; a reviewed one shows as reviewed."""
    from django.urls import reverse

    if proposal.status != "pending":
        return None
    return reverse("land:plan_create") + f"?proposal={proposal.pk}"


class LandConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "land"
    verbose_name = _("land supply")
    # What unit staff may do with land records of their own unit, besides seeing them (org.roles reads it). Plans
    # are county-wide records, their data managers' (org.access.manages_county).
    unit_staff_rights = ("add_parcel", "change_parcel")

    def ready(self):
        from gazette.selectors import register_linked_selector
        from intake.registry import register_acceptor

        from .models import LandSupplyPlan, Parcel
        from .selectors import visible_parcels, visible_plans

        register_linked_selector(Parcel, visible_parcels)
        register_linked_selector(LandSupplyPlan, visible_plans)
        register_acceptor("parcel", _parcel_form_url)
        register_acceptor("plan", _plan_form_url)

        from org import audit

        from .models import PlanAllocation

        audit.register(LandSupplyPlan, audit.by_county(), related=["county"])
        audit.register(PlanAllocation, audit.by_county("plan__county"))
        audit.register(Parcel, audit.by_county())
