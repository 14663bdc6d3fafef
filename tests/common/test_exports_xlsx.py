"""The XLSX of any export (lists, roll-up, scorecard): each kind of value read back as it was written, text kept as
text, the header bold and frozen."""

import datetime
import decimal

import openpyxl

from common import exports

ROWS = [
    ["名称", "数量", "日期"],
    ["=1+1", 3, datetime.date(2025, 3, 1)],
    ["@SUM(A1:A2)", decimal.Decimal("12.50"), datetime.datetime(2025, 3, 1, 8, 30)],
    ["-5", 2.25, None],
    ["普通\x07文字", True, ""],
    ["+86 123", False, datetime.time(9, 15)],
    ["\r=1\r\n2", 0, None],
]


def read_back(rows, title="任务"):
    return openpyxl.load_workbook(exports._xlsx_file(rows, title)).active


def test_every_kind_of_value_reads_back_as_written_and_text_stays_text():
    sheet = read_back(ROWS)
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["名称", "数量", "日期"],
        ["=1+1", 3, datetime.datetime(2025, 3, 1)],
        ["@SUM(A1:A2)", 12.5, datetime.datetime(2025, 3, 1, 8, 30)],
        ["-5", 2.25, None],
        ["普通文字", True, None],  # what XML cannot hold is dropped
        ["+86 123", False, datetime.time(9, 15)],
        ["\n=1\n2", 0, None],  # XML reads a carriage return as a line feed
    ]
    texts = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert all(cell.data_type == "s" for cell in texts)
    assert [cell.quotePrefix for cell in texts] == [True, True, True, False, True, True]
    assert [sheet.cell(row, 3).number_format for row in (2, 3, 6)] == ["yyyy-mm-dd", "yyyy-mm-dd h:mm:ss", "h:mm:ss"]


def test_the_header_is_bold_frozen_and_as_wide_as_its_names():
    sheet = read_back([["任务", "责任单位及其分工情况说明"], ["一", "二"]], title="tasks: [all]")
    assert sheet.title == "tasks- -all-"
    assert [cell.font.bold for cell in sheet[1]] == [True, True] and not sheet["A2"].font.bold
    assert sheet.freeze_panes == "A2"
    # Twice the characters of the name and some room, at least 12 (XlsxWriter adds the cell's padding).
    widths = [int(sheet.column_dimensions[letter].width) for letter in "AB"]
    assert widths == [12, 2 * len("责任单位及其分工情况说明") + 4]


def test_an_export_of_only_its_header_is_a_workbook():
    sheet = read_back([["任务"]])
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [["任务"]]
