"""Every page carries the security headers, and none carries what the Content-Security-Policy would refuse.

The policy allows scripts and styles only from the site's own files, so a page that still had an inline <script>, an
on…= handler, a javascript: link or a style= attribute would silently lose that behaviour or look in the browser.
The walk asks every route of the site (``tests/test_ownership.py``'s map, by a user who gets the page), the Django
admin's pages for every registered model (django-celery-beat's and django-simple-history's included) and the error
pages. A ``<script type="application/json">`` is a data block (Django's ``json_script``): the browser does not run
it, and the charts read their figures from one.
"""

from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.helpers import response_bytes
from tests.org.factories import UserFactory
from tests.test_ownership import DATA_MANAGER, OWNING_UNIT, ROUTES, records  # noqa: F401 (records: a fixture)

pytestmark = pytest.mark.django_db

DENIED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb")


class InlineCode(HTMLParser):
    """What in a page the policy refuses: inline scripts, handlers, javascript: URLs, style attributes."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes and attributes.get("type") != "application/json":
            self.found.append(f"inline <script> at line {self.getpos()[0]}")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in {"href", "src", "action", "formaction"} and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}={value!r}>")


def inline_code(html):
    parser = InlineCode()
    parser.feed(html)
    return parser.found


def assert_headers(response, url):
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'", url
    assert directives["style-src"] == "'self'", url
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'", url
    assert "unsafe" not in policy, url
    assert response["Referrer-Policy"] == "same-origin", url
    permissions = response["Permissions-Policy"]
    for feature in DENIED_FEATURES:
        assert f"{feature}=()" in permissions, (url, feature)


def check_page(response, url):
    """The headers on any answer, and nothing inline in any HTML. True when it was a page (HTML, 200)."""
    assert_headers(response, url)
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    found = inline_code(response_bytes(response).decode())
    assert not found, (url, found)
    return response.status_code == 200


def test_the_check_finds_inline_scripts_handlers_and_styles():
    page = """<script>alert(1)</script><script type="application/json">{}</script><script src="/a.js"></script>
    <button onclick="go()">x</button><a href=" javascript:go()">y</a><p style="color:red">z</p>"""
    assert len(inline_code(page)) == 4


def test_every_page_of_the_site_has_the_headers_and_nothing_inline(client, records):  # noqa: F811
    html_pages = 0
    for name, route in ROUTES.items():
        user = DATA_MANAGER if route.data_manager is not None else OWNING_UNIT
        if route.expected(user) != 200:
            user = OWNING_UNIT
        client.force_login(records.users[user])
        url = reverse(name, kwargs=route.kwargs(records))
        response = getattr(client, route.method)(url, route.data)
        html_pages += check_page(response, url)
    client.logout()
    for url in (reverse("login"), reverse("projects:reminder_mute", args=[records.mute_token])):
        html_pages += check_page(client.get(url), url)
    # Most routes answer a page; a walk that checked few would prove little.
    assert html_pages >= 60, html_pages


def test_every_admin_page_has_the_headers_and_nothing_inline(client, records):  # noqa: F811
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    urls = [reverse("admin:index"), reverse("admin:password_change")]
    for model in admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        urls += [reverse("admin:{}_{}_changelist".format(*info)), reverse("admin:{}_{}_add".format(*info))]
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            urls += [
                reverse("admin:{}_{}_change".format(*info), args=[first.pk]),
                reverse("admin:{}_{}_history".format(*info), args=[first.pk]),
            ]
    answers = {url: client.get(url) for url in urls}
    # Some models are read-only in the admin (no add page): 403 there, and a page everywhere else.
    refused = [url for url, response in answers.items() if response.status_code == 403]
    assert all(url.endswith("/add/") for url in refused), refused
    assert sum(check_page(response, url) for url, response in answers.items()) == len(urls) - len(refused)
    # The beat schedule's form is one of them: its own template had an inline script.
    assert any("django_celery_beat/periodictask/" in url and url.endswith("/change/") for url in urls)


def test_error_pages_have_the_headers_and_nothing_inline(client, records):  # noqa: F811
    answers = {
        404: client.get("/no-such-page/"),
        400: client.get("/login/", HTTP_HOST="not-an-allowed-host.example"),
    }
    client.force_login(records.users[OWNING_UNIT])
    answers[403] = client.get(reverse("rollup:rollup"))
    for status, response in answers.items():
        assert response.status_code == status
        assert response["Content-Type"].startswith("text/html")
        check_page(response, status)
