"""Tables laid out with spaces instead of TABs (pdftotext -layout, some word processors): read as tables, while
roster lines with padded names and letter-spaced labels stay roster lines. spaced-tables.txt is an invented issue of
松岭县; the expected values below were typed from reading it."""

from decimal import Decimal

from gazette.parsing import decode_gazette_bytes, tab_spaced_columns
from tests.gazette.extracted import SAMPLES, by_document, sample

SPACED = "spaced-tables.txt"


def test_rows_of_a_space_aligned_table_become_tab_rows_and_their_lines_keep_their_numbers():
    text = "说明文字。\n序号  工作任务  完成时限\n1  修路  2024年6月底\n\n2  架桥  2024年9月底\r\n结束。"
    assert tab_spaced_columns(text).split("\n") == [
        "说明文字。",
        "序号\t工作任务\t完成时限",
        "1\t修路\t2024年6月底",
        "",
        "2\t架桥\t2024年9月底\r",
        "结束。",
    ]


def test_a_single_wide_line_two_column_lines_and_roster_lines_are_not_tables():
    untouched = [
        "经研究  同意  该方案。",  # one line alone
        "孙海涛  县委副书记、县长\n吴建华  副县长",  # two cells each
        "组    长：赵  军  副县长\n副 组 长：孙丽华  县农业农村局局长",  # labelled roster lines
        "周  敏  县委常委\n郑  凯  副县长",  # padded names: one cell each
    ]
    for text in untouched:
        assert tab_spaced_columns(text) == text


def test_an_indented_row_inside_a_table_opens_with_an_empty_merged_cell():
    text = "树种  规格  标准\n杨树  胸径10厘米以下  30\n      胸径10厘米以上  60"
    assert tab_spaced_columns(text).split("\n")[2] == "\t胸径10厘米以上\t60"
    # Outside a table the same indented line is text.
    assert tab_spaced_columns("      胸径10厘米以上  60") == "      胸径10厘米以上  60"


def test_a_task_table_laid_out_with_spaces_proposes_its_rows():
    tasks = [task for task in by_document(sample(SPACED))["松政发〔2024〕11号"].tasks if task.from_table]
    assert [(task.title, [(unit.name, unit.role) for unit in task.units], task.deadline_text) for task in tasks] == [
        ("完成新建高标准农田2万亩", [("县农业农村局", "lead"), ("各乡镇人民政府", "supporting")], "2024年12月底"),
        ("实施高效节水灌溉工程5000亩", [("县水利局", "lead"), ("县农业农村局", "supporting")], "2025年6月底"),
    ]
    assert [task.span.start for task in tasks] == [57, 58]


def test_bare_amounts_take_their_unit_from_the_header_or_the_unit_column():
    rates = by_document(sample(SPACED))["松政办发〔2024〕15号"].rates
    from_tables = [(rate.item, rate.amount, rate.amount_max, rate.unit, rate.span.start) for rate in rates[3:]]
    assert from_tables == [
        ("砖混结构房屋", Decimal("680"), None, "元/平方米", 81),
        ("砖木结构房屋", Decimal("520"), None, "元/平方米", 82),
        ("果树（盛果期）", Decimal("150"), None, "元/株", 83),
        ("青苗", Decimal("1200"), None, "元/亩", 84),
        ("杨树 胸径10厘米以下", Decimal("30"), None, "元/株", 89),
        ("杨树 胸径10厘米以上", Decimal("60"), Decimal("80"), "元/株", 90),  # the merged 杨树 filled from above
    ]
    assert [rate.item for rate in rates[:3]] == ["一级区片", "二级区片", "三级区片"]


def test_roster_lines_with_padded_names_beside_the_tables_stay_a_roster():
    (roster,) = by_document(sample(SPACED))["松政发〔2024〕11号"].rosters
    assert [(member.role, member.name, member.title) for member in roster.members] == [
        ("组长", "赵军", "副县长"),
        ("副组长", "孙丽华", "县农业农村局局长"),
        ("成员", "周斌", "县财政局副局长"),
        ("成员", "吴国庆", "县水利局副局长"),
    ]


def test_the_text_imported_keeps_its_spaces_and_values_point_at_its_lines():
    """The conversion is only the parser's reading: the decoded text, which is stored and shown as each value's
    source, is as printed."""
    data = (SAMPLES / SPACED).read_bytes()
    lines = decode_gazette_bytes(data).split("\n")
    (rate,) = [rate for rate in by_document(sample(SPACED))["松政办发〔2024〕15号"].rates if rate.item == "青苗"]
    assert lines[rate.span.start - 1] == "4  青苗  亩  1200"


# spaced-table-wrapped-cells.txt (松岭县, typed by hand): a rectification list exported with its layout, narrow
# columns wrapping their cells onto lines of their own, under the column each began in.
WRAPPED = "spaced-table-wrapped-cells.txt"


def test_cells_wrapped_in_their_narrow_columns_join_their_rows():
    tasks = sample(WRAPPED)[0].tasks
    assert [
        (t.title, [(u.name, u.role) for u in t.units], t.deadline_text, t.span.start, t.span.end) for t in tasks
    ] == [
        ("完成城区污水管网改造12公里", [("县住建局", "responsible")], "2024年12月底前", 16, 17),
        (
            "建立村收集、乡镇转运、县处理的垃圾清运体系",
            [("各乡镇人民政府", "responsible")],
            "2024年11月底前",
            18,
            19,
        ),
        (
            "全面整治砂石料场",
            [("县自然资源局", "responsible"), ("县生态环境局", "responsible")],
            "2024年10月底前",
            20,
            21,
        ),
    ]
    assert tasks[1].row["反馈问题"] == "部分村庄生活垃圾清运不及时"


def test_a_wrapped_line_is_told_apart_from_a_merged_row_and_from_an_indented_paragraph():
    # Widths as displayed: a Chinese character takes two columns.
    table = "序号  任务      单位      时限\n1     修建道路  县交通局  6月底\n"
    assert tab_spaced_columns(table + "                县住建局").split("\n")[2] == "\u2063\t\t县住建局\t"
    # Three pieces in four columns: a row whose first cell is merged with the row above.
    assert tab_spaced_columns(table + "      架设桥梁  县交通局  9月底").split("\n")[2] == "\t架设桥梁\t县交通局\t9月底"
    # Under the first column, or wider than its column: text after the table.
    for after in ("  以上任务请认真落实。", "          以上任务请各单位认真落实并按时报送进展情况。"):
        assert tab_spaced_columns(table + after).split("\n")[2] == after
