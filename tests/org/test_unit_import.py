"""The unit directory from Excel: every row checked in a preview, then all rows written or none."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from org import roles
from org.models import Organisation, OrganisationAlias, Person
from org.unit_sheet import COLUMNS, read_unit_sheet
from tests.helpers import xlsx
from tests.org.factories import OrganisationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(county):
    return UserFactory(role=roles.DATA_MANAGER, counties=[county])


def workbook_bytes(*rows, header=COLUMNS):
    return xlsx(header, *rows)


def upload(client, county, data, name="单位名录.xlsx"):
    file = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    return client.post(reverse("org:unit_import", args=[county.pk]), {"file": file})


def confirm(client, county):
    return client.post(reverse("org:unit_import_confirm", args=[county.pk]))


# A directory whose village names its township in a later row.
GOOD = (
    ("城北社区居民委员会", "城北社区", "村或社区", "蔚汾镇人民政府", "", "", ""),
    ("兴县住房和城乡建设局", "县住建局、兴县住建局", "县直部门", "", "张三", "zhangsan@xing.example", "0358-6001"),
    ("蔚汾镇人民政府", "蔚汾镇", "乡镇", "", "李四", "lisi@xing.example", ""),
    ("兴县城投公司", "城投公司", "企业", "兴县住房和城乡建设局", "张三", "zhangsan@xing.example", ""),
)


def test_the_template_downloads_and_reads_back(login, manager, county):
    response = login(manager).get(reverse("org:unit_import_template", args=[county.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rows = read_unit_sheet(response.content)
    assert [row.values["单位名称"] for row in rows] == [
        "交城县住房和城乡建设局",
        "天宁镇人民政府",
        "城北社区居民委员会",
    ]
    assert load_workbook(io.BytesIO(response.content)).sheetnames == ["单位名录", "说明"]


def test_the_preview_lists_each_rows_errors_in_chinese_and_writes_nothing(login, manager, county, finance):
    client = login(manager)
    before = (Organisation.objects.count(), OrganisationAlias.objects.count(), Person.objects.count())

    response = upload(
        client,
        county,
        workbook_bytes(
            ("兴县审批局", "县审批局", "局", "", "", "", ""),
            ("兴县档案馆", "", "其他", "县宇宙探索局", "", "", ""),
            ("兴县财政局", "县财政局、财政", "县直部门", "", "", "", ""),
            ("兴县医保局", "县医保局、县财政局", "县直部门", "", "", "", ""),
            ("兴县统计局", "县统计局", "县直部门", "", "孙八", "not-an-email", ""),
        ),
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "未知类型“局”" in page
    assert "上级单位“县宇宙探索局”在兴县和本表中都找不到" in page
    assert "“县财政局”已指兴县财政局" in page
    assert "“not-an-email”不是有效的邮箱地址" in page
    assert "部分行有错误" in page
    # The row that only updates the finance bureau is fine, and says so.
    assert "更新" in page
    assert "导入这些单位" not in page
    # Confirming anyway writes nothing either.
    response = confirm(client, county)
    assert response.status_code == 200
    assert (Organisation.objects.count(), OrganisationAlias.objects.count(), Person.objects.count()) == before


def test_one_bad_row_blocks_the_whole_sheet(login, manager, county):
    client = login(manager)
    upload(client, county, workbook_bytes(*GOOD, ("兴县审批局", "", "县直部门", "", "", "", "13900000000")))
    assert confirm(client, county).status_code == 200
    assert list(Organisation.objects.values_list("name", flat=True)) == ["兴县人民政府"]
    assert Person.objects.count() == 0


def test_a_good_sheet_creates_units_aliases_parents_and_contacts(login, manager, county):
    client = login(manager)
    page = upload(client, county, workbook_bytes(*GOOD)).content.decode()
    assert "导入这些单位" in page and page.count("<td>新建</td>") == 4

    response = confirm(client, county)

    assert response.status_code == 302
    assert response["Location"] == reverse("org:county_units", args=[county.pk])
    housing = Organisation.objects.get(name="兴县住房和城乡建设局")
    town = Organisation.objects.get(name="蔚汾镇人民政府")
    community = Organisation.objects.get(name="城北社区居民委员会")
    company = Organisation.objects.get(name="兴县城投公司")
    assert (housing.parent, housing.kind, housing.short_name) == (county, "department", "县住建局")
    assert [alias.alias for alias in housing.aliases.all()] == ["兴县住建局"]
    assert (town.parent, town.kind) == (county, "township")
    assert (community.parent, community.kind, community.short_name) == (town, "village", "城北社区")
    assert (company.parent, company.kind) == (housing, "enterprise")
    zhang = housing.reminder_contact
    assert (zhang.name, zhang.county, zhang.email, zhang.phone) == (
        "张三",
        county,
        "zhangsan@xing.example",
        "0358-6001",
    )
    assert company.reminder_contact == zhang  # one person however many rows name them
    assert town.reminder_contact.email == "lisi@xing.example"
    assert community.reminder_contact is None
    assert sorted(Person.objects.values_list("name", flat=True)) == ["张三", "李四"]


def test_a_reimport_updates_and_duplicates_nothing(login, manager, county):
    client = login(manager)
    upload(client, county, workbook_bytes(*GOOD))
    confirm(client, county)
    counts = (Organisation.objects.count(), OrganisationAlias.objects.count(), Person.objects.count())

    changed = (
        *GOOD[:2],
        ("蔚汾镇人民政府", "蔚汾镇、蔚汾", "乡镇", "", "李四", "lisi@xing.example", "0358-7002"),
        ("兴县城投公司", "县城投", "其他", "", "张三", "zhangsan@xing.example", ""),
    )
    page = upload(client, county, workbook_bytes(*changed)).content.decode()
    assert "<td>新建</td>" not in page and page.count("<td>更新</td>") == 4
    assert confirm(client, county).status_code == 302

    assert (Organisation.objects.count(), OrganisationAlias.objects.count() - 1, Person.objects.count()) == counts
    town = Organisation.objects.get(name="蔚汾镇人民政府")
    company = Organisation.objects.get(name="兴县城投公司")
    assert [alias.alias for alias in town.aliases.all()] == ["蔚汾"]
    assert town.reminder_contact.phone == "0358-7002"
    assert (company.short_name, company.kind, company.parent) == ("县城投", "other", county)


def test_an_existing_unit_is_updated_by_its_full_name_and_its_contact_found(login, manager, county, finance):
    person = PersonFactory(name="周九", county=county, email="")
    client = login(manager)
    upload(
        client, county, workbook_bytes(("兴县财政局", "县财政局、兴县财政", "", "", "周九", "zhoujiu@xing.example", ""))
    )
    assert confirm(client, county).status_code == 302
    finance.refresh_from_db()
    person.refresh_from_db()
    assert (finance.kind, finance.parent, finance.reminder_contact) == ("department", county, person)
    assert [alias.alias for alias in finance.aliases.all()] == ["兴县财政"]
    assert person.email == "zhoujiu@xing.example"
    assert Organisation.objects.count() == 2 and Person.objects.count() == 1


def test_parents_leading_round_in_a_circle_are_refused(login, manager, county):
    client = login(manager)
    page = upload(
        client,
        county,
        workbook_bytes(("甲单位", "", "其他", "乙单位", "", "", ""), ("乙单位", "", "其他", "甲单位", "", "", "")),
    ).content.decode()
    assert "上级单位形成循环" in page
    assert confirm(client, county).status_code == 200
    assert Organisation.objects.count() == 1


def test_a_unit_written_twice_is_refused(login, manager, county):
    page = upload(
        login(manager),
        county,
        workbook_bytes(("兴县审批局", "", "", "", "", "", ""), ("兴县审批局", "", "", "", "", "", "")),
    ).content.decode()
    assert "该单位已在第2行" in page


def test_a_file_too_large_is_refused(login, manager, county):
    response = upload(login(manager), county, b"0" * (2 * 1024 * 1024 + 1))
    assert response.status_code == 200
    assert "文件超过 2 MB" in response.content.decode()


def test_too_many_rows_are_refused(login, manager, county):
    rows = [(f"兴县第{n}办公室", "", "其他", "", "", "", "") for n in range(2001)]
    response = upload(login(manager), county, workbook_bytes(*rows))
    assert response.status_code == 200
    assert "一次最多导入 2000 行" in response.content.decode()
    assert Organisation.objects.count() == 1


def test_another_countys_data_manager_cannot_confirm_a_pending_import(login, manager, county):
    client = login(manager)
    upload(client, county, workbook_bytes(*GOOD))
    other_county = OrganisationFactory(name="临县人民政府", short_name="临县", kind="county")
    other = UserFactory(role=roles.DATA_MANAGER, counties=[other_county])
    client.force_login(other)
    assert confirm(client, county).status_code == 404
    assert Organisation.objects.count() == 2
