"""The shape docs/architecture.md draws: which app may import which, pure modules free of Django, and one module
deciding scope."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Lowest first: an app may import the apps before it in this list, never those after it.
LAYERS = [
    "common",
    "gazette",
    "org",
    "accounts",
    "groups",
    "projects",
    "intake",
    "land",
    "compensation",
    "rollup",
    "demo",
    "config",
]

# Plain Python over plain data: no Django, no app above the pure package itself.
PURE = [
    "gazette/parsing",
    "gazette/extraction",
    "projects/deadlines.py",
    "projects/workdays.py",
    "projects/lights.py",
    "projects/scorecard.py",
    "projects/reminders/rules.py",
    "compensation/calculator.py",
    "land/units.py",
]


def python_files(*parts):
    for part in parts:
        path = ROOT / part
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path]


def imported_modules(path):
    """Top-level names of the modules a file imports, wherever in the file (functions included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def app_of(module):
    top = module.split(".")[0]
    return top if top in LAYERS else None


@pytest.mark.parametrize("app", LAYERS)
def test_an_app_imports_only_the_apps_below_it(app):
    below = set(LAYERS[: LAYERS.index(app) + 1])
    upward = {
        (str(path.relative_to(ROOT)), module)
        for path in python_files(app)
        if "migrations" not in path.parts
        for module in imported_modules(path)
        if app_of(module) and app_of(module) not in below
    }
    assert not upward


@pytest.mark.parametrize("part", PURE)
def test_pure_modules_import_no_django_and_no_app(part):
    own_package = part.split("/")[0]
    found = {
        (str(path.relative_to(ROOT)), module)
        for path in python_files(part)
        for module in imported_modules(path)
        if module.split(".")[0] in {"django", "celery", *LAYERS} - {own_package}
    }
    assert not found


def test_the_pure_packages_do_not_reach_the_database_through_their_own_app():
    """A pure module may import its own package only where that is pure too (gazette.parsing from extraction)."""
    pure_modules = {part.removesuffix(".py").replace("/", ".") for part in PURE}
    for path in python_files(*PURE):
        for module in imported_modules(path):
            if module.split(".")[0] in LAYERS:
                assert any(module == pure or module.startswith(pure + ".") for pure in pure_modules), (path, module)


def test_scope_is_decided_in_org_access_only():
    """The user's units and whether they see everything are read nowhere but in org/access.py."""
    reads = (".organisation_ids", ".everything", "UnitAccess.objects.filter", "_ledger_scope")
    readers = {
        str(path.relative_to(ROOT))
        for app in LAYERS
        for path in python_files(app)
        if any(read in path.read_text(encoding="utf-8") for read in reads)
    }
    assert readers == {"org/access.py"}


def test_common_knows_no_app_and_no_configuration():
    found = {
        module for path in python_files("common") for module in imported_modules(path) if module.split(".")[0] in LAYERS
    }
    assert found <= {"common"} | {module for module in found if module.startswith("common.")}
