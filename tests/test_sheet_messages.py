"""Why an Excel upload was refused, in the user's language: the same Chinese as always by default, English for a
user who chose English. The readers word it in English without Django; the pages translate it."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import load_workbook

from common import jobs, sheet_jobs
from common.messages import translated
from common.sheets import SheetError
from projects.task_sheet import read_task_sheet
from tests.compensation.factories import RuleFactory
from tests.helpers import marked_msgids, untranslated, xlsx
from tests.test_architecture import imported_modules

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
READERS = ("common/sheets.py", "projects/task_sheet.py", "org/unit_sheet.py", "compensation/survey_sheet.py")


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def task_upload(client, county, data):
    file = SimpleUploadedFile("tasks.xlsx", data)
    response = client.post("/tasks/import/", {"file": file, "reference": "2024-03-01", "county": county.pk})
    return response.context["form"].errors["file"]


def unit_upload(client, county, data):
    file = SimpleUploadedFile("units.xlsx", data)
    return client.post(f"/counties/{county.pk}/units/import/", {"file": file}).context["form"].errors["file"]


def survey_upload(client, data):
    version = RuleFactory(code="relocation", amount=30).version
    file = SimpleUploadedFile("survey.xlsx", data)
    url = f"/compensation/projects/{version.scheme.project.pk}/households/import/"
    response = client.post(url, {"file": file, "version": version.pk, "surveyed_on": "2024-03-01"})
    return response.context["form"].errors["file"]


def reader_refusal(data):
    """The task reader's refusal as a page shows it. (The import forms refuse a file over the size limit before the
    reader sees it, with a message of their own; the reader's is checked here.)"""
    with pytest.raises(SheetError) as refused:
        read_task_sheet(data)
    return translated(refused.value.message)


TOO_LARGE = b"\0" * (5 * 1024 * 1024 + 1)


# The Chinese interface: the words of before, to the character.


def test_a_file_over_the_limit_is_refused_in_the_chinese_of_before():
    assert reader_refusal(TOO_LARGE) == "文件超过 5 MB，请分批导入。"


def test_a_file_that_is_not_a_workbook_is_refused_in_the_chinese_of_before(login, data_manager, county):
    assert unit_upload(login(data_manager), county, b"not a workbook") == [
        "文件不是 Excel 工作簿（.xlsx），请使用下载的模板。"
    ]


def test_a_header_without_columns_is_refused_in_the_chinese_of_before(login, data_manager, county):
    errors = task_upload(login(data_manager), county, xlsx(("任务", "备注")))
    assert errors == ["表头缺少以下列：牵头单位、责任单位、完成时限"]


def test_a_sheet_without_its_header_is_refused_in_the_chinese_of_before(login, data_manager, county):
    errors = survey_upload(login(data_manager), xlsx(("地址", "备注")))
    assert errors == ["没有找到表头：第一张工作表中应有“户号”“户主”等列。"]


def test_a_row_with_a_long_cell_is_refused_in_the_chinese_of_before(login, data_manager, county):
    errors = unit_upload(login(data_manager), county, xlsx(("单位名称",), ("局" * 2001,)))
    assert errors == ["第 2 行有单元格超过 2000 个字，请精简后再导入。"]


# A user who chose English: the same uploads, in English.


def test_a_file_over_the_limit_is_refused_in_english():
    with translation.override("en"):
        assert reader_refusal(TOO_LARGE) == "The file is larger than 5 MB; import it in parts."


def test_a_file_that_is_not_a_workbook_is_refused_in_english(login, data_manager, county, english):
    assert unit_upload(login(data_manager), county, b"not a workbook") == [
        "The file is not an Excel workbook (.xlsx); use the template you downloaded."
    ]


def test_a_row_with_a_long_cell_is_refused_in_english(login, data_manager, county, english):
    errors = unit_upload(login(data_manager), county, xlsx(("单位名称",), ("局" * 2001,)))
    assert errors == ["Row 2 has a cell longer than 2000 characters; shorten it and import again."]


def test_header_problems_are_in_english_naming_the_sheets_chinese_columns(login, data_manager, county, english):
    client = login(data_manager)
    assert task_upload(client, county, xlsx(("任务", "备注"))) == [
        "The header lacks these columns: 牵头单位、责任单位、完成时限."
    ]
    assert survey_upload(client, xlsx(("地址", "备注"))) == [
        "No header row found: the first sheet should have columns such as “户号” and “户主”."
    ]


def test_a_file_refused_by_the_worker_is_shown_in_the_language_of_whoever_looks(
    login, data_manager, county, monkeypatch, settings, tmp_path, english
):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(sheet_jobs, "ASYNC_FROM_BYTES", 0)
    queued = []
    monkeypatch.setattr(jobs.read_sheet, "delay", lambda *args: queued.append(args))
    client = login(data_manager)
    client.post("/tasks/import/", {"file": SimpleUploadedFile("t.xlsx", b"not a workbook"), "county": county.pk,
                                   "reference": "2024-03-01"})  # fmt: skip
    with translation.override("zh-hans"):  # the worker's language is not the user's
        sheet_jobs.read(*queued[0])
    response = client.get("/tasks/import/progress/", follow=True)
    shown = [str(message) for message in response.context["messages"]]
    assert shown == ["The file is not an Excel workbook (.xlsx); use the template you downloaded."]


# The unit directory's template: its notes in the user's language, the columns as the import reads them.


def template_notes(client, county):
    response = client.get(f"/counties/{county.pk}/units/import/template.xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    notes = workbook.worksheets[1]
    return workbook.sheetnames, [row[0] for row in notes.iter_rows(values_only=True)]


def test_the_unit_template_explains_itself_in_the_chinese_of_before(login, data_manager, county):
    assert template_notes(login(data_manager), county) == (
        ["单位名录", "说明"],
        [
            "每行一个单位；示例行导入前请删除。",
            "简称/别名：第一个为简称，其余为公文中的其他写法，用“、”分隔。",
            "类型：县直部门、乡镇、村或社区、企业、其他；不填为县直部门（已有单位不变）。",
            "上级单位：本县已有单位或本表中单位的名称；不填为县人民政府。",
            "已有单位按单位名称匹配：更新其简称、类型、上级单位和提醒联系人，并增加别名。",
        ],
    )


def test_the_unit_template_explains_itself_in_english(login, data_manager, county, english):
    names, notes = template_notes(login(data_manager), county)
    assert names == ["单位名录", "How to fill in"]
    assert notes[0] == "One unit per row; delete the example rows before importing."
    assert notes[2] == (
        "类型: one of 县直部门、乡镇、村或社区、企业、其他; empty means 县直部门 (an existing unit keeps its type)."
    )


# Every message the readers mark, translated; the readers themselves without Django.


def test_every_message_the_readers_mark_has_its_chinese_with_the_same_placeholders():
    msgids = list(marked_msgids(ROOT / path for path in READERS))
    assert len(msgids) == 18
    assert untranslated(msgids) == []


@pytest.mark.parametrize("path", READERS)
def test_the_readers_import_no_django(path):
    assert not [module for module in imported_modules(ROOT / path) if module.split(".")[0] in ("django", "celery")]
