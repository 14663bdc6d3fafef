"""Who may write the records that open other records to a unit (org.access.manages_county, nameable_units).

A land-supply plan sums every parcel of its county and year, and there is one per county and year: only the county's
data managers create and change it. Naming a unit in a roster line or a parcel's township lets that unit see the
record: unit staff may name only the units they act for (and keep the one a data manager put there).
"""

import pytest

from groups.models import Membership, Role
from land import selectors as land_selectors
from land.models import LandSupplyPlan, Parcel
from org import roles
from tests.groups.factories import LeadingGroupFactory, MembershipFactory
from tests.land.factories import ParcelFactory, PlanFactory
from tests.org.factories import OrganisationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bureau(county):
    return OrganisationFactory(name="兴县自然资源局", short_name="县自然资源局", parent=county)


@pytest.fixture
def township(county):
    return OrganisationFactory(name="瓦塘镇", kind="township", parent=county)


@pytest.fixture
def bureau_staff(bureau):
    return UserFactory(role=roles.UNIT_STAFF, units=[bureau])


@pytest.fixture
def township_staff(township):
    return UserFactory(role=roles.UNIT_STAFF, units=[township])


PLAN_POST = {
    "year": "2022",
    "total_ha": "24.8896",
    "notes": "",
    "allocations-TOTAL_FORMS": "0",
    "allocations-INITIAL_FORMS": "0",
    "allocations-MIN_NUM_FORMS": "0",
    "allocations-MAX_NUM_FORMS": "1000",
}


# Plans


def test_unit_staff_cannot_create_a_plan_and_squat_the_county_year(login, county, bureau, bureau_staff):
    client = login(bureau_staff)
    response = client.post("/land/plans/new/", {**PLAN_POST, "county": county.pk, "responsible_unit": bureau.pk})
    assert response.status_code == 403
    assert not LandSupplyPlan.objects.exists()
    assert not land_selectors.can_create_plan(bureau_staff)


def test_a_county_data_manager_creates_plans_for_their_county_only(login, county, bureau):
    other = OrganisationFactory(name="和阳县人民政府", short_name="和阳县", kind="county")
    manager = UserFactory(role=roles.DATA_MANAGER, counties=[county])
    client = login(manager)
    offered = client.get("/land/plans/new/").context["form"].fields["county"].queryset
    assert list(offered) == [county]
    response = client.post("/land/plans/new/", {**PLAN_POST, "county": other.pk})
    assert response.status_code == 200 and not LandSupplyPlan.objects.filter(county=other).exists()
    client.post("/land/plans/new/", {**PLAN_POST, "county": county.pk})
    assert LandSupplyPlan.objects.filter(county=county, year=2022).exists()


def test_the_responsible_unit_reads_its_plan_but_cannot_change_it(login, county, bureau, bureau_staff):
    plan = PlanFactory(county=county, responsible_unit=bureau, year=2022)
    client = login(bureau_staff)
    assert client.get(plan.get_absolute_url()).status_code == 200
    assert client.get(f"/land/plans/{plan.pk}/edit/").status_code == 403
    assert client.post(f"/land/plans/{plan.pk}/adopt/").status_code == 403
    plan.refresh_from_db()
    assert plan.status == LandSupplyPlan.Status.DRAFT


def test_another_units_staff_cannot_read_a_plans_county_figures(login, county, bureau, finance_staff):
    plan = PlanFactory(county=county, responsible_unit=bureau, year=2022)
    ParcelFactory(county=county, plan_year=2022)
    assert login(finance_staff).get(plan.get_absolute_url()).status_code == 404


# Naming another unit


def test_unit_staff_cannot_put_another_unit_on_their_groups_roster(login, county, finance, water, finance_staff):
    group = LeadingGroupFactory(county=county, office_host=finance)
    person = PersonFactory(county=county)
    client = login(finance_staff)
    data = {
        "name": group.name,
        "kind": group.kind,
        "county": county.pk,
        "status": group.status,
        "office_host": finance.pk,
        "roster-TOTAL_FORMS": "1",
        "roster-INITIAL_FORMS": "0",
        "roster-MIN_NUM_FORMS": "0",
        "roster-MAX_NUM_FORMS": "1000",
        "roster-0-role": Role.MEMBER,
        "roster-0-member_type": Membership.MemberType.PERSON,
        "roster-0-person": person.pk,
        "roster-0-title": "副局长",
        "roster-0-organisation": water.pk,
    }
    response = client.post(f"/groups/{group.pk}/edit/", data)
    assert response.status_code == 200  # the form comes back: 县水利局 is not a choice
    assert not group.memberships.exists()
    water_staff = UserFactory(role=roles.UNIT_STAFF, units=[water])
    assert login(water_staff).get(group.get_absolute_url()).status_code == 404
    data["roster-0-organisation"] = finance.pk
    login(finance_staff).post(f"/groups/{group.pk}/edit/", data)
    assert group.memberships.get().organisation == finance


def test_a_roster_line_keeps_the_unit_a_data_manager_named(login, county, finance, water, finance_staff):
    group = LeadingGroupFactory(county=county, office_host=finance)
    line = MembershipFactory(group=group, organisation=water)
    client = login(finance_staff)
    form = client.get(f"/groups/{group.pk}/edit/").context["formset"].forms[0]
    assert set(form.fields["organisation"].queryset) == {finance, water}
    assert line.organisation == water


def test_unit_staff_cannot_name_another_township_for_their_parcel(login, county, bureau, township, bureau_staff):
    parcel = ParcelFactory(county=county, responsible_unit=bureau)
    form = login(bureau_staff).get(f"/land/parcels/{parcel.pk}/edit/").context["form"]
    assert township not in form.fields["township"].queryset
    with_township = ParcelFactory(county=county, responsible_unit=bureau, township=township)
    kept = login(bureau_staff).get(f"/land/parcels/{with_township.pk}/edit/").context["form"]
    assert list(kept.fields["township"].queryset) == [township]


def test_a_data_manager_names_any_township_and_the_township_then_sees_the_parcel(
    login, county, bureau, township, township_staff, data_manager
):
    parcel = ParcelFactory(county=county, responsible_unit=bureau)
    form = login(data_manager).get(f"/land/parcels/{parcel.pk}/edit/").context["form"]
    assert township in form.fields["township"].queryset
    Parcel.objects.filter(pk=parcel.pk).update(township=township)
    assert login(township_staff).get(parcel.get_absolute_url()).status_code == 200
