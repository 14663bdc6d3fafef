"""What a user may see, edit or create: the one place that decides it.

Data managers and supervisors see every record; data managers change every record. Unit staff see the records
one of their units (or a unit below one of them) has a part in, and change those their unit is responsible for
where their role grants the right. Every selector, form choice list, export, feed, e-mail and admin queryset asks
this module; no other module repeats these rules.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from django.db.models.constants import LOOKUP_SEP

from . import roles
from .models import Organisation, UnitAccess


@dataclass(frozen=True)
class Scope:
    """Which organisations' records a user may see: everything, or these ids."""

    everything: bool
    organisation_ids: frozenset = frozenset()

    def allows(self, organisation_id):
        return self.everything or organisation_id in self.organisation_ids


# Roles


def role_names(user):
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_ledger_roles", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._ledger_roles = cached
    return cached


def is_data_manager(user):
    return user.is_authenticated and (user.is_superuser or roles.DATA_MANAGER in role_names(user))


def is_supervisor(user):
    return roles.SUPERVISOR in role_names(user)


def supervises(user):
    """Data managers and supervisors: they enter supervised items (督办事项) and verify closings."""
    return is_data_manager(user) or is_supervisor(user)


# Scope


def scope_of(user):
    """The one scoping rule: data managers and supervisors see all; unit staff their units and sub-units."""
    cached = getattr(user, "_ledger_scope", None)
    if cached is not None:
        return cached
    if not user.is_authenticated:
        scope = Scope(everything=False)
    elif supervises(user):
        scope = Scope(everything=True)
    else:
        ids = set(UnitAccess.objects.filter(user=user).values_list("organisation_id", flat=True))
        ids |= descendant_ids(ids)
        scope = Scope(everything=False, organisation_ids=frozenset(ids))
    user._ledger_scope = scope
    return scope


def descendant_ids(ids):
    """Ids of every organisation below the given ones (not the given ones themselves)."""
    found, frontier = set(), set(ids)
    while frontier:
        frontier = set(Organisation.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - found
        found |= frontier
    return found


def sees_everything(user):
    return scope_of(user).everything


def allows(user, organisation_id):
    return scope_of(user).allows(organisation_id)


def visible(user, queryset, *paths):
    """``queryset`` cut to what the user may see: every row for those who see everything, else the rows where one
    of ``paths`` (lookups to an organisation, e.g. ``"office_host"`` or ``"assignments__organisation"``) names one
    of the user's units."""
    scope = scope_of(user)
    if scope.everything:
        return queryset
    return _held(queryset, paths, scope.organisation_ids)


def own(user, queryset, *paths):
    """The rows one of the user's own units holds through ``paths``; none for those who see everything without
    belonging to a unit (supervisors see a project's records, but do not run it)."""
    scope = scope_of(user)
    if scope.everything:
        return queryset.none()
    return _held(queryset, paths, scope.organisation_ids)


def _held(queryset, paths, ids):
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{path}__in": ids})
    if any(_spans_many(queryset.model, path) for path in paths):
        # A semi-join: a row is kept once however many of its related rows match.
        return queryset.filter(Exists(queryset.model._default_manager.filter(condition, pk=OuterRef("pk"))))
    return queryset.filter(condition)


def _spans_many(model, path):
    for name in path.split(LOOKUP_SEP):
        field = model._meta.get_field(name)
        if field.many_to_many or field.one_to_many:
            return True
        if field.related_model is None:
            return False
        model = field.related_model
    return False


# Changes


def can_create(user, permission):
    """Data managers create every kind of record; unit staff those their role grants, for one of their units."""
    if is_data_manager(user):
        return True
    return user.has_perm(permission) and bool(scope_of(user).organisation_ids)


def can_edit(user, unit_id, permission):
    """Data managers change every record; unit staff with the right change the records their unit holds."""
    if is_data_manager(user):
        return True
    if not user.has_perm(permission):
        return False
    scope = scope_of(user)
    return not scope.everything and unit_id is not None and scope.allows(unit_id)


def editable_units(user):
    """The organisations a user may name as the unit holding a record (a group's office, a parcel's unit)."""
    if is_data_manager(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=scope_of(user).organisation_ids)
