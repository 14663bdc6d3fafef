"""Reads of organisations, people, posts and leaders' portfolios, each within the user's scope (``org.access``)."""

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from common.history import change_history

from . import access
from .models import LeaderPortfolio, Organisation, OrganisationAlias, Person, Post
from .names import county_variants, normalise_name

# Organisations


def organisation_tree(user):
    """The organisations of the user's counties as (organisation, depth) pairs in tree order, from one query."""
    return _tree_rows(access.visible_units(user), None)


def _tree_rows(organisations, root_id):
    """``organisations`` below ``root_id`` as (organisation, depth) pairs in tree order, in their own order."""
    children = {}
    for organisation in organisations:
        children.setdefault(organisation.parent_id, []).append(organisation)
    rows = []

    def walk(parent_id, depth):
        for organisation in children.get(parent_id, []):
            rows.append((organisation, depth))
            walk(organisation.pk, depth + 1)

    walk(root_id, 0)
    return rows


def organisation_detail(user, pk):
    organisation = get_object_or_404(access.visible_units(user).select_related("parent"), pk=pk)
    today = timezone.localdate()
    posts = organisation.posts.select_related("person")
    return {
        "organisation": organisation,
        "aliases": organisation.aliases.all(),
        "children": organisation.children.all(),
        "current_posts": posts.filter(Q(end__isnull=True) | Q(end__gte=today)),
        "past_posts": posts.filter(end__lt=today),
        "sections": sections("organisation", user, organisation),
        "supervising": current_portfolios(user).filter(supervised=organisation),
        "liaising": current_portfolios(user).filter(liaised=organisation),
        "history": change_history(
            organisation.history.all(), OrganisationAlias.history.filter(organisation_id=organisation.pk)
        ),
    }


def counties():
    return Organisation.objects.filter(kind=Organisation.Kind.COUNTY)


def county_named(name):
    """The county organisation a gazette's county name (兴县, 兴县人民政府) names, or None. County names are the one
    kind of name that means something across the site."""
    name = normalise_name(name or "")
    if not name:
        return None
    matches = (
        counties()
        .filter(Q(name=name) | Q(short_name=name) | Q(name=f"{name}人民政府") | Q(aliases__alias=name))
        .distinct()[:2]
    )
    return matches[0] if len(matches) == 1 else None


def county_unit_ids(county):
    """The county organisation and every unit below it."""
    return {county.pk} | access.descendant_ids({county.pk})


class OrganisationResolver:
    """Maps a name as written to one organisation of ``county``, or to None when unknown or ambiguous.

    Every county has a 县住建局: a name means nothing without its county, so without one (a gazette of a county the
    site does not know yet) nothing resolves. Loads the names once, so an importer can resolve thousands of names
    with one query. Callers keep the written text whenever this returns None.
    """

    def __init__(self, county):
        self.county = county
        organisations = Organisation.objects.none()
        if county is not None:
            organisations = Organisation.objects.filter(pk__in=county_unit_ids(county))
        self.county_short_name = normalise_name(county.short_name or county.name) if county else ""
        self.by_name = {}
        self.organisations = {}
        for organisation in organisations:
            self.organisations[organisation.pk] = organisation
            for written in (organisation.name, organisation.short_name):
                self._add(written, organisation.pk)
        aliases = OrganisationAlias.objects.filter(organisation_id__in=self.organisations).values_list(
            "alias", "organisation_id"
        )
        for alias, organisation_id in aliases:
            self._add(alias, organisation_id)

    def _add(self, written, organisation_id):
        key = normalise_name(written)
        if key:
            self.by_name.setdefault(key, set()).add(organisation_id)

    def __call__(self, written):
        name = normalise_name(written)
        if not name:
            return None
        matches = set()
        for variant in county_variants(name, self.county_short_name):
            matches |= self.by_name.get(variant, set())
        if len(matches) != 1:
            return None
        return self.organisations[matches.pop()]


def resolve_organisation(written, county):
    return OrganisationResolver(county)(written)


def county_of(organisation):
    node = organisation
    while node is not None and node.kind != Organisation.Kind.COUNTY:
        node = node.parent
    return node


# People and posts


def people_list(user):
    return (
        access.in_counties(user, Person.objects.all())
        .prefetch_related(
            Prefetch(
                "posts",
                queryset=Post.objects.filter(end__isnull=True).select_related("organisation"),
                to_attr="current_posts",
            )
        )
        .order_by("name", "pk")
    )


def person_detail(user, pk):
    person = get_object_or_404(access.in_counties(user, Person.objects.all()), pk=pk)
    posts = person.posts.select_related("organisation").order_by("-start", "pk")
    return {
        "person": person,
        "posts": posts,
        "sections": sections("person", user, person),
        "portfolio": current_portfolios(user)
        .filter(person=person)
        .prefetch_related("supervised", "liaised")
        .select_related("source_document")
        .first(),
        "history": change_history(
            person.history.all(), Post.history.filter(person_id=person.pk).select_related("person", "organisation")
        ),
        "show_contact": access.sees_everything(user)
        or any(access.allows(user, post.organisation_id) for post in posts)
        or person.user_id == user.pk,
    }


def holders_of(organisation, title, on=None):
    """Who holds ``title`` in ``organisation`` on a date (today by default)."""
    on = on or timezone.localdate()
    return Person.objects.filter(
        Q(posts__start__isnull=True) | Q(posts__start__lte=on),
        Q(posts__end__isnull=True) | Q(posts__end__gte=on),
        posts__organisation=organisation,
        posts__title=title,
    ).distinct()


# Leaders' portfolios


def visible_portfolios(user):
    """Unit staff see the portfolios that supervise or liaise with one of their units."""
    return access.visible(user, LeaderPortfolio.objects.all(), "supervised", "liaised", county="person__county")


def current_portfolios(user):
    return (
        visible_portfolios(user)
        .filter(is_current=True)
        .select_related("person", "source_document")
        .order_by("effective", "pk")
    )


# Sections other apps add to the person and organisation pages (groups: memberships), without org knowing them.

_sections = {"person": [], "organisation": []}


def register_section(page, template, selector):
    """``selector(user, obj)`` returns the context of ``template``, shown on the ``page`` of ``obj``."""
    _sections[page].append((template, selector))


def sections(page, user, obj):
    return [{"template": template, **selector(user, obj)} for template, selector in _sections[page]]


# Setting up counties: their data managers' pages


def managed_county(user, pk):
    """One of the counties the user manages (``access.managed_counties``), with its settings; 404 for another."""
    return get_object_or_404(access.managed_counties(user).select_related("profile"), pk=pk)


def managed_unit(county, pk):
    """A unit of ``county`` (not the county itself); 404 for another county's."""
    units = Organisation.objects.filter(pk__in=county_unit_ids(county) - {county.pk})
    return get_object_or_404(units.prefetch_related("aliases").select_related("reminder_contact"), pk=pk)


def county_list(user):
    """The counties the user manages, each with its 文号 prefixes and the numbers of its units and people."""
    found = list(
        access.managed_counties(user)
        .select_related("profile")
        .annotate(people_count=Count("county_people", distinct=True))
        .order_by("name")
    )
    for county in found:
        county.unit_count = len(county_unit_ids(county)) - 1
        profile = getattr(county, "profile", None)
        county.prefixes = profile.prefixes if profile else []
    return found


def county_units(county):
    """The units of ``county`` as (unit, depth) pairs in tree order, with their aliases and reminder contacts."""
    units = (
        Organisation.objects.filter(pk__in=county_unit_ids(county) - {county.pk})
        .select_related("parent", "reminder_contact")
        .prefetch_related("aliases")
    )
    return _tree_rows(units, county.pk)


def county_people(county):
    return Person.objects.filter(county=county).order_by("name", "pk")
