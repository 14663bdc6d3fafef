"""Roster, task-unit and plan forms take as many rows as the page adds (up to a checked maximum) and write all of them
or none; person and unit drop-downs are marked searchable and still list only what the user may choose."""

import pytest

from groups.forms import RosterFormSet
from groups.models import LeadingGroup, Membership, Role
from land.models import LandSupplyPlan
from projects.models import Task
from tests.groups.factories import LeadingGroupFactory, MembershipFactory
from tests.org.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

NOBODY = 999_999  # no person or unit has this key


def group_data(rows, **fields):
    data = {
        "name": "兴县河湖长制工作领导小组",
        "kind": "leading_group",
        "status": "active",
        "roster-TOTAL_FORMS": str(len(rows)),
        "roster-INITIAL_FORMS": "0",
        **fields,
    }
    for index, row in enumerate(rows):
        data.update({f"roster-{index}-{name}": value for name, value in row.items()})
    return data


def member(person, role=Role.MEMBER):
    return {"role": role, "member_type": "person", "person": person}


def task_data(rows):
    data = {
        "title": "推进县城老旧小区改造",
        "category": Task.Category.SUPERVISION,
        "deadline_text": "12月底前",
        "units-TOTAL_FORMS": str(len(rows)),
        "units-INITIAL_FORMS": "0",
    }
    for index, row in enumerate(rows):
        data.update({f"units-{index}-{name}": value for name, value in row.items()})
    return data


def test_a_new_roster_takes_more_rows_than_the_form_first_shows(login, data_manager, county):
    people = [PersonFactory(name=f"成员{index}") for index in range(6)]
    response = login(data_manager).post("/groups/new/", group_data([member(p.pk) for p in people]))
    assert response.status_code == 302
    group = LeadingGroup.objects.get()
    assert [m.person for m in group.memberships.in_roster_order()] == people


def test_a_roster_with_one_bad_row_writes_nothing(login, data_manager, finance):
    group = LeadingGroupFactory(name="旧名称", office_host=finance)
    kept = MembershipFactory(group=group, role=Role.LEADER, person=PersonFactory(name="梁文壮"))
    people = [PersonFactory().pk for _ in range(4)]
    rows = [member(pk) for pk in people] + [member(NOBODY)]
    response = login(data_manager).post(
        f"/groups/{group.pk}/edit/", group_data(rows, name="新名称", office_host=finance.pk)
    )
    assert response.status_code == 200 and response.context["formset"].errors[4]
    group.refresh_from_db()
    assert group.name == "旧名称"
    assert list(group.memberships.all()) == [kept]
    assert Membership.objects.count() == 1


def test_a_roster_longer_than_the_maximum_is_refused_in_chinese(login, data_manager, county, monkeypatch):
    monkeypatch.setattr(RosterFormSet, "max_num", 4)  # the real maximum, in a smaller test
    person = PersonFactory()
    response = login(data_manager).post("/groups/new/", group_data([member(person.pk) for _ in range(5)]))
    assert response.status_code == 200
    assert "请最多提交 4 个表单" in " ".join(response.context["formset"].non_form_errors())
    assert not LeadingGroup.objects.exists()


def test_a_task_takes_five_units(login, supervisor, county):
    units = [OrganisationFactory(parent=county) for _ in range(5)]
    rows = [{"role": "lead" if index == 0 else "supporting", "organisation": u.pk} for index, u in enumerate(units)]
    assert login(supervisor).post("/tasks/new/", task_data(rows)).status_code == 302
    assert [a.organisation for a in Task.objects.get().assignments.all()] == units


def test_a_task_with_one_bad_unit_row_writes_nothing(login, supervisor, county):
    rows = [{"role": "supporting", "organisation": OrganisationFactory(parent=county).pk} for _ in range(4)]
    rows.append({"role": "supporting", "organisation": NOBODY})
    response = login(supervisor).post("/tasks/new/", task_data(rows))
    assert response.status_code == 200 and response.context["formset"].errors[4]
    assert not Task.objects.exists()


def test_a_plan_with_one_bad_row_writes_nothing(login, data_manager, county):
    data = {
        "county": county.pk,
        "year": 2025,
        "total_ha": "5",
        "allocations-TOTAL_FORMS": "5",
        "allocations-INITIAL_FORMS": "0",
    }
    for index, use in enumerate(["commercial", "industrial", "residential", "public", "no-such-use"]):
        data[f"allocations-{index}-land_use"] = use
        data[f"allocations-{index}-area_ha"] = "1"
    response = login(data_manager).post("/land/plans/new/", data)
    assert response.status_code == 200 and response.context["formset"].errors[4]
    assert not LandSupplyPlan.objects.exists()


def test_person_and_unit_drop_downs_are_searchable_and_list_only_the_users_county(login, finance_staff, finance):
    group = LeadingGroupFactory(office_host=finance)
    PersonFactory(name="本县人员")
    other = OrganisationFactory(name="和阳县人民政府", short_name="和阳县", kind="county")
    PersonFactory(name="外县人员", county=other)
    response = login(finance_staff).get(f"/groups/{group.pk}/edit/")
    form, formset = response.context["form"], response.context["formset"]
    for field in (form["office_host"], formset.forms[0]["person"], formset.forms[0]["organisation"]):
        assert "data-searchable" in str(field)
    page = response.content.decode()
    assert "本县人员" in page and "外县人员" not in page
    assert "vendor/tom-select/tom-select.complete.min.js" in page and "js/searchable_select.js" in page
