"""Roster and task-unit forms take as many rows as the document prints ("Add a row"), and their person and unit
drop-downs, hundreds of names long in a county, narrow to a name after two typed characters."""

import pytest
from playwright.sync_api import expect

from groups.models import LeadingGroup
from projects.models import Task
from tests.e2e.helpers import log_in
from tests.org.factories import HomeCountyFactory, OrganisationFactory, PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MEMBERS = ["梁文壮", "马兴勇", "贾广田", "白云峰", "郝建军"]
UNITS = ["兴县发展和改革局", "兴县教育局", "兴县公安局", "兴县民政局", "兴县司法局"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭罗"
FILLERS = 60  # names besides the ones chosen, sharing characters with them


@pytest.fixture(autouse=True)
def patient(page):
    # The shared test machine renders these long drop-downs slowly; patience here asserts nothing about speed.
    page.set_default_timeout(30_000)


@pytest.fixture
def people(db):
    county = HomeCountyFactory()
    for index in range(FILLERS):
        PersonFactory(county=county, name=f"{SURNAMES[index % 19]}{'明华国建志'[index % 5]}{index}")
    return {name: PersonFactory(county=county, name=name) for name in MEMBERS}


@pytest.fixture
def units(db):
    county = HomeCountyFactory()
    for index in range(FILLERS):
        OrganisationFactory(parent=county, name=f"兴县{SURNAMES[index % 19]}家{index}村委会", kind="village")
    return {name: OrganisationFactory(parent=county, name=name) for name in UNITS}


def choose(page, select_name, typed, name):
    """Type into a searchable drop-down and pick ``name`` from what it narrows to; returns the options offered."""
    wrapper = page.locator(f"select[name='{select_name}'] + .ts-wrapper")
    wrapper.locator("input").press_sequentially(typed)
    dropdown = page.locator(f"#id_{select_name}-ts-dropdown")
    # The whole list opens on the click; wait until the typed characters have narrowed it.
    expect(dropdown.locator(".option", has_text=name)).to_be_visible()
    expect(dropdown.locator(".option").filter(has_not_text=typed)).to_have_count(0)
    offered = dropdown.locator(".option").all_inner_texts()
    dropdown.locator(".option", has_text=name).click()
    expect(dropdown).to_be_hidden()
    return offered


def add_rows(page, prefix, wanted):
    shown = page.locator(f"select[name^={prefix}-][name$=-role]").count()
    assert shown < wanted
    for _ in range(wanted - shown):
        page.click(f"[data-formset={prefix}] button[data-formset-add]")
    assert page.locator(f"select[name^={prefix}-][name$=-role]").count() == wanted


def test_a_roster_of_five_is_entered_with_added_rows_and_searched_names(page, shoot, data_manager, people):
    page.goto("/groups/new/")
    log_in(page, data_manager.username)
    page.wait_for_url("**/groups/new/")
    page.fill("input[name=name]", "兴县河湖长制工作领导小组")
    add_rows(page, "roster", len(MEMBERS))
    for index, name in enumerate(MEMBERS):
        page.select_option(f"select[name=roster-{index}-role]", "leader" if index == 0 else "member")
        offered = choose(page, f"roster-{index}-person", name[:2], name)
        assert offered == [name]  # two characters narrow the county's people to one
    shoot("roster")
    page.click("form.editform button[type=submit]")
    page.wait_for_selector("text=已保存")
    group = LeadingGroup.objects.get()
    assert [m.person.name for m in group.memberships.in_roster_order()] == MEMBERS


def test_a_task_with_five_units_is_entered_with_added_rows_and_searched_units(page, shoot, supervisor, units):
    page.goto("/tasks/new/")
    log_in(page, supervisor.username)
    page.wait_for_url("**/tasks/new/")
    page.fill("textarea[name=title]", "推进县城老旧小区改造")
    page.select_option("select[name=category]", "supervision")
    page.fill("input[name=deadline_text]", "2099年6月底前")
    add_rows(page, "units", len(UNITS))
    for index, name in enumerate(UNITS):
        page.select_option(f"select[name=units-{index}-role]", "lead" if index == 0 else "supporting")
        offered = choose(page, f"units-{index}-organisation", name[2:4], name)
        assert offered == [name]
    page.click("form.editform button[type=submit]")
    page.wait_for_selector("text=已保存")
    task = Task.objects.get()
    assert [a.organisation.name for a in task.assignments.all()] == UNITS


def test_a_unit_drop_down_is_usable_on_a_phone(page, shoot, supervisor, units):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/tasks/new/")
    log_in(page, supervisor.username)
    page.wait_for_url("**/tasks/new/")
    control = page.locator("select[name='units-0-organisation'] + .ts-wrapper .ts-control")
    control.scroll_into_view_if_needed()
    control.click()
    page.locator("select[name='units-0-organisation'] + .ts-wrapper input").press_sequentially("兴县")
    dropdown = page.locator(".ts-dropdown:visible")
    dropdown.locator(".option").first.wait_for()
    box = dropdown.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    shoot("phone")
    offered = choose(page, "units-0-organisation", "公安", "兴县公安局")
    assert offered == ["兴县公安局"]
    assert page.locator("select[name='units-0-organisation']").input_value() == str(units["兴县公安局"].pk)
