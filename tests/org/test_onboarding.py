"""Onboarding a county in the browser: a data manager adds the county, its units with their aliases and reminder
contacts, and changes them; nobody else may, and a county's data manager never reaches another county's pages."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from org import roles
from org import services as org_services
from org.models import CountyProfile, Organisation, Person
from tests.org.factories import OrganisationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_county(db):
    return OrganisationFactory(name="临县人民政府", short_name="临县", kind="county")


@pytest.fixture
def other_unit(other_county):
    return OrganisationFactory(name="临县财政局", short_name="县财政局", parent=other_county)


@pytest.fixture
def county_manager(county):
    return UserFactory(role=roles.DATA_MANAGER, counties=[county])


def unit_data(county, **changes):
    data = {
        "name": "兴县卫生健康和体育局",
        "short_name": "县卫体局",
        "kind": "department",
        "parent": county.pk,
        "sort_order": "3",
        "is_active": "on",
        "aliases": "县卫生健康和体育局\n县卫健体局",
        "contact": "",
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
    }
    return {**data, **changes}


def aliases_of(unit):
    return sorted(unit.aliases.values_list("alias", flat=True))


# Counties


def test_a_data_manager_of_every_county_creates_a_county_in_the_browser(login, data_manager):
    client = login(data_manager)
    assert client.get(reverse("org:county_create")).status_code == 200

    response = client.post(
        reverse("org:county_create"),
        {
            "name": "交城县人民政府",
            "short_name": "交城县",
            "number_prefixes": "交政发 交政办发、交政函",
            "aliases": "交城县政府",
        },
    )

    county = Organisation.objects.get(name="交城县人民政府")
    assert response.status_code == 302
    assert response["Location"] == reverse("org:county_units", args=[county.pk])
    assert (county.kind, county.parent, county.short_name) == ("county", None, "交城县")
    assert county.profile.prefixes == ["交政发", "交政办发", "交政函"]
    assert aliases_of(county) == ["交城县政府"]
    page = client.get(reverse("org:county_list")).content.decode()
    assert "交城县人民政府" in page and "交政发 交政办发 交政函" in page


def test_a_second_county_of_the_same_name_is_refused(login, data_manager, county):
    response = login(data_manager).post(
        reverse("org:county_create"), {"name": "兴县人民政府", "short_name": "兴县", "number_prefixes": ""}
    )
    assert response.status_code == 200
    assert "已有名为兴县人民政府的县" in response.content.decode()
    assert Organisation.objects.filter(kind="county").count() == 1


def test_a_county_level_data_manager_creates_no_county(login, county_manager):
    client = login(county_manager)
    assert client.get(reverse("org:county_list")).status_code == 200
    assert "新增县" not in client.get(reverse("org:county_list")).content.decode()
    assert client.get(reverse("org:county_create")).status_code == 403
    response = client.post(reverse("org:county_create"), {"name": "交城县人民政府", "short_name": "交城县"})
    assert response.status_code == 403
    assert not Organisation.objects.filter(name="交城县人民政府").exists()


def test_a_data_manager_edits_their_countys_name_and_prefixes(login, county_manager, county, finance):
    CountyProfile.objects.create(county=county, number_prefixes="兴政发")
    client = login(county_manager)
    page = client.get(reverse("org:county_edit", args=[county.pk])).content.decode()
    assert 'value="兴政发"' in page

    response = client.post(
        reverse("org:county_edit", args=[county.pk]),
        {"name": "兴县人民政府", "short_name": "兴县", "number_prefixes": "兴政发 兴政办发", "aliases": ""},
    )

    assert response.status_code == 302
    county.refresh_from_db()
    assert county.profile.prefixes == ["兴政发", "兴政办发"]
    page = client.get(reverse("org:county_list")).content.decode()
    # One unit (the finance bureau), no people yet.
    assert "兴政发 兴政办发" in page and "<td>1</td>" in page and "<td>0</td>" in page


# Units


def test_a_data_manager_adds_a_unit_with_aliases_and_a_new_contact(login, county_manager, county):
    client = login(county_manager)
    assert client.get(reverse("org:unit_create", args=[county.pk])).status_code == 200

    response = client.post(
        reverse("org:unit_create", args=[county.pk]),
        unit_data(county, contact_name="李四", contact_email="lisi@xing.example", contact_phone="0358-1234567"),
    )

    assert response.status_code == 302
    unit = Organisation.objects.get(name="兴县卫生健康和体育局")
    assert (unit.parent, unit.kind, unit.short_name, unit.sort_order) == (county, "department", "县卫体局", 3)
    assert aliases_of(unit) == ["县卫健体局", "县卫生健康和体育局"]
    contact = unit.reminder_contact
    assert (contact.name, contact.county, contact.email, contact.phone) == (
        "李四",
        county,
        "lisi@xing.example",
        "0358-1234567",
    )
    page = client.get(reverse("org:county_units", args=[county.pk])).content.decode()
    assert "兴县卫生健康和体育局" in page and "县卫健体局" in page and "李四" in page


def test_a_sub_unit_gets_an_existing_person_of_the_county_as_its_contact(login, county_manager, county, finance):
    person = PersonFactory(name="王五", county=county)
    response = login(county_manager).post(
        reverse("org:unit_create", args=[county.pk]),
        unit_data(
            county, name="兴县财政局国库股", short_name="国库股", aliases="", parent=finance.pk, contact=person.pk
        ),
    )
    assert response.status_code == 302
    unit = Organisation.objects.get(name="兴县财政局国库股")
    assert (unit.parent, unit.reminder_contact) == (finance, person)
    assert Person.objects.count() == 1


def test_the_units_page_says_when_a_contact_has_no_e_mail(login, county_manager, county, finance):
    finance.reminder_contact = PersonFactory(name="赵六", county=county, email="")
    finance.save()
    page = login(county_manager).get(reverse("org:county_units", args=[county.pk])).content.decode()
    assert "赵六" in page and "无邮箱" in page


def test_a_data_manager_edits_a_unit(login, county_manager, county, finance, water):
    org_services.add_alias(finance, "县财政")
    response = login(county_manager).post(
        reverse("org:unit_edit", args=[county.pk, finance.pk]),
        unit_data(
            county, name="兴县财政局（国资办）", short_name="县财政局", kind="other", parent=water.pk, aliases="财政局"
        ),
    )
    assert response.status_code == 302
    finance.refresh_from_db()
    assert (finance.name, finance.kind, finance.parent, finance.is_active) == (
        "兴县财政局（国资办）",
        "other",
        water,
        True,
    )
    assert aliases_of(finance) == ["财政局"]


def test_an_alias_naming_another_unit_is_refused(login, county_manager, county, finance):
    response = login(county_manager).post(
        reverse("org:unit_create", args=[county.pk]), unit_data(county, aliases="县财政局")
    )
    assert response.status_code == 200
    assert "“县财政局”已指兴县财政局" in response.content.decode()
    assert not Organisation.objects.filter(name="兴县卫生健康和体育局").exists()
    assert Person.objects.count() == 0


def test_a_parent_of_another_county_is_refused(login, county_manager, county, other_unit):
    response = login(county_manager).post(
        reverse("org:unit_create", args=[county.pk]), unit_data(county, parent=other_unit.pk)
    )
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()
    assert not Organisation.objects.filter(name="兴县卫生健康和体育局").exists()
    # The service refuses it too, whoever calls it.
    with pytest.raises(ValidationError, match="不是兴县的单位"):
        org_services.save_unit(county=county, name="兴县卫生健康和体育局", kind="department", parent=other_unit)


def test_a_unit_cannot_move_below_one_of_its_sub_units(county, finance):
    below = OrganisationFactory(name="兴县财政局国库股", parent=finance)
    with pytest.raises(ValidationError, match="下级单位"):
        org_services.save_unit(county=county, unit=finance, name=finance.name, kind="department", parent=below)
    finance.refresh_from_db()
    assert finance.parent == county


def test_a_contact_of_another_county_is_refused(county, finance, other_county):
    stranger = PersonFactory(name="钱七", county=other_county)
    with pytest.raises(ValidationError, match="不是兴县的人员"):
        org_services.set_reminder_contact(finance, person=stranger)
    finance.refresh_from_db()
    assert finance.reminder_contact is None


# Who may


def county_urls(county, unit):
    return [
        reverse("org:county_edit", args=[county.pk]),
        reverse("org:county_units", args=[county.pk]),
        reverse("org:unit_create", args=[county.pk]),
        reverse("org:unit_edit", args=[county.pk, unit.pk]),
        reverse("org:unit_import", args=[county.pk]),
        reverse("org:unit_import_template", args=[county.pk]),
    ]


def test_a_county_data_manager_gets_404_on_another_countys_pages(login, county_manager, county, finance, other_unit):
    client = login(county_manager)
    for url in county_urls(county, finance):
        assert client.get(url).status_code == 200, url
    for url in county_urls(other_unit.parent, other_unit):
        assert client.get(url).status_code == 404, url
    # Another county's unit under their own county's URL is not found either.
    assert client.get(reverse("org:unit_edit", args=[county.pk, other_unit.pk])).status_code == 404
    assert client.get(reverse("org:unit_edit", args=[county.pk, county.pk])).status_code == 404
    response = client.post(
        reverse("org:unit_edit", args=[other_unit.parent.pk, other_unit.pk]), unit_data(other_unit.parent)
    )
    assert response.status_code == 404
    other_unit.refresh_from_db()
    assert other_unit.name == "临县财政局"
    page = client.get(reverse("org:county_list")).content.decode()
    assert "兴县人民政府" in page and "临县人民政府" not in page


def test_unit_staff_and_supervisors_may_not_set_up_units(login, finance_staff, supervisor, county, finance):
    for user in (finance_staff, supervisor):
        client = login(user)
        for url in [reverse("org:county_list"), reverse("org:county_create"), *county_urls(county, finance)]:
            assert client.get(url).status_code == 403, url
        assert client.post(reverse("org:unit_create", args=[county.pk]), unit_data(county)).status_code == 403
    assert not Organisation.objects.filter(name="兴县卫生健康和体育局").exists()


def test_the_organisation_tree_links_to_unit_management_for_data_managers(login, county_manager, finance_staff):
    link = reverse("org:county_list")
    assert link in login(county_manager).get(reverse("org:organisation_tree")).content.decode()
    assert link not in login(finance_staff).get(reverse("org:organisation_tree")).content.decode()
