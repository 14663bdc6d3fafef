"""The parser on invented gazettes of other counties and layouts (tests/gazette/samples/) and on the demo sample."""

from datetime import date

import pytest

from common.messages import translated
from gazette.parsing import GazetteParseError, as_json, decode_gazette_bytes, parse_gazette
from tests.gazette.extracted import SAMPLES
from tests.helpers import shown_warnings
from tests.shared import SAMPLE as DEMO


def parse(name):
    return parse_gazette(decode_gazette_bytes((SAMPLES / name).read_bytes()))


def summary(issue):
    return [(d.number, d.issuer, d.title_normalised, d.kind, d.signed, d.public, d.toc_page) for d in issue.documents]


def test_the_demo_sample_parses_cleanly():
    issue = parse_gazette(DEMO.read_text(encoding="utf-8"))
    assert issue.warnings == [] and issue.missing_from_body == [] and issue.not_in_toc == []
    assert (issue.meta.county, issue.meta.year, issue.meta.number, issue.meta.cumulative) == ("示例县", 2024, 1, 5)
    assert issue.meta.published == date(2024, 3, 28)
    assert [d.kind for d in issue.documents] == ["通知", "通知", "批复", "函", "通知", "通知"]
    assert [d.toc_page for d in issue.documents] == [1, 4, 6, 7, 8, 10]
    plan, group, parcel, letter, tasks, rivers = issue.documents
    assert plan.instrument.title == "示例县2024年春季植树造林工作方案"
    assert "示政发〔2021〕9号" in plan.cited_numbers
    assert "组 长：李明远 县委副书记、县长" in [block.text for block in group.blocks]
    assert "各乡（镇）乡（镇）长" in [block.text for block in group.blocks]
    assert (
        parcel.number == "示政函〔2024〕12号"
        and parcel.title == "关于 2024-02 号宗地国有建设用地使用权挂牌出让方案的批复"
    )
    assert letter.public is False  # 此件依申请公开
    table = tasks.attachments[0].blocks[0]
    assert table.kind == "table" and len(table.rows) == 5  # the header repeated after the page break is dropped
    assert table.rows[3][3] == "3月底前"  # <p> tags stripped from the cell
    assert [(a.title, a.online_only, a.blocks) for a in rivers.attachments] == [("示例县第一批县级河长名单", True, [])]


def test_two_line_contents_entries_with_dash_pages_and_bracketed_sections():
    issue = parse("two-line-toc.txt")
    assert [(e.number, e.page, e.section) for e in issue.toc] == [
        ("样政发〔2022〕21号", 3, "【县政府文件】"),
        ("样政发〔2022〕24号", 7, "【县政府文件】"),
        ("样政办发〔2022〕40号", 9, "【县政府办公室文件】"),
        ("样政办发〔2022〕43号", 11, "【县政府办公室文件】"),
        ("样政办发〔2022〕45号", 13, "【县政府办公室文件】"),
    ]
    assert issue.toc[0].title == "关于印发样本县乡村道路养护管理办法的通知"
    assert summary(issue) == [
        (
            "样政发〔2022〕21号",
            "样本县人民政府",
            "关于印发样本县乡村道路养护管理办法的通知",
            "通知",
            date(2022, 8, 2),
            True,
            3,
        ),
        (
            "样政发〔2022〕24号",
            "样本县人民政府",
            "关于表彰2022年度防汛工作先进集体的决定",
            "决定",
            date(2022, 9, 5),
            True,
            7,
        ),
        (
            "样政办发〔2022〕40号",
            "样本县人民政府办公室",
            "关于做好2022年秋季森林防火工作的通知",
            "通知",
            date(2022, 9, 1),
            True,
            9,
        ),
        (
            "样政办发〔2022〕43号",
            "样本县人民政府办公室",
            "关于调整样本县食品安全委员会组成人员的通知",
            "通知",
            date(2022, 9, 13),
            True,
            11,
        ),
    ]
    assert [(e.number, e.title) for e in issue.missing_from_body] == [
        ("样政办发〔2022〕45号", "关于开展农村集体资产清查的通知")
    ]
    assert issue.documents[0].instrument.title == "样本县乡村道路养护管理办法"
    assert (issue.meta.year, issue.meta.number, issue.meta.cumulative) == (2022, 3, 11)


def test_no_masthead_and_no_contents():
    issue = parse("no-masthead.txt")
    assert issue.has_toc is False and issue.toc == [] and issue.missing_from_body == [] and issue.not_in_toc == []
    assert (issue.meta.gazette, issue.meta.county, issue.meta.year) == (None, None, None)
    assert as_json(issue, "no-masthead.txt")["toc_entries"] is None
    notice, request, opinion = issue.documents
    assert (notice.number, notice.kind, notice.addressee, notice.public) == ("某政发〔2022〕6号", "通告", "", True)
    assert (request.kind, request.signed, request.signed_raw) == ("请示", None, "2022年2月30日")
    assert "第29行：落款日期“2022年2月30日”无法识别" in shown_warnings(issue)
    assert (opinion.number, opinion.issuer, opinion.kind, opinion.public) == (
        None,
        "某某县人民政府办公室",
        "意见",
        False,
    )


def test_hard_wrapped_text_with_a_blank_line_after_every_line():
    issue = parse("hard-wrapped.txt")
    assert issue.warnings == []
    assert [(e.title_normalised, e.page) for e in issue.toc] == [
        ("关于印发演示县城乡环境卫生整治三年行动方案的通知", 1),
        ("关于成立演示县创建省级文明城市工作指挥部的通知", 5),
    ]
    plan, command = issue.documents
    assert (plan.number, plan.title, plan.signed) == (
        "演政办发〔2023〕15号",
        "关于印发演示县城乡环境卫生整治三年行动方案的通知",
        date(2023, 5, 8),
    )
    assert plan.addressee == "各乡镇人民政府，县直各有关单位，各驻县单位："
    assert plan.instrument.title == "演示县城乡环境卫生整治三年行动方案"
    texts = [(block.kind, block.text) for block in plan.instrument.blocks]
    assert ("heading", "一、总体目标") in texts
    assert ("paragraph", "（一）开展垃圾清理。全面清理房前屋后、河塘沟渠的积存垃圾，做到日产日清。") in texts
    assert [block.text for block in plan.blocks] == [
        "《演示县城乡环境卫生整治三年行动方案》已经县人民政府同意，现印发给你们，请结合实际认真贯彻落实。"
    ]
    assert command.title_normalised == "关于成立演示县创建省级文明城市工作指挥部的通知"


def test_another_countys_series_with_the_number_before_the_heading_in_any_bracket():
    issue = parse("other-series.txt")
    assert issue.warnings == [] and issue.missing_from_body == [] and issue.not_in_toc == []
    assert [(d.number, d.series, d.year, d.sequence) for d in issue.documents] == [
        ("临政函〔2022〕88号", "临政函", 2022, 88),
        ("临政办发〔2022〕31号", "临政办发", 2022, 31),
        ("临政办函〔2022〕7号", "临政办函", 2022, 7),
        ("临办字〔2022〕12号", "临办字", 2022, 12),
    ]
    assert [d.number_raw for d in issue.documents] == [
        "临政函（2022）88 号",
        "临政办发(2022)31号",
        "临政办函〔2022〕7 号",
        "临办字［2022］12号",
    ]
    parcel = issue.documents[0]
    assert parcel.cited_numbers == ["临自然资字〔2022〕56号", "临政发〔2022〕3号"]
    assert parcel.span.start == 21  # the number line before the heading belongs to the document
    assert issue.documents[1].instrument.title == "临溪县冬季清洁取暖工作方案（2022年修订）"
    assert issue.documents[2].addressee == "邻县人民政府办公室："


def test_a_table_cut_by_a_page_break_with_its_header_repeated():
    issue = parse("table-page-break.txt")
    (annex,) = issue.documents[0].attachments
    assert annex.title == "测试县2024年度重点项目建设计划表" and not annex.online_only
    (table,) = annex.blocks
    assert table.rows == [
        ["序号", "项目名称", "建设内容", "总投资（万元）", "责任单位"],
        ["1", "城南污水处理厂", "新建日处理1万吨污水处理厂一座", "8500", "县住建局"],
        ["2", "北环路改造", "改造道路4.5公里", "", "县交通运输局"],
        ["3", "第一中学教学楼", "新建教学楼一栋，建筑面积12000平方米", "6200", "县教育局"],
        ["4", "县医院住院楼", "新建住院楼，床位300张", "15000", "县卫生健康局"],
    ]
    assert "PM2.5" in issue.documents[1].blocks[0].text


def test_a_gb18030_file_with_crlf_line_endings():
    issue = parse("gb18030.txt")
    (document,) = issue.documents
    assert document.title == "关于印发范例县𠮷祥湖湿地保护办法的通知"
    assert document.instrument.title == "范例县𠮷祥湖湿地保护办法"
    assert issue.meta.county == "范例县"


def test_a_heading_issued_by_another_authority_is_body_text():
    text = (SAMPLES / "no-masthead.txt").read_text(encoding="utf-8")
    reprint = "\n邻市人民政府 关于转发防汛工作要点的通知\n\n邻政发〔2022〕1号\n\n各县人民政府：\n\n请遵照执行。\n"
    issue = parse_gazette(text.replace("妥否，请批示。", "妥否，请批示。\n" + reprint))
    assert [d.number for d in issue.documents] == ["某政发〔2022〕6号", "某政函〔2022〕11号", None]
    assert any("邻市人民政府" in warning and "不属于本县" in warning for warning in shown_warnings(issue))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n\t ",
        "这是一段普通的文字，不是政府公报。\n没有文号，也没有标题。\n",
        "兴县人民政府公报\n2023年第1期\n",
    ],
)
def test_text_that_is_no_gazette_is_refused_in_chinese(text):
    with pytest.raises(GazetteParseError) as error:
        parse_gazette(text)
    assert "公报" in translated(error.value.message) or "空" in translated(error.value.message)
