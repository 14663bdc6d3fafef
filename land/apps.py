from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_migrate
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# What unit staff may do with land records of their own unit, besides seeing them.
UNIT_STAFF_RIGHTS = ("add_parcel", "change_parcel", "add_landsupplyplan", "change_landsupplyplan")


def _grant_land_rights(sender, **kwargs):
    """Give the three role groups their rights on land records.

    projects sets up the groups (and resets their rights) after every migrate; this receiver is connected after
    projects' and so runs after it, adding land's rights without projects knowing land.
    """
    from django.contrib.auth.models import Group, Permission

    from projects import roles

    land = Permission.objects.filter(content_type__app_label="land")
    views = land.filter(codename__startswith="view_")
    grants = {
        roles.DATA_MANAGER: land,
        roles.SUPERVISOR: views,
        roles.UNIT_STAFF: views | land.filter(codename__in=UNIT_STAFF_RIGHTS),
    }
    for name, permissions in grants.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*permissions)


def _parcel_form_url(proposal):
    """The 新建宗地 page prefilled from the 批复; a parcel proposal's position is its index among the parcels there."""
    from django.urls import reverse

    query = f"?document={proposal.document_id}&parcel={proposal.position}&proposal={proposal.pk}"
    return reverse("land:parcel_create") + query


class LandConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "land"
    verbose_name = _("land supply")

    def ready(self):
        post_migrate.connect(_grant_land_rights, dispatch_uid="land_role_rights")

        from gazette.selectors import register_linked_selector

        from .models import LandSupplyPlan, Parcel
        from .selectors import visible_parcels, visible_plans

        register_linked_selector(Parcel, visible_parcels)
        register_linked_selector(LandSupplyPlan, visible_plans)

        from projects.proposals_registry import register_acceptor

        register_acceptor("parcel", _parcel_form_url)

    def load_demo(self):
        """The parcels the shared gazettes approve and one demo plan for 兴县; nothing when already there."""
        from . import demo

        with transaction.atomic():
            result = demo.load_demo()
        if not result:
            return None
        return gettext("Land demo: %(plans)s plan, %(parcels)s parcels (%(linked)s linked to their 批复).") % result
