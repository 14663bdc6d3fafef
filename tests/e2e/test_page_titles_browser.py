"""The browser tab of every detail page shows plain text: a person, an organisation (each with sections other apps
register and a history of changes) and every other record's page, to each role that may open them."""

import pytest
from django.urls import reverse

from org import services as org_services
from tests import test_ownership
from tests.e2e.helpers import log_in
from tests.test_ownership import DATA_MANAGER, OTHER_UNIT, OWNING_UNIT, ROUTES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

records = test_ownership.records  # the records every route names, as the ownership tests build them

DETAIL_PAGES = sorted(name for name, route in ROUTES.items() if name.endswith("_detail") and route.method == "get")


def tab_titles(page, records, user, names):
    """Each page's tab title, signed in as ``user``."""
    page.goto("/login/")
    log_in(page, user.username)
    page.wait_for_url("**/")
    titles = {}
    for name in names:
        page.goto(reverse(name, kwargs=ROUTES[name].kwargs(records)))
        titles[name] = page.title()
    return titles


def test_every_detail_page_has_a_plain_text_tab_title(page, records):
    # A change on each, so that the history section has rows to render.
    org_services.set_reminder_contact(records.unit_a, name="甲局联络员", email="contact@county.example")
    assert "org:person_detail" in DETAIL_PAGES and "org:organisation_detail" in DETAIL_PAGES
    titles = tab_titles(page, records, records.users[DATA_MANAGER], DETAIL_PAGES)
    assert titles["org:person_detail"] == "甲局长 · 县政台账"
    assert titles["org:organisation_detail"] == "兴县甲局 · 县政台账"
    assert {name: title for name, title in titles.items() if "<" in title or not title.endswith(" · 县政台账")} == {}


@pytest.mark.parametrize("role", [OWNING_UNIT, OTHER_UNIT])
def test_unit_staff_see_plain_tab_titles_on_people_and_organisations(page, records, role):
    titles = tab_titles(page, records, records.users[role], ["org:person_detail", "org:organisation_detail"])
    assert titles == {"org:person_detail": "甲局长 · 县政台账", "org:organisation_detail": "兴县甲局 · 县政台账"}
