"""Every URL but login, language switch, health and the token-keyed calendar feed and reminder mute link sends an
anonymous visitor to login (static files are served outside the URL conf)."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

OPEN = {"login", "health", "set_language", "task_feed", "reminder_mute"}


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.name


def concrete(route):
    """Fill each converter in a route with a plausible value."""
    route = re.sub(r"<int:[^>]+>", "1", route)
    route = re.sub(r"<(?:str|slug|path):?[^>]*>", "x", route)
    route = re.sub(r"<[^>]+>", "1", route)
    route = route.replace("^", "").replace("$", "").replace("\\Z", "").replace("\\", "")
    return "/" + route


ROUTES = sorted({(concrete(route), name) for route, name in walk(get_resolver().url_patterns)})


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "name"), ROUTES)
def test_anonymous_visitor_is_sent_to_login(client, path, name):
    response = client.get(path)
    if name in OPEN:
        assert response.status_code in {200, 302, 404, 405}
        if response.status_code == 302:
            assert "/login/" not in response["Location"]
        return
    assert response.status_code == 302, path
    assert "/login/" in response["Location"] or "/admin/login/" in response["Location"], path


def test_walk_finds_the_ledger_pages():
    paths = {path for path, _ in ROUTES}
    assert "/groups/" in paths and "/groups/1/" in paths and "/gazette/documents/" in paths and "/admin/" in paths
