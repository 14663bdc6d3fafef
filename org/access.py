"""What a user may see, edit or create: the one place that decides it.

The county is the tenant. Data managers and supervisors work on the counties they are given (CountyAccess), or on
every county where their account may (a prefecture or province office: org.see_all_counties, and superusers);
within those counties supervisors see every record and data managers change every record. Unit staff see the
records one of their units (or a unit below one of them) has a part in, and change those their unit is responsible
for where their role grants the right. Every selector, form choice list, export, feed, e-mail and admin queryset
asks this module; no other module repeats these rules.
"""

from functools import cached_property

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.db.models.constants import LOOKUP_SEP

from . import roles
from .models import CountyAccess, Organisation, UnitAccess


class Scope:
    """Which records a user may see: every county's; or whole counties (``county_ids``, with all their units in
    ``organisation_ids``); or the records of some units (``organisation_ids``, unit staff, ``by_unit``), whose
    counties are found when first asked for."""

    def __init__(self, everything, organisation_ids=frozenset(), county_ids=None, by_unit=True):
        self.everything, self.organisation_ids, self.by_unit = everything, organisation_ids, by_unit
        if county_ids is not None:
            # Whole counties: their units are the organisations seen.
            self.county_ids, self.county_unit_ids = county_ids, organisation_ids

    @cached_property
    def county_ids(self):
        return self._county_tree[0]

    @cached_property
    def county_unit_ids(self):
        """Every unit of the user's counties, the counties too: walked once a request however often asked."""
        return self._county_tree[1]

    @cached_property
    def _county_tree(self):
        return counties_and_units(self.organisation_ids)

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


def is_unit_staff(user):
    return roles.UNIT_STAFF in role_names(user)


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
    elif supervises(user) and (user.is_superuser or user.has_perm("org.see_all_counties")):
        scope = Scope(everything=True, by_unit=False)
    elif supervises(user):
        counties = set(CountyAccess.objects.filter(user=user).values_list("county_id", flat=True))
        units = counties | descendant_ids(counties)
        scope = Scope(False, frozenset(units), frozenset(counties), by_unit=False)
    else:
        # Unit staff work in their units' counties, and see there only their units' records (and their sub-units').
        scope = Scope(False, frozenset(_units_and_below(user)), by_unit=True)
    user._ledger_scope = scope
    return scope


def counties_of(ids):
    """The counties (tree roots) of the given units, in one query however deep the tree."""
    return _walk(_listed(ids), step="o.id = w.parent_id", keep="parent_id IS NULL")


def descendant_ids(ids):
    """Ids of every organisation below the given ones (not the given ones themselves), in one query however deep
    the tree: every page's scope asks for them, and a query per level cost a township's staff five a page."""
    return _walk(_listed(ids), step="o.parent_id = w.id", keep="seed = 0")


def _units_and_below(user):
    """The units the user is given (UnitAccess) and every organisation below them, in one query."""
    table = connection.ops.quote_name(UnitAccess._meta.db_table)
    return _walk((f"SELECT organisation_id FROM {table} WHERE user_id = %s", [user.pk]), step="o.parent_id = w.id")


def counties_and_units(ids):
    """The counties of the given units and every organisation of those counties, the counties too, in one query:
    up the tree to the roots, then down again."""
    if not ids:
        return frozenset(), frozenset()
    table = connection.ops.quote_name(Organisation._meta.db_table)
    seeds, params = _listed(ids)
    sql = (
        "WITH RECURSIVE "  # noqa: S608 - names from the models, values as parameters
        f"up(id, parent_id) AS (SELECT id, parent_id FROM {table} WHERE id IN ({seeds}) "
        f"UNION SELECT o.id, o.parent_id FROM {table} o JOIN up u ON o.id = u.parent_id), "
        "down(id, root) AS (SELECT id, 1 FROM up WHERE parent_id IS NULL "
        f"UNION SELECT o.id, 0 FROM {table} o JOIN down d ON o.parent_id = d.id) "
        "SELECT DISTINCT id, root FROM down"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return frozenset(pk for pk, root in rows if root), frozenset(pk for pk, _root in rows)


def _listed(ids):
    """Seeds for ``_walk``: placeholders for the ids, and the ids."""
    ids = list(ids)
    return ", ".join(["%s"] * len(ids)), ids


def _walk(seeds, step, keep="1 = 1"):
    """The organisations reached from the seeds (``seeds``: SQL giving ids, and its parameters) by repeating
    ``step`` (a join of the next row ``o`` to a reached row ``w``), those among them that ``keep`` holds for (``seed``
    tells the seeds). UNION, not UNION ALL, ends a loop in the tree, which org.services refuses to make but an edit in
    the database could. SQLite and PostgreSQL both know WITH RECURSIVE."""
    seed_sql, params = seeds
    if not seed_sql:
        return set()
    table = connection.ops.quote_name(Organisation._meta.db_table)
    sql = (
        f"WITH RECURSIVE walk(id, parent_id, seed) AS ("  # noqa: S608 - names from the models, values as parameters
        f"SELECT id, parent_id, 1 FROM {table} WHERE id IN ({seed_sql}) "
        f"UNION SELECT o.id, o.parent_id, 0 FROM {table} o JOIN walk w ON {step}"
        f") SELECT DISTINCT id FROM walk WHERE {keep}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {pk for (pk,) in cursor.fetchall()}


def sees_everything(user):
    """Sees every record of every county (a prefecture or province office)."""
    return scope_of(user).everything


def sees_counties(user):
    """Sees every record of the counties they work in: data managers and supervisors, not unit staff."""
    return not scope_of(user).by_unit


def works_in(user, county):
    """Whether ``county`` is one of the user's counties."""
    scope = scope_of(user)
    return county is not None and (scope.everything or county.pk in scope.county_ids)


def allows(user, organisation_id):
    return scope_of(user).allows(organisation_id)


def visible(user, queryset, *paths, county="county"):
    """``queryset`` cut to what the user may see: every row for those who see every county; the rows of their
    counties (``county``: the lookup to a row's county) for those who work on whole counties; else the rows where
    one of ``paths`` (lookups to an organisation, e.g. ``"office_host"`` or ``"assignments__organisation"``) names
    one of the user's units."""
    scope = scope_of(user)
    if scope.everything:
        return queryset
    if not scope.by_unit:
        return _semi_join(queryset, Q(**{f"{county}__in": scope.county_ids}), [county])
    return _held(queryset, paths, scope.organisation_ids)


def in_counties(user, queryset, county="county"):
    """The rows of the counties the user works in (``county``: the lookup to a row's county), for what a county
    shares with all its staff: its directory of people, its gazettes."""
    scope = scope_of(user)
    if scope.everything:
        return queryset
    return queryset.filter(**{f"{county}__in": scope.county_ids})


def in_county_units(user, queryset, unit="organisation"):
    """The rows held by a unit of the counties the user works in (``unit``: the lookup to the unit)."""
    if scope_of(user).everything:
        return queryset
    return queryset.filter(**{f"{unit}__in": visible_units(user).values("pk")})


def in_named_counties(user, queryset, name):
    """The rows of the user's counties where a row names its county by name (``name``: the lookup to the name), as
    gazettes do."""
    names = county_names(user)
    return queryset if names is None else queryset.filter(**{f"{name}__in": names})


def site_wide(user, queryset):
    """Rows of no county (the site's roles, its default settings): theirs only who work on every county."""
    return queryset if scope_of(user).everything else queryset.none()


def county_users(user):
    """The accounts that work in the user's counties: linked to one of them, or to a unit of one."""
    accounts = get_user_model().objects.all()
    if scope_of(user).everything:
        return accounts
    county_ids = scope_of(user).county_ids
    return accounts.filter(
        Q(Exists(CountyAccess.objects.filter(user=OuterRef("pk"), county_id__in=county_ids)))
        | Q(Exists(UnitAccess.objects.filter(user=OuterRef("pk"), organisation__in=visible_units(user))))
    )


def can_audit(user):
    """Data managers list what the accounts of their counties did (org.audit)."""
    return is_data_manager(user) and (sees_everything(user) or bool(scope_of(user).county_ids))


def visible_units(user):
    """The organisations of the counties a user works in: a county's units are its directory, open to its staff."""
    scope = scope_of(user)
    units = Organisation.objects.all()
    if scope.everything:
        return units
    return units.filter(pk__in=scope.county_unit_ids)


def visible_unit_count(user):
    """How many organisations ``visible_units`` holds, without a query once the user's scope is known; None for
    those who see every county's."""
    scope = scope_of(user)
    return None if scope.everything else len(scope.county_unit_ids)


def counties(user):
    """The counties a user works in."""
    scope = scope_of(user)
    found = Organisation.objects.filter(kind=Organisation.Kind.COUNTY, parent__isnull=True)
    return found if scope.everything else found.filter(pk__in=scope.county_ids)


def county_names(user):
    """The short names of the user's counties, as gazettes write them; None for every county."""
    if scope_of(user).everything:
        return None
    return {county.short_name or county.name for county in counties(user)}


def own(user, queryset, *paths):
    """The rows one of the user's own units holds through ``paths``; none for those who see everything without
    belonging to a unit (supervisors see a project's records, but do not run it)."""
    scope = scope_of(user)
    if not scope.by_unit:
        return queryset.none()
    return _held(queryset, paths, scope.organisation_ids)


def holds_any(user, organisation_ids):
    """Whether one of ``organisation_ids`` is one of the user's own units, as ``own`` counts them: for rows already
    fetched, without asking the database again."""
    scope = scope_of(user)
    return scope.by_unit and any(pk in scope.organisation_ids for pk in organisation_ids)


def own_unit_ids(user):
    """The units a user belongs to (unit access) and those below them, whatever else the user may see: the units whose
    work a unit staff member's home page and "my units" filter show, also for one who supervises as well."""
    scope = scope_of(user)
    if scope.by_unit:
        return scope.organisation_ids
    cached = getattr(user, "_ledger_own_units", None)
    if cached is None:
        cached = frozenset(_units_and_below(user)) if user.is_authenticated else frozenset()
        user._ledger_own_units = cached
    return cached


def _held(queryset, paths, ids):
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{path}__in": ids})
    return _semi_join(queryset, condition, paths)


def _semi_join(queryset, condition, paths):
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
        return sees_everything(user) or bool(scope_of(user).county_ids)
    return user.has_perm(permission) and bool(scope_of(user).organisation_ids)


def can_edit(user, unit_id, permission):
    """Data managers change every record they may see; unit staff with the right the records their unit holds."""
    if is_data_manager(user):
        return True
    if not user.has_perm(permission):
        return False
    scope = scope_of(user)
    return scope.by_unit and unit_id is not None and scope.allows(unit_id)


def editable_units(user):
    """The organisations a user may name as the unit holding a record (a group's office, a parcel's unit)."""
    if is_data_manager(user):
        return visible_units(user)
    return Organisation.objects.filter(pk__in=scope_of(user).organisation_ids)


def nameable_units(user, keep=None):
    """The organisations a user may name in a field that lets the named unit see the record (a roster line's unit,
    a parcel's township): those the user may act for, so that unit staff cannot hand their records to another unit.
    ``keep``: the unit the field names already (put there by a data manager), which may stay."""
    units = editable_units(user)
    if keep is None or is_data_manager(user):
        return units
    return Organisation.objects.filter(Q(pk__in=units.values("pk")) | Q(pk=keep))


# Counties


def managed_counties(user):
    """The counties whose units, contacts and settings a user may change: a data manager's counties."""
    return counties(user) if is_data_manager(user) else Organisation.objects.none()


def manages_county(user, county_id):
    """Whether the user is a data manager of the county: county-wide records (a land-supply plan, whose figures
    sum every parcel of its county and year) are theirs to create and change."""
    return is_data_manager(user) and (sees_everything(user) or county_id in scope_of(user).county_ids)


def can_create_county(user):
    """Only data managers of every county (a prefecture or province office) add a county to the site."""
    return is_data_manager(user) and sees_everything(user)


def supervisors_of(county_ids):
    """The supervisors an escalation (通报) of a county's task goes to, by county: {county id: [(e-mail, name)]}.
    Those of the county and those who supervise every county; never a supervisor of another county only."""
    see_all = Permission.objects.filter(codename="see_all_counties", content_type__app_label="org")
    supervisors = (
        get_user_model()
        .objects.filter(groups__name=roles.SUPERVISOR, is_active=True)
        .exclude(email="")
        .alias(everywhere=Exists(see_all.filter(Q(user=OuterRef("pk")) | Q(group__user=OuterRef("pk")))))
    )
    everywhere = list(supervisors.filter(Q(everywhere=True) | Q(is_superuser=True)).order_by("pk"))
    found = {county: list(everywhere) for county in county_ids}
    rows = (
        CountyAccess.objects.filter(county_id__in=county_ids, user__in=supervisors)
        .exclude(user__in=everywhere)
        .select_related("user")
        .order_by("user_id")
    )
    for row in rows:
        found[row.county_id].append(row.user)
    return {
        county: [(user.email.strip().lower(), user.get_full_name() or user.get_username()) for user in users]
        for county, users in found.items()
    }


# Accounts


def accounts(user):
    """The accounts of the user's counties: those given one of them (county access) or a unit in one (unit access).
    Every account for those who see every county."""
    scope = scope_of(user)
    found = get_user_model().objects.all()
    if scope.everything:
        return found
    return found.filter(
        Exists(CountyAccess.objects.filter(user=OuterRef("pk"), county_id__in=scope.county_ids))
        | Exists(UnitAccess.objects.filter(user=OuterRef("pk"), organisation_id__in=scope.county_unit_ids))
    )


def of_accounts(user, queryset, username="username"):
    """``queryset`` cut to the rows naming (``username``: the lookup to a user name) an account of the user's
    counties; for those who see every county, every row, also names no account has (someone guessing them)."""
    if sees_everything(user):
        return queryset
    return queryset.filter(**{f"{username}__in": accounts(user).values("username")})
