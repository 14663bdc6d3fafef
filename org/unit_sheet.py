"""A county's unit directory (单位名录) as an Excel sheet: the template, and reading rows back. No Django.

One unit per row. 简称/别名 lists the unit's short name first and then the other ways documents write it, separated
by 、; 上级单位 names a unit of the county or of the same sheet (empty: the county itself).
"""

from common import sheets
from common.sheets import SheetError, cell_text, read_rows

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


class UnitSheetError(SheetError):
    """The file is not a unit directory this reader understands."""


def template_workbook():
    """An empty unit directory with the header row and three examples, as .xlsx bytes."""
    return sheets.template_workbook(
        title="单位名录",
        columns=COLUMNS,
        examples=[
            ("交城县住房和城乡建设局", "县住建局、交城县住建局", "县直部门", "", "张三", "zhangsan@example.cn", ""),
            ("天宁镇人民政府", "天宁镇", "乡镇", "", "", "", ""),
            ("城北社区居民委员会", "城北社区", "村或社区", "天宁镇人民政府", "", "", ""),
        ],
        widths=(30, 30, 12, 24, 12, 26, 16),
        notes=(
            "每行一个单位；示例行导入前请删除。",
            "简称/别名：第一个为简称，其余为公文中的其他写法，用“、”分隔。",
            "类型：" + "、".join(KIND_NAMES) + "；不填为县直部门（已有单位不变）。",
            "上级单位：本县已有单位或本表中单位的名称；不填为县人民政府。",
            "已有单位按单位名称匹配：更新其简称、类型、上级单位和提醒联系人，并增加别名。",
        ),
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
        no_header="没有找到表头：第一张工作表中应有“单位名称”“简称/别名”“类型”“上级单位”等列。",
        error=UnitSheetError,
    )


def kind_of(text):
    """Organisation.Kind's value for a 类型 cell: None when empty, "" when not understood."""
    text = (text or "").strip()
    if not text:
        return None
    return KINDS.get(text, "")
