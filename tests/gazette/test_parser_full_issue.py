"""The parser on an invented full issue of 柳河县人民政府公报 (samples/full-issue.txt): every layout the tests on the
real issues check (test_parser_xingxian.py), on a file that is part of the repository and always runs.

Expected values were typed from reading the sample. Tuples are (number, normalised title, 文种, signed, public).
"""

from datetime import date

from gazette.parsing import as_json, parse_gazette
from tests.gazette.extracted import SAMPLES
from tests.helpers import shown_warnings

NAME = "full-issue.txt"
DOCUMENTS = [
    ("柳政发〔2024〕3号", "关于印发柳河县农村供水保障三年行动方案的通知", "通知", "2024-07-15", True),
    ("柳政发〔2024〕5号", "关于做好2024年秋冬季安全生产工作的通知", "通知", "2024-09-02", True),
    (None, "关于开展2024年度经济普查入户登记工作的通知", "通知", "2024-08-06", False),
    ("柳政函〔2024〕12号", "关于同意2024-03号宗地国有建设用地使用权划拨方案的批复", "批复", "2024-08-20", True),
    ("柳政函〔2024〕14号", "关于柳河县2023年度财政决算情况的报告", "报告", "2024-08-26", True),
    ("柳政办发〔2024〕8号", "关于印发柳河县节约用水管理办法等制度的通知", "通知", "2024-08-28", True),
    ("柳政办发〔2024〕9号", "关于调整柳河县防汛抗旱指挥部组成人员的通知", "通知", "2024-09-10", True),
    ("柳政办发〔2024〕10号", "关于开展节水型单位创建工作的通知", "通知", "2024-09-12", True),
    (None, "关于报送2024年上半年政务公开工作情况的通知", "通知", "2024-07-01", False),
    ("柳政办发〔2024〕11号", "关于印发柳河县矿产资源总体规划（2021-2025年）的通知", "通知", "2024-09-18", True),
    ("柳政办发〔2024〕12号", "关于公布柳河县涉企行政事业性收费目录清单的通知", "通知", "2024-09-25", True),
]
_parsed = []


def parsed():
    if not _parsed:
        _parsed.append(parse_gazette((SAMPLES / NAME).read_text(encoding="utf-8")))
    return _parsed[0]


def documents():
    return {document.number or document.title_normalised: document for document in parsed().documents}


def test_every_document_of_the_body_is_found_with_its_data():
    found = [
        (d.number, d.title_normalised, d.kind, d.signed.isoformat() if d.signed else None, d.public)
        for d in parsed().documents
    ]
    assert found == DOCUMENTS


def test_masthead_with_issue_cumulative_number_and_publication_day():
    issue = parsed().meta
    assert (issue.gazette, issue.county, issue.year, issue.number, issue.cumulative, issue.published) == (
        "柳河县人民政府公报",
        "柳河县",
        2024,
        3,
        18,
        date(2024, 9, 30),
    )


def test_contents_entries_on_one_line_or_two_with_dot_leaders_or_a_tab_before_the_page():
    issue = parsed()
    assert issue.has_toc
    assert [(entry.number, entry.page, entry.section) for entry in issue.toc] == [
        ("柳政发〔2024〕3号", 1, "县政府文件"),  # two lines, ……
        ("柳政发〔2024〕5号", 6, "县政府文件"),  # one line, ……
        (None, 8, "县政府文件"),  # no number, TAB
        ("柳政函〔2024〕12号", 10, "县政府文件"),  # （2024） and a space before 号, TAB
        ("柳政函〔2024〕14号", 12, "县政府文件"),  # title and a TAB, then number, TAB, page
        ("柳政办发〔2024〕8号", 14, "县政府办公室文件"),  # two lines, ·····
        ("柳政办发〔2024〕9号", 20, "县政府办公室文件"),
        ("柳政办发〔2024〕10号", 22, "县政府办公室文件"),
        (None, 25, "县政府办公室文件"),
        ("柳政办发〔2024〕11号", 26, "县政府办公室文件"),
        ("柳政办函〔2024〕5号", 30, "县政府办公室文件"),
    ]
    assert issue.toc[0].title == "关于印发柳河县农村供水保障三年行动方案的通知"


def test_issuers_follow_the_series():
    for document in parsed().documents:
        if document.number:
            office = "办" in document.series
            assert document.issuer == ("柳河县人民政府办公室" if office else "柳河县人民政府"), document.number


def test_documents_without_number_take_the_issuer_printed_in_their_heading():
    unnumbered = [d for d in parsed().documents if d.number is None]
    assert [(d.issuer, d.toc_page) for d in unnumbered] == [("柳河县人民政府", 8), ("柳河县人民政府办公室", 25)]


def test_a_contents_entry_missing_from_the_body_is_reported():
    issue = parsed()
    assert [(entry.number, entry.title_normalised, entry.page) for entry in issue.missing_from_body] == [
        ("柳政办函〔2024〕5号", "关于成立柳河县小杂粮产业发展工作专班的通知", 30)
    ]
    assert "第29行：目录中的《关于成立柳河县小杂粮产业发展工作专班的通知》在正文中未找到" in shown_warnings(issue)


def test_a_document_the_contents_do_not_list_is_reported():
    issue = parsed()
    assert [document.number for document in issue.not_in_toc] == ["柳政办发〔2024〕12号"]
    assert "第184行：正文中的《关于公布柳河县涉企行政事业性收费目录清单的通知》不在目录中" in shown_warnings(issue)


def test_documents_reprinted_inside_another_are_not_documents_of_the_issue():
    """柳政办发〔2024〕11号 prints its plan with annexes: the county's own earlier request (柳政函〔2023〕60号, cited by
    the plan, with a heading like any document's) and a city bureau's opinion. Neither is a document of this issue."""
    issue = parsed()
    numbers = {document.number for document in issue.documents}
    assert not numbers & {"柳政函〔2023〕60号", "松自然资函〔2024〕208号"}
    assert "第169行：柳政函〔2023〕60号为上一份公文引用并附印的文件，不作为本期公文" in shown_warnings(issue)
    plan = documents()["柳政办发〔2024〕11号"]
    assert plan.cited_numbers == ["松自然资函〔2024〕208号", "柳政函〔2023〕60号"]
    assert [annex.title for annex in plan.attachments] == [
        "柳河县人民政府关于报请审查矿产资源总体规划的请示",
        "松岭市自然资源局关于柳河县矿产资源总体规划的审查意见",
    ]


def test_contents_pages_and_title_differences_are_warned_about():
    assert [d.toc_page for d in parsed().documents] == [1, 6, 8, 10, 12, 14, 20, 22, 25, 26, None]
    warnings = shown_warnings(parsed())
    # 关于关于… in the contents; 2024年 in the contents against 2024年度 in the body (matched by title, one apart).
    assert any(w.startswith("第27行：目录标题与正文不一致") for w in warnings)
    assert any(w.startswith("第15行：目录标题与正文不一致") and "2024年度" in w for w in warnings)


def test_instruments_of_notices_that_issue_them():
    found = documents()
    water = found["柳政发〔2024〕3号"].instrument
    assert water.title == "柳河县农村供水保障三年行动方案（2024—2026年）"
    assert water.title_normalised == "柳河县农村供水保障三年行动方案（2024—2026年）"
    assert water.blocks and water.span.start > found["柳政发〔2024〕3号"].span.start
    minerals = found["柳政办发〔2024〕11号"].instrument
    assert minerals.title_normalised == "柳河县矿产资源总体规划（2021-2025年）"
    assert minerals.blocks[0].text == "一、规划依据"


def test_a_notice_with_its_content_inline_has_no_instrument():
    assert documents()["柳政发〔2024〕5号"].instrument is None


def test_annexes_after_the_signature():
    measures = documents()["柳政办发〔2024〕8号"]
    assert measures.instrument is None  # a 印发 notice whose instruments are printed as annexes
    assert [annex.title for annex in measures.attachments] == [
        "柳河县节约用水管理办法",
        "柳河县公共机构节水管理制度",
        "柳河县节水型企业评价标准",
    ]
    assert [block.text for block in measures.attachments[0].blocks] == [
        "第一条 为加强用水管理，节约水资源，制定本办法。",
        "第二条 本县行政区域内的单位和个人，应当遵守本办法。",
    ]


def test_addressee_and_its_absence():
    found = documents()
    assert found["柳政函〔2024〕14号"].addressee == "县人大常委会:"
    assert found["柳政函〔2024〕12号"].addressee == "县自然资源局："
    assert found["柳政办发〔2024〕12号"].addressee == ""  # the notice goes straight into its text


def test_a_signature_merged_into_the_annex_list_is_still_read():
    document = documents()["柳政办发〔2024〕10号"]
    assert (document.signed, document.public) == (date(2024, 9, 12), True)
    assert [annex.title for annex in document.attachments] == ["柳河县节水型单位评价标准", "柳河县节水型企业评价标准"]


def test_numbers_in_brackets_of_any_width_are_normalised():
    found = documents()
    assert found["柳政函〔2024〕12号"].number_raw == "柳政函（2024）12 号"
    assert found["柳政函〔2024〕14号"].number_raw == "柳政函(2024)14号"
    assert found["柳政办发〔2024〕8号"].number_raw == "柳政办发〔2024〕8 号"


def test_a_heading_cut_by_a_page_break_is_rejoined_and_tables_keep_their_rows():
    water = documents()["柳政发〔2024〕3号"].instrument
    headings = [block.text for block in water.blocks if block.kind == "heading"]
    assert headings == ["一、提高思想认识，切实把农村供水保障工作摆在突出位置", "二、工作目标"]
    fees = documents()["柳政办发〔2024〕12号"]
    table = next(block for block in fees.blocks if block.kind == "table")
    assert table.rows == [
        ["收费项目", "计费单位", "收费标准", "备注"],
        ["不动产登记费", "件", "550元", "住宅类80元"],
        ["土地复垦费", "平方米", "6元", ""],
        ["防空地下室易地建设费", "平方米", "1800元", ""],
        ["污水处理费", "吨", "0.95元", ""],  # the header printed again after the page break is dropped
        ["城市道路占用费", "平方米·日", "1元", "临时占用"],
    ]


def test_roster_lines_stay_apart_and_wrapped_posts_are_rejoined():
    texts = [block.text for block in documents()["柳政办发〔2024〕9号"].blocks]
    assert "指 挥 长：郑国华 县委副书记、县人民政府县长" in texts
    assert "宋建民 县现代农业发展服务中心主任" in texts
    assert "各乡镇乡镇长" in texts


def test_policy_consultation_boxes_and_the_back_cover_are_not_content():
    for document in parsed().documents:
        blocks = document.blocks + (document.instrument.blocks if document.instrument else [])
        blocks += [block for annex in document.attachments for block in annex.blocks]
        for block in blocks:
            assert "扫码咨询" not in block.text and "咨询电话" not in block.text and "服务群众" not in block.text
    flood = documents()["柳政办发〔2024〕9号"]
    assert flood.span.end == 124  # the (此件公开发布) line; the box after it is no part of the document


def test_report_shape():
    report = as_json(parsed(), NAME)
    assert report["issue"] == {
        "gazette": "柳河县人民政府公报",
        "county": "柳河县",
        "year": 2024,
        "number": 3,
        "cumulative": 18,
        "published": "2024-09-30",
    }
    assert report["toc_entries"] == 11 and len(report["documents"]) == 11
    assert report["documents"][0] == {
        "number": "柳政发〔2024〕3号",
        "issuer": "柳河县人民政府",
        "title": "关于印发柳河县农村供水保障三年行动方案的通知",
        "kind": "通知",
        "signed": "2024-07-15",
        "public": True,
        "toc_page": 1,
        "instrument_title": "柳河县农村供水保障三年行动方案（2024—2026年）",
        "start_line": 32,
    }
    assert report["missing_from_body"] == [
        {"number": "柳政办函〔2024〕5号", "title": "关于成立柳河县小杂粮产业发展工作专班的通知"}
    ]
