"""A county's unit directory (单位名录) as an Excel sheet: the template, and reading rows back. No Django.

One unit per row. 简称/别名 lists the unit's short name first and then the other ways documents write it, separated
by 、; 上级单位 names a unit of the county or of the same sheet (empty: the county itself).
"""

from common import sheets
from common.sheets import Message, SheetError, cell_text, gettext_noop, read_rows

COLUMNS = ("单位名称", "简称/别名", "类型", "上级单位", "提醒联系人", "邮箱", "电话")
REQUIRED = ("单位名称",)
MAX_ROWS = 2000
MAX_BYTES = 2 * 1024 * 1024

# 类型 as a sheet writes it → Organisation.Kind's value.
KINDS = {
    "县直部门": "department",
    "部门": "department",
    "县直单位": "department",
    "乡镇": "township",
    "乡": "township",
    "镇": "township",
    "街道": "township",
    "村或社区": "village",
    "村（社区）": "village",
    "村(社区)": "village",
    "村": "village",
    "社区": "village",
    "企业": "enterprise",
    "其他": "other",
}
KIND_NAMES = ("县直部门", "乡镇", "村或社区", "企业", "其他")
NO_HEADER = Message(
    gettext_noop(
        "No header row found: the first sheet should have columns such as “单位名称”, “简称/别名”, “类型” and "
        "“上级单位”."
    )
)
# The template's notes; the column names and 类型's words are the sheet's own, in Chinese in every language.
NOTES = (
    Message(gettext_noop("One unit per row; delete the example rows before importing.")),
    Message(
        gettext_noop(
            "简称/别名: the short name first, then the other ways documents write the unit, separated by “、”."
        )
    ),
    Message(
        gettext_noop("类型: one of %(kinds)s; empty means 县直部门 (an existing unit keeps its type)."),
        {"kinds": "、".join(KIND_NAMES)},
    ),
    Message(
        gettext_noop("上级单位: the name of a unit of the county or of this sheet; empty means the county government.")
    ),
    Message(
        gettext_noop(
            "An existing unit is found by 单位名称: its short name, type, parent unit and reminder contact are "
            "updated, and its aliases added."
        )
    ),
)


class UnitSheetError(SheetError):
    """The file is not a unit directory this reader understands."""


def template_workbook(*, translate):
    """An empty unit directory with the header row and three examples, as .xlsx bytes; ``translate`` puts the
    notes (``Message``s) in words, in the user's language."""
    return sheets.template_workbook(
        title="单位名录",
        columns=COLUMNS,
        examples=[
            ("交城县住房和城乡建设局", "县住建局、交城县住建局", "县直部门", "", "张三", "zhangsan@example.cn", ""),
            ("天宁镇人民政府", "天宁镇", "乡镇", "", "", "", ""),
            ("城北社区居民委员会", "城北社区", "村或社区", "天宁镇人民政府", "", "", ""),
        ],
        widths=(30, 30, 12, 24, 12, 26, 16),
        notes=NOTES,
        translate=translate,
    )


def read_unit_sheet(data):
    """The non-empty rows of the first sheet, found by the header names wherever the header row is."""
    return read_rows(
        data,
        columns=COLUMNS,
        required=REQUIRED,
        marker="单位名称",
        cell_text=cell_text,
        max_rows=MAX_ROWS,
        max_bytes=MAX_BYTES,
        no_header=NO_HEADER,
        error=UnitSheetError,
    )


def kind_of(text):
    """Organisation.Kind's value for a 类型 cell: None when empty, "" when not understood."""
    text = (text or "").strip()
    if not text:
        return None
    return KINDS.get(text, "")
