"""Personal data (name, ID number, phone) only for the project's staff and data managers: pages, exports, admin."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from compensation import services
from org import roles
from tests.compensation.factories import HouseholdFactory, ProjectFactory, RuleFactory, VersionFactory
from tests.helpers import response_bytes
from tests.org.factories import OrganisationFactory, UserFactory

NAME, ID_NUMBER, PHONE = "王小明", "141130198001011234", "13903581234"
PERSONAL = (NAME, ID_NUMBER, PHONE)
DAY = datetime.date(2024, 3, 1)


@pytest.fixture
def housing(county):
    return OrganisationFactory(name="兴县住房和城乡建设管理局", short_name="县住建局", parent=county)


@pytest.fixture
def household(housing):
    project = ProjectFactory(name="兴县城区棚户区改造三期工程项目")
    project.departments.add(housing)
    version = VersionFactory(scheme__project=project)
    RuleFactory(version=version, code="relocation", amount=30)
    household = HouseholdFactory(scheme_version=version, head_name=NAME, id_number=ID_NUMBER, phone=PHONE)
    for step, status in enumerate(["publicised", "appraised"], start=1):
        household = services.advance_household(household, status=status, on=DAY + datetime.timedelta(step))
    household = services.advance_household(household, status="signed", on=DAY + datetime.timedelta(3),
                                           agreement_type="cash")  # fmt: skip
    return services.update_household(household, data={"notes": "示例"})  # a change in the history too


@pytest.fixture
def housing_staff(housing):
    return UserFactory(role=roles.UNIT_STAFF, units=[housing])


def pages(household):
    project = household.project_id
    return {
        "list": f"/compensation/projects/{project}/households/",
        "csv": f"/compensation/projects/{project}/households/?_export=csv",
        "xlsx": f"/compensation/projects/{project}/households/?_export=xlsx",
        "detail": f"/compensation/households/{household.pk}/",
        "statement": f"/compensation/households/{household.pk}/statement/",
        "statement.xlsx": f"/compensation/households/{household.pk}/statement.xlsx",
        "statements.xlsx": f"/compensation/projects/{project}/statements.xlsx",
        "dashboard": f"/compensation/projects/{project}/",
    }


def text_of(response):
    body = response_bytes(response)
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        book = openpyxl.load_workbook(io.BytesIO(body))
        return "\n".join(
            str(value) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for value in row
        )
    return body.decode("utf-8-sig")


@pytest.mark.parametrize("page", ["list", "csv", "xlsx", "detail", "statement", "statement.xlsx", "statements.xlsx"])
@pytest.mark.parametrize("who", ["housing_staff", "data_manager"])
def test_the_projects_staff_and_data_managers_see_personal_data(request, login, household, page, who):
    response = login(request.getfixturevalue(who)).get(pages(household)[page])
    assert response.status_code == 200
    text = text_of(response)
    assert NAME in text
    if page in ("list", "csv", "xlsx", "detail"):
        assert ID_NUMBER in text and PHONE in text


@pytest.mark.parametrize("page", ["list", "csv", "xlsx", "detail", "statement", "statement.xlsx", "statements.xlsx"])
def test_supervisors_see_amounts_with_the_name_masked_and_no_id_or_phone(login, supervisor, household, page):
    response = login(supervisor).get(pages(household)[page])
    assert response.status_code == 200
    text = text_of(response)
    assert not any(value in text for value in PERSONAL)
    assert "王**" in text
    assert "3000" in text.replace(",", "")  # the amounts are there


def test_the_page_history_names_no_one(login, supervisor, household):
    page = login(supervisor).get(pages(household)["detail"]).content.decode()
    assert "history" in page and NAME not in page


def test_supervisors_cannot_find_a_household_by_its_heads_name(login, supervisor, housing_staff, household):
    url = pages(household)["list"]
    assert login(supervisor).get(url, {"q": NAME}).context["table"].paginator.count == 0
    assert login(housing_staff).get(url, {"q": NAME}).context["table"].paginator.count == 1


@pytest.mark.parametrize(
    "page", ["list", "csv", "detail", "statement", "statement.xlsx", "statements.xlsx", "dashboard"]
)
def test_another_units_staff_get_404(login, finance_staff, household, page):
    assert login(finance_staff).get(pages(household)[page]).status_code == 404


def test_supervisors_cannot_change_households(login, supervisor, household):
    client = login(supervisor)
    assert client.get(f"/compensation/households/{household.pk}/edit/").status_code == 403
    assert client.post(f"/compensation/households/{household.pk}/advance/", {"on": "2024-03-09"}).status_code == 403
    assert client.get(f"/compensation/projects/{household.project_id}/households/new/").status_code == 403


@pytest.fixture
def staff_supervisor(supervisor):
    """A supervisor let into the admin, where the view rights of the role apply."""
    supervisor.is_staff = True
    supervisor.save()
    return supervisor


def test_admin_masks_personal_data_for_a_supervisor(login, staff_supervisor, household):
    client = login(staff_supervisor)
    changelist = client.get(reverse("admin:compensation_household_changelist"))
    assert changelist.status_code == 200
    text = changelist.content.decode()
    assert "王**" in text and not any(value in text for value in PERSONAL)
    change = client.get(reverse("admin:compensation_household_change", args=[household.pk]))
    assert change.status_code == 200
    assert not any(value in change.content.decode() for value in PERSONAL)
    history = client.get(reverse("admin:compensation_household_history", args=[household.pk]))
    assert history.status_code == 403
    assert client.get(changelist.request["PATH_INFO"], {"q": NAME}).context["cl"].result_count == 0


def test_admin_shows_personal_data_to_data_managers(login, data_manager, household):
    client = login(data_manager)
    text = client.get(reverse("admin:compensation_household_changelist"), {"q": PHONE}).content.decode()
    assert NAME in text
    change = client.get(reverse("admin:compensation_household_change", args=[household.pk])).content.decode()
    assert ID_NUMBER in change and PHONE in change
    assert client.get(reverse("admin:compensation_household_history", args=[household.pk])).status_code == 200


def test_admin_leaves_out_households_of_projects_a_unit_does_not_run(login, finance, household):
    clerk = UserFactory(role=roles.UNIT_STAFF, units=[finance])
    clerk.is_staff = True
    clerk.save()
    response = login(clerk).get(reverse("admin:compensation_household_change", args=[household.pk]))
    assert response.status_code == 302  # the admin's answer to an object out of reach: back to the index
    changelist = login(clerk).get(reverse("admin:compensation_household_changelist"))
    assert changelist.context["cl"].result_count == 0
