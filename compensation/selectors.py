"""Reads a user can reach. Every one applies the user's scope through ``projects.selectors.user_scope``.

Unit staff see the projects their units run: as expropriating authority, as its office or as an implementing
department. Data managers and supervisors see all. Whoever sees a scheme may use its calculator.
"""

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404

from projects.selectors import change_history, user_scope

from .models import CompensationScheme, ExpropriationProject, Rule, SchemeVersion


def visible_projects(user):
    scope = user_scope(user)
    projects = ExpropriationProject.objects.all()
    if scope.everything:
        return projects
    ids = scope.organisation_ids
    department = ExpropriationProject.departments.through.objects.filter(
        expropriationproject=OuterRef("pk"), organisation_id__in=ids
    )
    return projects.filter(Q(authority_id__in=ids) | Q(office_id__in=ids) | Exists(department))


def visible_schemes(user):
    return CompensationScheme.objects.filter(project__in=visible_projects(user))


def visible_versions(user):
    return SchemeVersion.objects.filter(scheme__in=visible_schemes(user))


def scheme_list(user):
    """Visible schemes with their project and versions, newest version first, in three queries."""
    return (
        visible_schemes(user)
        .select_related("project")
        .prefetch_related(
            Prefetch("versions", queryset=SchemeVersion.objects.select_related("document").order_by("-number"))
        )
        .order_by("project__name", "name", "pk")
    )


def current_version(scheme):
    """The version in force, else the newest."""
    versions = scheme.versions.order_by("-number")
    return versions.filter(status=SchemeVersion.Status.IN_FORCE).first() or versions.first()


def scheme_for_view(user, pk):
    return get_object_or_404(visible_schemes(user).select_related("project"), pk=pk)


def version_for_view(user, pk):
    return get_object_or_404(
        visible_versions(user).select_related(
            "scheme__project__authority", "scheme__project__office", "document__issue", "previous"
        ),
        pk=pk,
    )


def version_rules(version):
    return version.rules.select_related("source_document").order_by("position", "pk")


def version_detail(user, pk):
    version = version_for_view(user, pk)
    rules = list(version_rules(version))
    return {
        "version": version,
        "scheme": version.scheme,
        "project": version.scheme.project,
        "departments": version.scheme.project.departments.all(),
        "versions": version.scheme.versions.select_related("document").order_by("number"),
        "rules": rules,
        "changed_codes": changed_codes(version, rules),
        "history": change_history(version.history.all(), Rule.history.filter(version_id=version.pk)),
    }


def changed_codes(version, rules):
    """Codes of the rules this version added or changed against the version it adjusts."""
    if version.previous_id is None:
        return set()
    before = {rule.code: rule.data() for rule in version.previous.rules.all()}
    return {rule.code for rule in rules if before.get(rule.code) != rule.data()}


def calculator_for(user, pk):
    """A visible version and the scheme the calculator reads from it, in two queries."""
    version = version_for_view(user, pk)
    return version, version.calculator_scheme(list(version.rules.order_by("position", "pk")))
