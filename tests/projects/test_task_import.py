"""Excel import of task lists: template, row-by-row preview, all-or-nothing import."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from projects.models import Task
from projects.task_sheet import COLUMNS
from tests.org.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def sheet(*rows, header=COLUMNS):
    workbook = Workbook()
    workbook.active.append(["兴县2024年重点工作任务清单"])
    workbook.active.append(header)
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("tasks.xlsx", buffer.getvalue())


GOOD = ("1", "完成城区供热管网改造", "县住建局", "县财政局、蔚汾镇", "张三", "10月底前", "")
NO_UNIT = ("2", "推进农村厕所革命", "", "", "李四", "年底前", "")


@pytest.fixture
def units(finance, county):
    OrganisationFactory(name="兴县住房和城乡建设管理局", short_name="县住建局", parent=county)


def upload(client, file, reference="2024-03-01"):
    return client.post("/tasks/import/", {"file": file, "reference": reference})


def test_the_template_has_the_task_list_columns(login, data_manager):
    response = login(data_manager).get("/tasks/import/template.xlsx")
    header = next(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert header == COLUMNS


def test_preview_then_import(login, data_manager, units):
    client = login(data_manager)
    response = upload(client, sheet(GOOD))
    previews = response.context["previews"]
    assert [p.number for p in previews] == [3]
    assert previews[0].deadline.due == datetime.date(2024, 10, 31)
    assert any("蔚汾镇" in warning for warning in previews[0].warnings)  # unknown unit: kept, flagged
    assert not Task.objects.exists()
    client.post("/tasks/import/confirm/")
    task = Task.objects.get()
    assert (task.title, task.origin, task.due) == (
        "完成城区供热管网改造",
        Task.Origin.EXCEL,
        datetime.date(2024, 10, 31),
    )
    assert [(a.role, str(a.organisation or a.organisation_text)) for a in task.assignments.all()] == [
        ("lead", "县住建局"),
        ("responsible", "县财政局"),
        ("responsible", "蔚汾镇"),
    ]


def test_a_row_error_blocks_the_whole_import(login, data_manager, units):
    client = login(data_manager)
    response = upload(client, sheet(GOOD, NO_UNIT))
    assert response.context["blocked"]
    assert response.context["previews"][1].errors
    client.post("/tasks/import/confirm/")
    assert not Task.objects.exists()


def test_a_sheet_without_the_columns_is_refused_in_chinese(login, data_manager, county):
    response = upload(login(data_manager), sheet(GOOD, header=("编号", "事项")))
    assert "表头" in str(response.context["form"].errors)


def test_a_file_that_is_not_a_workbook_is_refused(login, data_manager, county):
    response = upload(login(data_manager), SimpleUploadedFile("tasks.xlsx", b"not a workbook"))
    assert "Excel" in str(response.context["form"].errors)


def test_unit_staff_may_not_import(login, finance_staff):
    assert login(finance_staff).get("/tasks/import/").status_code == 403
