"""Hostile Excel uploads: every import refuses them with a Chinese message, cheaply, and writes nothing.

The files are built here, small on disk; the work they cause is counted (cells read, workbooks loaded), not timed.
"""

import zipfile
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from common import sheets
from common.messages import translated
from common.sheets import Message, SheetError, cell_text, read_rows
from compensation.survey_sheet import read_survey_sheet
from org.models import Organisation
from org.unit_sheet import read_unit_sheet
from projects.models import Task
from projects.task_sheet import read_task_sheet

pytestmark = pytest.mark.django_db

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
    '<Relationship Id="rId2" Target="sharedStrings.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
    "</Relationships>"
)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
TASK_HEADER = ("任务", "牵头单位", "责任单位", "完成时限")
TASK_ROW = ("完成城区供热管网改造", "县住建局", "县财政局", "10月底前")


def column(index):
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def row_xml(number, values):
    cells = "".join(
        f'<c r="{column(index)}{number}" t="inlineStr"><is><t>{value}</t></is></c>'
        for index, value in enumerate(values, start=1)
        if value is not None
    )
    return f'<row r="{number}">{cells}</row>'


def workbook(rows=(), *, dimension="A1", sheet_xml=None, shared_strings=None):
    """An .xlsx file of one sheet: ``rows`` as (row number, values), or ``sheet_xml`` as chunks of the sheet's
    XML; ``shared_strings`` as chunks of the shared-string table's XML, written as they come."""
    if sheet_xml is None:
        sheet_xml = [
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><dimension ref="{dimension}"/>'
            "<sheetData>",
            *(row_xml(number, values) for number, values in rows),
            "</sheetData></worksheet>",
        ]
    if shared_strings is None:
        shared_strings = [f'<sst xmlns="{MAIN}" count="0" uniqueCount="0"/>']
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in (
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", RELS),
            ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ):
            package.writestr(name, text)
        for name, chunks in (("xl/worksheets/sheet1.xml", sheet_xml), ("xl/sharedStrings.xml", shared_strings)):
            with package.open(name, "w", force_zip64=True) as part:
                for chunk in chunks:
                    part.write(chunk.encode() if isinstance(chunk, str) else chunk)
    return buffer.getvalue()


class CountingCells:
    """``cell_text`` that counts the cells it is asked to read."""

    def __init__(self):
        self.calls = 0

    def __call__(self, value):
        self.calls += 1
        return cell_text(value)


def read(data, counter=None, max_rows=5000):
    return read_rows(
        data,
        columns=TASK_HEADER,
        required=TASK_HEADER,
        marker="任务",
        cell_text=counter or cell_text,
        max_rows=max_rows,
        max_bytes=5 * 1024 * 1024,
        no_header=Message("No header"),
    )


def refusal(data, counter=None, **options):
    with pytest.raises(SheetError) as refused:
        read(data, counter, **options)
    return translated(refused.value.message)


def test_a_plain_workbook_built_here_reads_back():
    rows = read(workbook([(1, TASK_HEADER), (2, TASK_ROW)]))
    assert [(row.number, row.values["任务"]) for row in rows] == [(2, "完成城区供热管网改造")]


def test_a_300_mb_shared_string_in_a_small_file_is_refused_before_it_is_unpacked(monkeypatch):
    megabyte = b"A" * (1024 * 1024)
    data = workbook(
        [(1, TASK_HEADER)],
        shared_strings=[f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>', *[megabyte] * 300, "</t></si></sst>"],
    )
    assert len(data) < 400 * 1024
    loads = []
    monkeypatch.setattr(sheets, "load_workbook", lambda *args, **kwargs: loads.append(args))
    assert "解压后超过 50 MB" in refusal(data)
    assert loads == []


def test_a_part_packed_a_thousand_to_one_is_refused_even_under_the_total(monkeypatch):
    filler = ["<!--", *[b" " * (1024 * 1024)] * 20, "-->"]
    data = workbook(sheet_xml=[f'<worksheet xmlns="{MAIN}"><sheetData/>', *filler, "</worksheet>"])
    monkeypatch.setattr(sheets, "load_workbook", pytest.fail)
    assert "压缩比异常" in refusal(data)


@pytest.mark.parametrize("dimension", ["A1", "A1:XFD1048576"])
def test_300000_blank_rows_and_one_real_row_are_refused_after_the_blank_row_budget(dimension):
    counter = CountingCells()
    data = workbook([(1, TASK_HEADER), (300_002, TASK_ROW)], dimension=dimension)
    assert "空行超过 10000 行" in refusal(data, counter)
    assert counter.calls <= sheets.MAX_COLUMNS + 1  # the header's cells only: a blank row costs no cell reading


def test_blank_rows_written_out_one_by_one_are_refused_after_the_budget():
    counter = CountingCells()
    blank = (f'<row r="{number}"><c r="A{number}" s="0"/></row>' for number in range(2, 20_002))
    sheet_xml = [f'<worksheet xmlns="{MAIN}"><sheetData>', row_xml(1, TASK_HEADER), *blank, "</sheetData></worksheet>"]
    assert "空行超过" in refusal(workbook(sheet_xml=sheet_xml), counter)
    assert counter.calls <= sheets.MAX_COLUMNS + 1


def test_a_row_beyond_the_declared_size_is_still_read():
    rows = read(workbook([(1, TASK_HEADER), (2, TASK_ROW), (3, TASK_ROW)], dimension="A1:D2"))
    assert [row.number for row in rows] == [2, 3]


def test_more_rows_than_the_import_allows_are_refused():
    rows = [(1, TASK_HEADER), *[(number, TASK_ROW) for number in range(2, 13)]]
    assert "一次最多导入 10 行" in refusal(workbook(rows), max_rows=10)


def test_a_51st_column_is_refused():
    assert "超过 50 列" in refusal(workbook([(1, (*TASK_HEADER, *[None] * 46, "多余"))]))


def test_a_cell_longer_than_2000_characters_is_refused():
    assert "第 2 行有单元格超过 2000 个字" in refusal(workbook([(1, TASK_HEADER), (2, ("长" * 2001, *TASK_ROW[1:]))]))


def test_an_entity_expansion_in_the_sheet_is_refused():
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
        f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    assert "不是 Excel 工作簿" in refusal(workbook(sheet_xml=[laughs]))


def test_a_workbook_whose_sheet_is_not_xml_is_refused():
    assert "不是 Excel 工作簿" in refusal(workbook(sheet_xml=["<worksheet"]))


def test_every_import_reads_through_the_same_limits():
    bomb = workbook([(1, ("户号", "户主", "单位名称")), (2, ("长" * 2001,))])
    for reader in (read_task_sheet, read_unit_sheet, read_survey_sheet):
        with pytest.raises(SheetError):
            reader(bomb)


# Through the import pages: a clear message, and nothing written.


def test_the_task_import_refuses_a_file_over_5_mb(login, data_manager, county):
    big = SimpleUploadedFile("tasks.xlsx", b"\0" * (5 * 1024 * 1024 + 1))
    response = login(data_manager).post("/tasks/import/", {"file": big, "reference": "2024-03-01", "county": county.pk})
    assert "5 MB" in str(response.context["form"].errors["file"])
    assert not Task.objects.exists()


def test_the_task_import_page_refuses_a_blank_row_bomb_and_writes_nothing(login, data_manager, county):
    data = workbook([(1, TASK_HEADER), (300_002, TASK_ROW)], dimension="A1:XFD1048576")
    client = login(data_manager)
    upload = SimpleUploadedFile("tasks.xlsx", data)
    response = client.post("/tasks/import/", {"file": upload, "reference": "2024-03-01", "county": county.pk})
    assert "空行超过" in str(response.context["form"].errors["file"])
    client.post("/tasks/import/confirm/")
    assert not Task.objects.exists()


def test_the_unit_import_page_refuses_a_long_cell_and_writes_nothing(login, data_manager, county):
    units = Organisation.objects.count()
    data = workbook([(1, ("单位名称", "类型")), (2, ("局" * 2001, "县直部门"))])
    client = login(data_manager)
    response = client.post(f"/counties/{county.pk}/units/import/", {"file": SimpleUploadedFile("u.xlsx", data)})
    assert "超过 2000 个字" in str(response.context["form"].errors["file"])
    assert Organisation.objects.count() == units
