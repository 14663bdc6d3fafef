"""Who sees and edits land records: everything for data managers and supervisors; unit staff their county's,
unit's or township's records, and edit those their unit is responsible for. Out of scope is 404, read-only 403."""

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from land import selectors
from land.admin import ParcelAdmin
from land.models import Parcel
from org import roles
from tests.land.factories import ParcelFactory, PlanFactory
from tests.org.factories import OrganisationFactory, UserFactory

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


@pytest.fixture
def records(county, bureau, township):
    other_county = OrganisationFactory(name="和阳县人民政府", kind="county")
    other_bureau = OrganisationFactory(name="和阳县自然资源局", parent=other_county)
    return {
        "bureau": ParcelFactory(county=other_county, responsible_unit=bureau),
        "township": ParcelFactory(county=other_county, township=township),
        "county": ParcelFactory(county=county),
        "elsewhere": ParcelFactory(county=other_county, responsible_unit=other_bureau),
    }


def test_data_managers_and_supervisors_see_every_parcel(records, data_manager, supervisor):
    assert selectors.visible_parcels(data_manager).count() == 4
    assert selectors.visible_parcels(supervisor).count() == 4


def test_unit_staff_see_parcels_of_their_unit_or_township(records, bureau_staff, township_staff):
    assert set(selectors.visible_parcels(bureau_staff)) == {records["bureau"]}
    assert set(selectors.visible_parcels(township_staff)) == {records["township"]}


def test_staff_of_the_county_government_see_the_county_parcels(records, county):
    staff = UserFactory(role=roles.UNIT_STAFF, units=[county])
    # The county and everything under it: its own parcels and its units' (the bureau, the township).
    assert set(selectors.visible_parcels(staff)) == {records["county"], records["bureau"], records["township"]}


def test_out_of_scope_is_404_and_visible_but_not_editable_is_403(records, login, township_staff):
    client = login(township_staff)
    assert client.get(records["elsewhere"].get_absolute_url()).status_code == 404
    assert client.get(records["township"].get_absolute_url()).status_code == 200
    assert client.get(f"/land/parcels/{records['township'].pk}/edit/").status_code == 403
    response = client.post(
        f"/land/parcels/{records['township'].pk}/advance/", {"status": "announced", "on": "2024-01-02"}
    )
    assert response.status_code == 403


def test_the_responsible_unit_edits_its_parcels(records, login, bureau_staff):
    client = login(bureau_staff)
    parcel = records["bureau"]
    assert client.get(f"/land/parcels/{parcel.pk}/edit/").status_code == 200
    response = client.post(f"/land/parcels/{parcel.pk}/advance/", {"status": "announced", "on": "2024-01-02"})
    assert response.status_code == 302
    parcel.refresh_from_db()
    assert parcel.status == Parcel.Status.ANNOUNCED


def test_supervisors_read_but_do_not_edit(records, login, supervisor):
    client = login(supervisor)
    assert client.get(records["bureau"].get_absolute_url()).status_code == 200
    assert client.get(f"/land/parcels/{records['bureau'].pk}/edit/").status_code == 403
    assert client.get("/land/parcels/new/").status_code == 403


def test_plans_are_scoped_the_same_way(county, bureau, finance, login, bureau_staff):
    other_county = OrganisationFactory(name="和阳县人民政府", kind="county")
    own = PlanFactory(county=other_county, responsible_unit=bureau)
    foreign = PlanFactory(county=other_county, year=2022, responsible_unit=finance)
    client = login(bureau_staff)
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(foreign.get_absolute_url()).status_code == 404
    assert set(selectors.visible_plans(bureau_staff)) == {own}


def test_the_admin_lists_only_parcels_in_scope(records, bureau_staff):
    request = RequestFactory().get("/")
    request.user = bureau_staff
    assert set(ParcelAdmin(Parcel, site).get_queryset(request)) == {records["bureau"]}


def test_role_groups_hold_the_land_rights(data_manager, supervisor, finance_staff):
    assert data_manager.has_perm("land.change_parcel") and data_manager.has_perm("land.delete_landsupplyplan")
    assert supervisor.has_perm("land.view_parcel") and not supervisor.has_perm("land.change_parcel")
    assert finance_staff.has_perm("land.change_parcel") and not finance_staff.has_perm("land.delete_parcel")
