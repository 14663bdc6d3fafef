from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "groups"
    verbose_name = _("leading groups")
    # Unit staff keep the groups whose office their unit hosts, and those groups' rosters.
    unit_staff_rights = (
        "add_leadinggroup",
        "change_leadinggroup",
        "add_membership",
        "change_membership",
        "delete_membership",
    )

    def ready(self):
        from common.forms import keep_choices_of
        from gazette.selectors import register_linked_selector
        from org.selectors import register_section

        from .models import LeadingGroup, Membership
        from .selectors import organisation_memberships, person_memberships, visible_groups

        # A group is listed to the units on its roster: its memberships decide who sees it.
        keep_choices_of(LeadingGroup, Membership)
        register_linked_selector(LeadingGroup, visible_groups)
        register_section("person", "groups/_person_memberships.html", person_memberships)
        register_section("organisation", "groups/_organisation_memberships.html", organisation_memberships)

        from org import audit

        audit.register(LeadingGroup, audit.by_county())
        audit.register(Membership, audit.by_county("group__county"), related=["person", "organisation"])
