"""Reads of leading groups and rosters, within the user's scope (``org.access``): unit staff see the groups their
unit hosts the office of or has a member in."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from common.history import change_history
from org import access

from .models import LEADER_ROLES, LeadingGroup, Membership


def visible_groups(user):
    return access.visible(user, LeadingGroup.objects.all(), "office_host", "memberships__organisation")


def visible_memberships(user):
    return Membership.objects.filter(group__in=visible_groups(user))


def group_list(user):
    leader = (
        Membership.objects.filter(group=OuterRef("pk"), role__in=LEADER_ROLES)
        .order_by("position", "pk")
        .values(name=Coalesce("person__name", "title"))[:1]
    )
    return (
        visible_groups(user)
        .select_related("office_host", "source_document")
        .annotate(member_count=Count("memberships"), leader_name=Subquery(leader))
        .order_by("name", "pk")
    )


def group_for_view(user, pk):
    return get_object_or_404(
        visible_groups(user).select_related(
            "county", "office_host", "office_head", "source_document__issue", "superseded_by"
        ),
        pk=pk,
    )


def group_detail(user, pk):
    group = group_for_view(user, pk)
    roster = group.memberships.select_related("person", "organisation").in_roster_order()
    return {
        "group": group,
        "roster": roster,
        "history": group_history(group),
        "can_edit": can_edit_group(user, group),
    }


def group_history(group):
    """Changes to the group and its roster, newest first."""
    return change_history(
        group.history.all(),
        Membership.history.filter(group_id=group.pk).select_related("person"),
    )


def can_edit_group(user, group):
    """Data managers edit every group; unit staff with the right the groups their unit's office hosts."""
    return access.can_edit(user, group.office_host_id, "groups.change_leadinggroup")


def can_create_group(user):
    return access.can_create(user, "groups.add_leadinggroup")


def group_for_edit(user, pk):
    group = group_for_view(user, pk)
    if not can_edit_group(user, group):
        raise PermissionDenied
    return group


# What the person and organisation pages of org show of groups.


def person_memberships(user, person):
    return {
        "memberships": visible_memberships(user).filter(person=person).select_related("group").in_roster_order(),
    }


def organisation_memberships(user, organisation):
    return {
        "memberships": visible_memberships(user)
        .filter(organisation=organisation)
        .select_related("group", "person")
        .order_by("group__name", "pk"),
        "hosted_groups": visible_groups(user).filter(office_host=organisation),
    }
