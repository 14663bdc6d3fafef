"""The parser on invented gazettes of three counties, in layouts the other samples do not show (issue 15):

- grouped-two-line-toc.txt (清河县): a contents grouped under 【…】 sections, every title wrapped over two lines,
  entries that open with their issuer (县人民政府关于…, 清河县人民政府办公室关于…), pages as `- 1 -` on a line of
  their own, ` - 6 -` or `…… 9` or `　　12` at the end of the line, or none; one entry missing from the body.
- narrow-no-contents.txt (东平县): no masthead, no contents, every line hard-wrapped at 12 characters, headings
  included (`东平县人民政府办公室 关` | `于加强…`).
- wrapped-headings.txt (白水县): headings wrapped right after 的 and signature dates wrapped mid-date (`2023年` |
  `10月16日`), 关于印发…的通知 notices and one whose printed title stops at the instrument (关于印发…办法).
- bracketed-pages-labelled-tasks.txt (青石县): a masthead without 人民, contents whose pages are printed in brackets
  after the title (`…的通知（1）`, `…的通知 (4)`), a section of appointments.

Every expected value was typed by hand from reading the sample. Document tuples are
(number, normalised title, 文种, signed, issuer).
"""

import re
from datetime import date

import pytest

from gazette.parsing import decode_gazette_bytes, parse_gazette
from gazette.parsing.masthead import parse_masthead
from gazette.parsing.numbers import trailing_number
from gazette.parsing.result import Span
from gazette.parsing.text import display_join, full_width_length, spaced_at_break
from gazette.parsing.toc import split_page
from gazette.parsing.vocabulary import DEPARTMENT, ISSUER_LINE
from tests.gazette.extracted import SAMPLES
from tests.helpers import shown_warnings
from tests.shared import gazette_text

QINGHE = [
    (
        "清政发〔2023〕8号",
        "关于印发清河县2023年重点项目建设攻坚行动方案的通知",
        "通知",
        date(2023, 3, 15),
        "清河县人民政府",
    ),
    (
        "清政发〔2023〕11号",
        "关于表彰2022年度安全生产工作先进单位和先进个人的决定",
        "决定",
        date(2023, 4, 3),
        "清河县人民政府",
    ),
    (
        "清政办发〔2023〕21号",
        "关于做好2023年汛期地质灾害防治工作的通知",
        "通知",
        date(2023, 5, 10),
        "清河县人民政府办公室",
    ),
    (
        "清政办发〔2023〕24号",
        "关于调整清河县森林防灭火指挥部组成人员的通知",
        "通知",
        date(2023, 5, 22),
        "清河县人民政府办公室",
    ),
    (
        "清政办发〔2023〕27号",
        "关于开展城乡环境卫生集中整治百日行动的通知",
        "通知",
        date(2023, 6, 2),
        "清河县人民政府办公室",
    ),
]
DONGPING = [
    (
        "东政发〔2023〕5号",
        "关于印发东平县2023年农村人居环境整治提升实施方案的通知",
        "通知",
        date(2023, 3, 8),
        "东平县人民政府",
    ),
    (
        "东政办发〔2023〕12号",
        "关于加强城区燃气安全管理工作的通知",
        "通知",
        date(2023, 4, 20),
        "东平县人民政府办公室",
    ),
    (
        "东政函〔2023〕31号",
        "关于同意东平县第二中学迁建项目国有建设用地使用权划拨方案的批复",
        "批复",
        date(2023, 5, 6),
        "东平县人民政府",
    ),
    (None, "关于做好2023年高考期间环境保障工作的通知", "通知", date(2023, 5, 30), "东平县人民政府办公室"),
]
BAISHUI = [
    (
        "白政办发〔2023〕30号",
        "关于印发白水县2023年秋冬季大气污染防治攻坚方案的通知",
        "通知",
        date(2023, 10, 16),
        "白水县人民政府办公室",
    ),
    (
        "白政办发〔2023〕33号",
        "关于印发白水县城市道路挖掘管理办法的通知",
        "通知",
        date(2023, 11, 28),
        "白水县人民政府办公室",
    ),
    (
        "白政办发〔2023〕35号",
        "关于印发白水县农村集体经济组织财务管理办法",
        "通知",
        date(2023, 12, 5),
        "白水县人民政府办公室",
    ),
    (
        "白政函〔2023〕88号",
        "关于同意白水县2023年第三批次城乡建设用地增减挂钩项目实施方案的批复",
        "批复",
        date(2023, 12, 12),
        "白水县人民政府",
    ),
    (
        "白政发〔2023〕19号",
        "关于表彰2023年度全县优秀乡村教师的决定",
        "决定",
        date(2023, 12, 20),
        "白水县人民政府",
    ),
]
QINGSHI = [
    (
        "青政发〔2024〕25号",
        "关于印发2024年全县安全生产重点任务分解表的通知",
        "通知",
        date(2024, 8, 2),
        "青石县人民政府",
    ),
    ("青政发〔2024〕27号", "关于印发青石县优化营商环境攻坚行动方案的通知", "通知", date(2024, 8, 20), "青石县人民政府"),
    ("青政任〔2024〕5号", "关于李明同志任职的通知", "通知", date(2024, 9, 10), "青石县人民政府"),
]
EXPECTED = {
    "bracketed-pages-labelled-tasks.txt": QINGSHI,
    "grouped-two-line-toc.txt": QINGHE,
    "narrow-no-contents.txt": DONGPING,
    "wrapped-headings.txt": BAISHUI,
}
_parsed = {}


def parsed(name):
    if name not in _parsed:
        _parsed[name] = parse_gazette(decode_gazette_bytes((SAMPLES / name).read_bytes()))
    return _parsed[name]


def documents(name):
    return {document.number or document.title_normalised: document for document in parsed(name).documents}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_document_is_found_with_number_title_kind_date_and_issuer(name):
    found = [(d.number, d.title_normalised, d.kind, d.signed, d.issuer) for d in parsed(name).documents]
    assert found == EXPECTED[name]


def test_pages_printed_in_brackets_after_the_title_are_pages_not_part_of_the_title():
    issue = parsed("bracketed-pages-labelled-tasks.txt")
    assert [(e.title_normalised, e.page, e.section) for e in issue.toc] == [
        ("关于印发2024年全县安全生产重点任务分解表的通知", 1, "【县政府文件】"),
        ("关于印发青石县优化营商环境攻坚行动方案的通知", 4, "【县政府文件】"),
        ("关于李明同志任职的通知", 9, "【人事任免】"),
    ]
    assert issue.warnings == [] and issue.missing_from_body == [] and issue.not_in_toc == []


def test_a_grouped_contents_of_two_line_entries_is_read_whatever_the_page_format():
    issue = parsed("grouped-two-line-toc.txt")
    assert issue.has_toc
    assert [(e.title_normalised, e.number, e.page, e.section) for e in issue.toc] == [
        ("关于印发清河县2023年重点项目建设攻坚行动方案的通知", None, 1, "【县政府文件】"),
        ("关于表彰2022年度安全生产工作先进单位和先进个人的决定", None, 6, "【县政府文件】"),
        ("关于同意设立清河县经济技术开发区管理委员会的批复", None, 9, "【县政府文件】"),
        ("关于做好2023年汛期地质灾害防治工作的通知", None, 12, "【县政府办公室文件】"),
        ("关于调整清河县森林防灭火指挥部组成人员的通知", None, 15, "【县政府办公室文件】"),
        ("关于开展城乡环境卫生集中整治百日行动的通知", None, None, "【县政府办公室文件】"),
    ]
    assert [d.toc_page for d in issue.documents] == [1, 6, 12, 15, None]
    assert [e.title_normalised for e in issue.missing_from_body] == ["关于同意设立清河县经济技术开发区管理委员会的批复"]
    assert issue.not_in_toc == []


def test_no_line_of_the_contents_becomes_a_document():
    issue = parsed("grouped-two-line-toc.txt")
    first_body_line = 33  # 清河县人民政府, the first document's issuer
    assert min(d.span.start for d in issue.documents) == first_body_line
    assert documents("grouped-two-line-toc.txt")["清政发〔2023〕8号"].span.start == first_body_line


def test_the_number_printed_before_the_heading_after_a_contents_entry_without_page():
    # 清政办发〔2023〕21号 stands above its issuer; the entry before it in the body is a document, not the contents
    document = documents("grouped-two-line-toc.txt")["清政办发〔2023〕21号"]
    assert (document.span.start, document.number_raw, document.toc_page) == (56, "清政办发〔2023〕21号", 12)


@pytest.mark.parametrize(
    ("name", "number", "title", "kind"),
    [
        ("grouped-two-line-toc.txt", "清政发〔2023〕8号", "清河县2023年重点项目建设攻坚行动方案", "方案"),
        ("narrow-no-contents.txt", "东政发〔2023〕5号", "东平县2023年农村人居环境整治提升实施方案", "方案"),
        ("wrapped-headings.txt", "白政办发〔2023〕30号", "白水县2023年秋冬季大气污染防治攻坚方案", "方案"),
        ("wrapped-headings.txt", "白政办发〔2023〕33号", "白水县城市道路挖掘管理办法", "办法"),
        ("wrapped-headings.txt", "白政办发〔2023〕35号", "白水县农村集体经济组织财务管理办法", "办法"),
    ],
)
def test_a_notice_that_issues_an_instrument_is_a_notice_and_the_instrument_has_its_own_kind(name, number, title, kind):
    document = documents(name)[number]
    assert document.kind == "通知"
    assert (document.instrument.title_normalised, document.instrument.kind) == (title, kind)


def test_narrow_wrapping_keeps_addressee_body_and_disclosure():
    issue = parsed("narrow-no-contents.txt")
    assert (issue.has_toc, issue.toc, issue.meta.county, issue.meta.year) == (False, [], None, None)
    gas = documents("narrow-no-contents.txt")["东政办发〔2023〕12号"]
    assert gas.addressee == "各乡镇人民政府，县直各有关单位："
    assert gas.span.start == 28  # 东平县人民政府办公室 关 | 于加强…: the heading cut inside 关于
    assert gas.blocks[0].text == ("近期外地接连发生燃气爆炸事故，为切实加强城区燃气安全管理，现将有关事项通知如下：")
    assert [d.public for d in issue.documents] == [True, True, True, False]
    plan = documents("narrow-no-contents.txt")["东政发〔2023〕5号"]
    assert plan.span.end == 27 and plan.instrument.span.end == 27  # the plan stops where the next heading starts
    assert issue.warnings == []


def test_signature_dates_wrapped_mid_date_are_read():
    issue = documents("wrapped-headings.txt")
    assert issue["白政办发〔2023〕30号"].signed_raw == "2023年 10月16日"
    assert issue["白政办发〔2023〕33号"].signed_raw == "2023 年 11 月 28 日"
    assert issue["白政发〔2023〕19号"].public is True
    assert not any("落款日期" in warning for warning in shown_warnings(parsed("wrapped-headings.txt")))


def test_contents_wrapped_after_de_with_the_number_in_the_entry():
    issue = parsed("wrapped-headings.txt")
    assert [(e.title_normalised, e.number, e.page) for e in issue.toc] == [
        ("关于印发白水县2023年秋冬季大气污染防治攻坚方案的通知", None, 1),
        ("关于印发白水县城市道路挖掘管理办法的通知", "白政办发〔2023〕33号", 4),
        ("关于印发白水县农村集体经济组织财务管理办法", "白政办发〔2023〕35号", 7),
        ("关于同意白水县2023年第三批次城乡建设用地增减挂钩项目实施方案的批复", None, 10),
        ("关于表彰2023年度全县优秀乡村教师的决定", None, 12),
    ]
    assert issue.missing_from_body == [] and issue.not_in_toc == []
    assert [d.toc_page for d in issue.documents] == [1, 4, 7, 10, 12]


def qinghe_text():
    return (SAMPLES / "grouped-two-line-toc.txt").read_text(encoding="utf-8")


def without_pages(text):
    return re.sub(r"(?m)^- \d+ -\n|\s*- \d+ -$|…+ \d+$|　+\d+$", "", text)


def number_first(text):
    heading = "清河县人民政府\n关于印发清河县2023年重点项目建设攻坚行动方案的通知\n清政发〔2023〕8号\n"
    return text.replace(
        heading, "清政发〔2023〕8号\n清河县人民政府关于印发清河县2023年重点项目建设攻坚行动方案的通知\n"
    )


@pytest.mark.parametrize(
    "variant",
    [
        without_pages,
        number_first,
        lambda text: number_first(without_pages(text)),
        lambda text: text.replace("\n", "\n\n"),
    ],
    ids=["no-pages", "number-first", "number-first-no-pages", "blank-line-after-every-line"],
)
def test_the_contents_end_where_the_first_heading_begins_whatever_the_layout(variant):
    issue = parse_gazette(variant(qinghe_text()))
    assert [(d.number, d.title_normalised, d.kind, d.signed, d.issuer) for d in issue.documents] == QINGHE
    assert len(issue.toc) == 6 and issue.toc[-1].title_normalised == "关于开展城乡环境卫生集中整治百日行动的通知"
    assert [e.title_normalised for e in issue.missing_from_body] == ["关于同意设立清河县经济技术开发区管理委员会的批复"]


def test_contents_lines_under_no_contents_heading_do_not_become_documents():
    issue = parse_gazette(qinghe_text().replace("目　　录", "本期要目"))
    assert not issue.has_toc
    assert [(d.number, d.title_normalised, d.kind, d.signed, d.issuer) for d in issue.documents] == QINGHE
    assert any("按目录处理，不作为公文" in warning for warning in shown_warnings(issue))


@pytest.mark.parametrize(
    ("name", "number", "kind", "instrument_kind"),
    [
        ("xingxian-2023-4.txt", "兴政办发〔2023〕42号", "通知", "方案"),
        ("xingxian-2023-4.txt", "兴政办发〔2023〕44号", "通知", "规划"),
        ("xingxian-2022-2.txt", "兴政发〔2022〕9号", "通知", "计划"),
    ],
)
def test_shared_notices_issuing_an_instrument_are_notices(name, number, kind, instrument_kind):
    document = next(d for d in parse_gazette(gazette_text(name)).documents if d.number == number)
    assert (document.kind, document.instrument.kind) == (kind, instrument_kind)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["石门政报", "二〇二四年　第3期", "总第45期"], ("石门政报", None, 2024, 3, 45)),
        (["石门县政报", "二〇二四年第三期（总第四十五期）"], ("石门县政报", "石门县", 2024, 3, 45)),
        (["青石县政府公报", "2024年第3期（总第45期）"], ("青石县政府公报", "青石县", 2024, 3, 45)),
        (["青石县政府公报", "2024年第十十期"], ("青石县政府公报", "青石县", None, None, None)),
    ],
)
def test_mastheads_of_other_names_and_in_chinese_numerals(lines, expected):
    # A name without a county's ending gives no county (the importer asks for it); numerals that make no number
    # give none.
    meta = parse_masthead(lines)
    assert (meta.gazette, meta.county, meta.year, meta.number, meta.cumulative) == expected


@pytest.mark.parametrize(
    ("lines", "published"),
    [
        (["松岭县人民政府公报", "2024年第2期（总第31期）", "松岭县人民政府办公室编　2024年6月28日"], date(2024, 6, 28)),
        (["青石县政府公报", "2024年第3期", "出版日期：2024年9月30日"], date(2024, 9, 30)),
        (["石门县政报", "二〇二四年第三期", "二〇二四年九月十日印发"], date(2024, 9, 10)),
        (["青石县政府公报", "2024 年 9 月 30 日 出版"], date(2024, 9, 30)),
        # Two dates and neither marked: which is the issue's cannot be told.
        (["青石县政府公报", "创刊于2001年1月1日", "2024年9月30日"], None),
        # Without contents, what precedes the first number may be the first document: its dates are not the issue's.
        (["青石县政府公报", "青石县人民政府", "关于做好防汛工作的通知", "各乡镇要于2024年6月1日前完成排查。"], None),
    ],
)
def test_the_publication_date_is_read_however_the_masthead_prints_it(lines, published):
    assert parse_masthead(lines).published == published


PROTECTION_UNITS = "（县水利局牵头，各乡镇人民政府配合）。"
MONITORING_UNITS = "（县卫生健康局负责，2024年12月底前完成首轮抽检）。"


def test_page_numbers_and_running_heads_where_a_page_broke_are_dropped_and_the_sentence_joined_again():
    # page-furniture.txt (石门县, typed by hand): — 5 — and the running head inside a sentence, -6- and the head
    # the other way round before the signature.
    issue = parsed("page-furniture.txt")
    (document,) = issue.documents
    assert [(block.line, block.text) for block in document.blocks] == [
        (7, "为保障城乡居民饮水安全，现就有关事项通知如下："),
        (8, "一、加强水源保护。县水利局要会同各乡镇划定农村集中式饮用水水源保护区" + PROTECTION_UNITS),
        (12, "二、强化水质监测。县卫生健康局对农村集中供水工程水质开展抽检" + MONITORING_UNITS),
    ]
    assert (document.signed, document.issuer) == (date(2024, 5, 6), "石门县人民政府")
    meta = issue.meta
    assert (meta.gazette, meta.county, meta.year, meta.number) == ("石门县政报", "石门县", 2024, 3)
    assert issue.warnings == []


def test_a_date_printed_under_the_title_is_the_signed_date_and_the_number_after_it_the_documents():
    # dated-titles-and-records.txt (松岭县, typed by hand): a 决定 dated （2024年11月5日） under its title with its
    # number below, signed by no one at the end; a notice dated by the meeting that adopted it, with an annex.
    issue = parsed("dated-titles-and-records.txt")
    decision, notice, letter, rules = issue.documents
    assert (decision.number, decision.signed, decision.span) == ("松政发〔2024〕21号", date(2024, 11, 5), Span(6, 14))
    assert decision.addressee == "各乡镇人民政府，县直各部门："
    assert [block.text[:4] for block in decision.blocks] == ["2024", "希望受表"]
    assert (rules.number, rules.signed_raw) == ("松政发〔2024〕23号", "2024年12月10日")
    assert [(annex.title, [block.text for block in annex.blocks]) for annex in rules.attachments] == [
        ("松岭县城区停车收费标准", ["小型车首小时2元，此后每小时1元。"])
    ]
    assert (notice.signed, letter.signed) == (date(2024, 12, 2), date(2024, 12, 9))
    assert issue.warnings == []


def test_the_record_under_a_document_and_the_gazettes_section_heads_are_not_body_text():
    # 抄送：… and 某某办公室　2024年12月2日印发 after the signature; 【县政府办公室文件】 between documents.
    decision, notice, *_ = parsed("dated-titles-and-records.txt").documents
    texts = [block.text for block in notice.blocks]
    assert texts[-1] == "二、加强值班值守。严格落实24小时值班和领导带班制度。"
    assert notice.span == Span(18, 34)
    assert not any("【" in block.text for block in decision.blocks)


def test_the_record_under_a_document_that_narrow_wrapping_cut_is_not_body_text():
    # 松岭县 (invented), 12 characters a line: 抄送 over three lines, the record's issuer, padding, date and 印发 over
    # three more, then the next document.
    text = (
        "松岭县人民政府办公室关于\n做好元旦春节期间安全防范\n工作的通知\n松政办发〔2024〕30号\n"
        "各乡镇人民政府，县直各单\n位：\n现就做好元旦春节期间安全\n防范工作通知如下：\n"
        "一、开展安全隐患大排查。\n各乡镇、各部门要于12月\n20日前完成一轮隐患排查。\n"
        "二、加强值班值守。严格落\n实24小时值班和领导带班制\n度。\n\n松岭县人民政府办公室\n2024年12月2日\n\n"
        "抄送：县委办公室，县人大\n常委会办公室，县政协办公\n室。\n\n"
        "松岭县人民政府办公室　　\n　　　　2024年12月2日印\n发\n\n"
        "松政办函〔2024〕41号\n松岭县人民政府办公室关于\n同意调整松岭县第一中学校\n园规划的函\n县教育局：\n"
        "你局《关于调整松岭县第一\n中学校园规划的请示》收悉\n。经县人民政府同意，现函\n复如下：同意调整。\n\n"
        "松岭县人民政府办公室\n2024年12月5日\n"
    )
    issue = parse_gazette(text)
    notice, letter = issue.documents
    assert notice.wrap_width == 12
    assert [block.text for block in notice.blocks][-1] == "二、加强值班值守。严格落实24小时值班和领导带班制度。"
    assert notice.span == Span(1, 17)
    assert (letter.number, letter.title, letter.signed) == (
        "松政办函〔2024〕41号",
        "关于同意调整松岭县第一中学校园规划的函",
        date(2024, 12, 5),
    )
    assert shown_warnings(issue) == []


def test_documents_of_the_countys_departments_jointly_or_with_the_party_office_are_documents():
    # department-documents.txt (松岭县, typed by hand): 【部门文件】 of two bureaus, a notice of the party committee's
    # and the government's offices, issuers on the title's line or on their own, joint signatures.
    issue = parsed("department-documents.txt")
    assert [(d.number, d.issuer, d.title_normalised, d.signed) for d in issue.documents] == [
        (
            "松财农〔2025〕6号",
            "松岭县财政局、松岭县农业农村局",
            "关于印发松岭县农业产业发展资金管理办法的通知",
            date(2025, 3, 3),
        ),
        (
            "松办发〔2025〕3号",
            "中共松岭县委办公室、松岭县人民政府办公室",
            "关于做好2025年春季森林防火工作的通知",
            date(2025, 3, 5),
        ),
        ("松政任〔2025〕2号", "松岭县人民政府", "关于赵军等同志职务任免的通知", date(2025, 3, 10)),
    ]
    assert issue.warnings == [] and issue.missing_from_body == []
    assert [entry.title for entry in issue.toc][:2] == [
        "关于印发松岭县农业产业发展资金管理办法的通知",
        "关于做好2025年春季森林防火工作的通知",
    ]
    rules = issue.documents[0].instrument
    assert (rules.title, rules.kind) == ("松岭县农业产业发展资金管理办法", "办法")


def test_a_department_is_named_without_another_county_or_a_government_in_it():
    # A caption run into the signer's line (…全景图某县人民政府办公室) once read as a department's name.
    assert re.fullmatch(DEPARTMENT, "国家基本气象站全景图青县人民政府办公室") is None
    assert re.fullmatch(DEPARTMENT, "水文站青县水利局") is None
    assert all(
        re.fullmatch(DEPARTMENT, name) for name in ("农业农村局", "委办公室", "发展和改革委员会", "政务服务中心")
    )


def test_decrees_and_minutes_are_documents_and_a_number_may_print_di_before_its_sequence():
    # decrees-and-minutes.txt (桐川县, typed by hand): two decrees (桐川县人民政府令 | 第3号), listed in the contents
    # by the rules they promulgate and by the decree's name alone; a notice numbered 桐政发〔2025〕第7号; minutes
    # (桐川县人民政府常务会议纪要 | （第12次）) opening with the meeting's date, not an addressee.
    issue = parsed("decrees-and-minutes.txt")
    assert [(d.number, d.title_normalised, d.kind, d.signed, d.issuer) for d in issue.documents] == [
        ("县政府令第3号", "桐川县农村饮用水工程管理办法", "令", date(2025, 4, 15), "桐川县人民政府"),
        ("县政府令第4号", "桐川县城区户外广告设置管理规定", "令", date(2025, 5, 12), "桐川县人民政府"),
        (
            "桐政发〔2025〕7号",
            "关于印发桐川县2025年城乡环境综合整治实施方案的通知",
            "通知",
            date(2025, 5, 20),
            "桐川县人民政府",
        ),
        (None, "常务会议纪要（第12次）", "纪要", date(2025, 6, 5), "桐川县人民政府"),
    ]
    first, second, notice, minutes = issue.documents
    assert (first.series, first.year, first.sequence, first.number_raw) == ("县政府令", None, 3, "第3号")
    assert (notice.series, notice.year, notice.sequence) == ("桐政发", 2025, 7)
    assert first.instrument.title == "桐川县农村饮用水工程管理办法" and first.instrument.kind == "办法"
    assert second.instrument.title == "桐川县城区户外广告设置管理规定"
    # The signer is the county head by name, not a line of the body.
    assert [block.text[:4] for block in first.blocks] == ["《桐川县"]
    assert [block.text[:4] for block in second.blocks] == ["《桐川县"]
    assert minutes.title == "桐川县人民政府常务会议纪要（第12次）"
    assert minutes.addressee == "" and minutes.blocks[0].text.startswith("2025年6月3日")
    assert [entry.number for entry in issue.toc] == ["县政府令第3号", "县政府令第4号", "桐政发〔2025〕7号", None]
    assert [document.toc_page for document in issue.documents] == [1, 4, 6, 9]
    assert issue.warnings == [] and issue.missing_from_body == [] and issue.not_in_toc == []


@pytest.mark.parametrize(
    ("text", "number", "rest"),
    [
        ("某某管理办法（县政府令第5号）", "县政府令第5号", "某某管理办法"),
        ("某某管理办法（青县人民政府令第 12 号）", "县政府令第12号", "某某管理办法"),
        ("青县人民政府令（第5号）", "县政府令第5号", ""),
        ("某某自治县人民政府令第3号", "县政府令第3号", ""),
        ("青州市人民政府令第2号", "市政府令第2号", ""),
        ("关于某某的通知（青政发〔2024〕第9号）", "青政发〔2024〕9号", "关于某某的通知"),
        ("关于某某的通知", None, "关于某某的通知"),
    ],
)
def test_contents_entries_end_in_a_decrees_number_or_a_number_with_di(text, number, rest):
    found, before = trailing_number(text)
    assert (found.normalised if found else None, before) == (number, rest)


def test_a_decree_needs_its_number_and_minutes_their_ordinal_number_or_date():
    # A line naming a decree or minutes with nothing beside it is a sentence's fragment, not a document.
    text = "\n".join(
        [
            "青县人民政府令",
            "现将有关事项说明如下。",
            "青县人民政府常务会议纪要",
            "会议研究了有关事项。",
            "青县人民政府通告",
            "通告的事项如下。",
            "青县人民政府办公室",
            "关于做好防汛工作的通知",
            "青政办发〔2024〕3号",
            "各乡镇：",
            "请做好防汛工作。",
            "青县人民政府办公室",
            "2024年6月1日",
        ]
    )
    assert [d.number for d in parse_gazette(text).documents] == ["青政办发〔2024〕3号"]


def test_a_contents_line_with_a_long_run_of_spaces_is_read_without_trying_every_space():
    # Each space of the run once began a search for a number that scanned the rest of the run: 20,000 spaces took
    # 23 s, 200,000 would take over half an hour. Bounded white space inside a number keeps this one pass.
    gap = " " * 200_000
    assert trailing_number(f"关于某某的通知{gap}（青政发〔2024〕9号）")[0].normalised == "青政发〔2024〕9号"
    assert trailing_number(f"某某办法{gap}第{gap}号") == (None, f"某某办法{gap}第{gap}号")
    assert trailing_number(f"（{gap}县政府令第5号）")[0].normalised == "县政府令第5号"


def test_numbers_of_a_fu_series_without_contents_or_masthead_stand_beside_titles_without_issuer():
    # fu-series-no-contents.txt (惠溪县, typed by hand): no masthead, no contents, every title printed without its
    # issuer above a number of the 府 series some provinces use (惠溪府, 惠溪府函, 惠溪府办), none with 政.
    issue = parse_gazette((SAMPLES / "fu-series-no-contents.txt").read_text(encoding="utf-8"))
    assert [(d.number, d.title_normalised, d.kind, d.signed, d.issuer) for d in issue.documents] == [
        (
            "惠溪府〔2024〕18号",
            "关于印发惠溪县2024年农村人居环境整治提升工作方案的通知",
            "通知",
            date(2024, 4, 2),
            "惠溪县人民政府",
        ),
        (
            "惠溪府函〔2024〕45号",
            "关于同意惠溪县2024-06号地块国有建设用地使用权挂牌出让的批复",
            "批复",
            date(2024, 5, 8),
            "惠溪县人民政府",
        ),
        (
            "惠溪府办〔2024〕9号",
            "关于成立惠溪县创建国家卫生县城工作领导小组的通知",
            "通知",
            date(2024, 6, 12),
            "惠溪县人民政府办公室",
        ),
    ]
    assert [d.addressee for d in issue.documents] == [
        "各镇人民政府，县府直属各单位：",
        "县自然资源局：",
        "各镇人民政府，县府直属各单位：",
    ]
    assert issue.warnings == []


def test_a_series_of_another_government_among_the_issues_own_is_still_read_as_body_text():
    # After 兴政发 is known, a bare title over 晋政办发 (a province's document the notice reprints) is no document.
    text = "\n".join(
        [
            "关于做好防汛工作的通知",
            "兴政发〔2024〕3号",
            "各乡镇：",
            "现将省政府办公厅通知转发给你们。",
            "关于加强汛期安全工作的通知",
            "晋政办发〔2024〕12号",
            "各市人民政府：",
            "请做好汛期安全工作。",
            "兴县人民政府",
            "2024年6月1日",
        ]
    )
    assert [d.number for d in parse_gazette(text).documents] == ["兴政发〔2024〕3号"]


def test_a_government_printed_without_its_countys_name_issues_and_signs_its_documents():
    # issuers-without-county.txt (石门, typed by hand): 县人民政府办公室 and 县人民政府 above each title and under
    # each body, no county named anywhere but in the numbers.
    issue = parse_gazette((SAMPLES / "issuers-without-county.txt").read_text(encoding="utf-8"))
    assert [(d.number, d.title_normalised, d.issuer, d.signed, d.span) for d in issue.documents] == [
        (
            "石门政办发〔2025〕11号",
            "关于开展2025年安全生产大检查的通知",
            "县人民政府办公室",
            date(2025, 4, 1),
            Span(1, 10),
        ),
        (
            "石门政函〔2025〕20号",
            "关于同意2025-03号宗地国有建设用地使用权挂牌出让方案的批复",
            "县人民政府",
            date(2025, 4, 8),
            Span(12, 20),
        ),
    ]
    assert issue.warnings == []
    # The county is the issue's, not read from the issuer.
    assert ISSUER_LINE.match("县人民政府办公室")["county"] is None
    assert ISSUER_LINE.match("石门县人民政府办公室")["county"] == "石门县"


def test_pages_printed_before_the_titles_of_the_contents_are_their_pages():
    # contents-pages-first.txt (白河县, typed by hand): `5　白河县人民政府办公室关于…（白政办发〔2025〕3号）`, one
    # entry wrapped over two lines after its page; a masthead in Chinese numerals.
    issue = parse_gazette((SAMPLES / "contents-pages-first.txt").read_text(encoding="utf-8"))
    assert [(entry.title, entry.number, entry.page) for entry in issue.toc] == [
        ("关于印发白河县2025年政府工作报告重点任务分工的通知", "白政发〔2025〕1号", 1),
        ("关于印发白河县2025年春季植树造林实施方案的通知", "白政办发〔2025〕3号", 5),
        ("关于同意2025-02号宗地国有建设用地使用权挂牌出让方案的批复", "白政函〔2025〕6号", 9),
    ]
    assert [(d.number, d.toc_page, d.signed) for d in issue.documents] == [
        ("白政发〔2025〕1号", 1, date(2025, 1, 15)),
        ("白政办发〔2025〕3号", 5, date(2025, 2, 20)),
        ("白政函〔2025〕6号", 9, date(2025, 3, 3)),
    ]
    assert (issue.meta.county, issue.meta.year, issue.meta.number) == ("白河县", 2025, 1)
    assert issue.warnings == []


def test_a_title_opening_with_a_year_and_a_space_is_not_a_page_before_a_title():
    text = "\n".join(
        ["目录", "2025 年全县春耕生产工作要点……3", "关于做好春耕生产的通知", "青政发〔2025〕2号", "各乡镇："]
        + ["请做好春耕。", "青县人民政府", "2025年2月1日"]
    )
    assert [(entry.title, entry.page) for entry in parse_gazette(text).toc][0] == ("2025 年全县春耕生产工作要点", 3)


def test_public_notices_named_by_their_issuer_are_documents_listed_in_the_contents():
    # public-notices.txt (青林县, typed by hand): 青林县人民政府通告 | （2025年第1号） with no 文号, and
    # 青林县人民政府公告 above its number; the contents list both by issuer and kind.
    issue = parsed("public-notices.txt")
    assert [(d.number, d.title, d.title_normalised, d.kind, d.signed, d.toc_page) for d in issue.documents] == [
        (None, "青林县人民政府通告（2025年第1号）", "通告（2025年第1号）", "通告", date(2024, 12, 20), 1),
        ("青林政告〔2025〕2号", "青林县人民政府公告", "公告", "公告", date(2025, 1, 10), 2),
    ]
    assert [block.text[:2] for block in issue.documents[0].blocks] == ["为加", "一、", "二、"]
    assert issue.warnings == [] and issue.missing_from_body == []


@pytest.mark.parametrize("heading", ["本期目录", "【目录】", "目录：", "CONTENTS 目录", "目录 Contents", "目　　次"])
def test_the_contents_are_found_under_other_headings(heading):
    text = (SAMPLES / "public-notices.txt").read_text(encoding="utf-8").replace("目　录", heading)
    issue = parse_gazette(text)
    assert [(entry.title, entry.page) for entry in issue.toc] == [("通告（2025年第1号）", 1), ("公告", 2)]
    assert [document.toc_page for document in issue.documents] == [1, 2] and issue.warnings == []


# narrow-minutes.txt (松溪县, typed by hand): every line hard-wrapped at 12 Chinese characters (24 columns, a digit
# taking one), minutes whose name the wrapping cut (`…常务会议纪` | `要`), agenda headings that fill their line,
# numbers cut across lines (`2026年4月3` | `0日前`), no contents and no publication date.


def narrow_minutes():
    return parse_gazette((SAMPLES / "narrow-minutes.txt").read_text(encoding="utf-8"))


def test_minutes_whose_name_narrow_wrapping_cut_are_read_whole():
    issue = narrow_minutes()
    assert [(d.number, d.title, d.kind, d.signed, d.issuer, d.span) for d in issue.documents] == [
        (None, "松溪县人民政府常务会议纪要（第8次）", "纪要", date(2026, 2, 12), "松溪县人民政府", Span(4, 32)),
        (
            "松政办发〔2026〕3号",
            "关于做好2026年春耕生产工作的通知",
            "通知",
            date(2026, 2, 20),
            "松溪县人民政府办公室",
            Span(34, 57),
        ),
    ]
    # Read as wrapped although digits make some lines longer in characters than the rest.
    assert issue.documents[1].addressee == "各乡镇人民政府，县直有关单位："


def test_the_meetings_date_in_the_first_sentence_is_not_the_issues():
    meta = narrow_minutes().meta
    assert (meta.county, meta.year, meta.number, meta.published) == ("松溪县", 2026, 1, None)
    # A masthead line may hold a comma, and then the issue's date.
    masthead = ["松溪县人民政府公报", "2026年第1期", "编印：松溪县人民政府办公室，2026年1月28日"]
    assert parse_masthead(masthead).published == date(2026, 1, 28)


def test_narrow_wrapping_keeps_numbers_whole_and_agenda_headings_apart_from_their_text():
    minutes, notice = narrow_minutes().documents
    assert [(block.kind, block.text) for block in minutes.blocks] == [
        ("paragraph", "2026年2月10日，县长陈立新主持召开县人民政府第8次常务会议，研究了以下事项："),
        ("heading", "一、关于春季森林防火工作"),
        (
            "paragraph",
            "会议听取了县林业局关于今冬明春森林防火工作的汇报。会议要求，县林业局牵头，各乡镇配合，"
            "2026年4月30日前完成林区火灾隐患排查整治。",
        ),
        ("heading", "二、关于城区供暖收费问题"),
        ("paragraph", "会议同意县住建局提出的供暖收费调整方案，由县住建局负责，2026年3月15日前报县政府审定。"),
        ("heading", "三、关于农村公路养护工作"),
        (
            "paragraph",
            "会议指出，农村公路养护关系群众出行安全，各乡镇要落实属地责任，县交通运输局负责，"
            "2026年6月底前完成县乡道路面修补。",
        ),
    ]
    # An item's heading sentence that fills its line goes on with the item's text.
    assert [block.text for block in notice.blocks[-2:]] == [
        "（一）做好农资储备检查。县农业农村局负责，2026年3月31日前完成全县农资储备情况检查，确保春耕用种用肥供应充足。",
        "（二）保障化肥农药供应。县供销社牵头，县农业农村局配合，2026年3月20日前完成化肥农药调运。",
    ]


def test_a_lines_width_counts_a_digit_or_latin_letter_as_half_a_character():
    assert full_width_length("2026年4月3") == 5
    assert full_width_length("松溪县") == 3
    assert full_width_length("A") == 1


@pytest.mark.parametrize(
    ("before", "after", "spaced"),
    [("3", "0", False), ("d", "W", True), ("3", "W", True), ("县", "A", False), ("A", "县", False)],
)
def test_a_line_break_is_a_space_between_two_latin_words_but_not_inside_a_number(before, after, spaced):
    assert spaced_at_break(before, after) is spaced


# narrow-banner.txt (乌拉特中旗, a banner, typed by hand): wrapped at 12 Chinese characters, the contents under
# 【】 sections, a contents entry's number cut inside its series (`（中旗政办` | `发〔2025〕45号）……5`).


def test_a_banners_narrow_contents_keep_numbers_cut_inside_their_series():
    issue = parse_gazette((SAMPLES / "narrow-banner.txt").read_text(encoding="utf-8"))
    meta = issue.meta
    assert (meta.county, meta.year, meta.number, meta.cumulative, meta.published) == (
        "乌拉特中旗",
        2025,
        3,
        42,
        date(2025, 9, 30),
    )
    assert [(entry.title, entry.number, entry.page, entry.section) for entry in issue.toc] == [
        (
            "关于印发乌拉特中旗2025年草原生态保护补助奖励政策实施方案的通知",
            "中旗政发〔2025〕21号",
            1,
            "【旗政府文件】",
        ),
        ("关于成立乌拉特中旗防汛抗旱指挥部的通知", "中旗政办发〔2025〕45号", 5, "【旗政府办公室文件】"),
    ]
    assert [(d.number, d.signed, d.issuer, d.addressee, d.toc_page, d.span) for d in issue.documents] == [
        (
            "中旗政发〔2025〕21号",
            date(2025, 8, 12),
            "乌拉特中旗人民政府",
            "各苏木镇人民政府，旗直各部门：",
            1,
            Span(20, 51),
        ),
        (
            "中旗政办发〔2025〕45号",
            date(2025, 7, 2),
            "乌拉特中旗人民政府办公室",
            "各苏木镇人民政府，旗直各部门：",
            5,
            Span(53, 77),
        ),
    ]
    assert issue.warnings == []


def test_the_body_begins_at_a_title_wrapped_inside_its_issuers_关于():
    # 四子王旗 (invented): the first document's title is cut between 关 and 于, as its contents entry is.
    text = (
        "四子王旗人民政府公报\n2025年第4期\n\n目　录\n\n"
        "四子王旗人民政府办公室关\n于做好冬季供暖工作的通知\n（四政办发〔2025〕60号）……3\n\n"
        "四子王旗人民政府办公室关\n于做好冬季供暖工作的通知\n四政办发〔2025〕60号\n\n"
        "各苏木镇人民政府，旗直各部门：\n请做好冬季供暖保障工作。\n\n四子王旗人民政府办公室\n2025年10月8日\n"
    )
    issue = parse_gazette(text)
    assert [(entry.title, entry.number, entry.page) for entry in issue.toc] == [
        ("关于做好冬季供暖工作的通知", "四政办发〔2025〕60号", 3)
    ]
    assert [(d.number, d.title, d.issuer, d.toc_page, d.span) for d in issue.documents] == [
        ("四政办发〔2025〕60号", "关于做好冬季供暖工作的通知", "四子王旗人民政府办公室", 3, Span(10, 18))
    ]
    assert issue.warnings == []


@pytest.mark.parametrize("leader", ["…", "⋯", "……", "··", "．．．"])
def test_one_ellipsis_is_enough_of_a_leader_for_the_page_after_it(leader):
    assert split_page(f"关于做好冬季供暖工作的通知（四政办发〔2025〕60号）{leader}3") == (
        "关于做好冬季供暖工作的通知（四政办发〔2025〕60号）",
        3,
    )
    assert split_page(f"关于做好冬季供暖工作的通知{leader}12") == ("关于做好冬季供暖工作的通知", 12)


# One contents entry that narrow wrapping cut, each in a county of its own (invented), and the document it lists.
CUT_ENTRIES = [
    pytest.param(
        # 桐溪县, 16 characters a line: the number's closing bracket before the page (`…8号` | `）……6`).
        "桐溪县人民政府公报\n2023年第2期\n\n目  录\n\n"
        "关于成立桐溪县煤层气产业发展领导\n小组的通知（桐政办函〔2023〕8号\n）……6\n\n"
        "桐溪县人民政府办公室\n关于成立桐溪县煤层气产业发展领导\n小组的通知\n桐政办函〔2023〕8号\n\n"
        "各乡（镇）人民政府，县直各有关单位：\n现将有关事项通知如下。\n\n桐溪县人民政府办公室\n2023年5月8日\n",
        ("关于成立桐溪县煤层气产业发展领导小组的通知", "桐政办函〔2023〕8号", 6),
        id="closing-bracket-before-the-page",
    ),
    pytest.param(
        # 松岭县, 12 characters a line: joint issuers cut (`中共松岭县委办公室　松岭` | `县人民政府办公室关于做好`).
        "松岭县人民政府公报\n2025年第1期\n\n目　录\n【部门文件】\n"
        "中共松岭县委办公室　松岭\n县人民政府办公室关于做好\n2025年春季森林防火工作的\n"
        "通知（松办发〔2025〕3号\n）……3\n\n"
        "松办发〔2025〕3号\n\n中共松岭县委办公室　松岭县人民政府办公室\n关于做好2025年春季森林防火工作的通知\n"
        "各乡镇党委和人民政府：\n现就有关事项通知如下。\n中共松岭县委办公室\n松岭县人民政府办公室\n2025年3月5日\n",
        ("关于做好2025年春季森林防火工作的通知", "松办发〔2025〕3号", 3),
        id="joint-issuers-cut",
    ),
    pytest.param(
        # 石门县, 24 characters a line: a bracketed page cut from its leaders (`…33号………………` | `（6）`).
        "石门县人民政府公报\n2025年第3期\n\n本期目录\n"
        "石门县人民政府办公室关于成立石门县农村人居环境整\n治工作领导小组的通知　石政办发〔2025〕33号………………\n（6）\n\n"
        "石门县人民政府办公室\n关于成立石门县农村人居环境整治工作领导小组的通知\n石政办发〔2025〕33号\n"
        "各乡镇人民政府：\n现将有关事项通知如下。\n石门县人民政府办公室\n2025年7月3日\n",
        ("关于成立石门县农村人居环境整治工作领导小组的通知", "石政办发〔2025〕33号", 6),
        id="bracketed-page-cut-from-its-leaders",
    ),
    pytest.param(
        # 石门县, 18 characters a line: the number's series cut after its first character (`…的通知　石` | `政办发…`).
        "石门县人民政府公报\n2025年第3期\n\n本期目录\n"
        "石门县人民政府办公室关于成立石门县农\n村人居环境整治工作领导小组的通知　石\n政办发〔2025〕33号………………（6）\n\n"
        "石门县人民政府办公室\n关于成立石门县农村人居环境整治工作领导小组的通知\n石政办发〔2025〕33号\n"
        "各乡镇人民政府：\n现将有关事项通知如下。\n石门县人民政府办公室\n2025年7月3日\n",
        ("关于成立石门县农村人居环境整治工作领导小组的通知", "石政办发〔2025〕33号", 6),
        id="series-cut-after-its-first-character",
    ),
]


@pytest.mark.parametrize(("text", "entry"), CUT_ENTRIES)
def test_a_contents_entry_that_narrow_wrapping_cut_is_one_entry_with_its_page(text, entry):
    issue = parse_gazette(text)
    assert [(listed.title, listed.number, listed.page) for listed in issue.toc] == [entry]
    assert [(d.number, d.toc_page) for d in issue.documents] == [(entry[1], entry[2])]
    assert shown_warnings(issue) == []


def test_a_contents_page_that_narrow_wrapping_cut_from_its_leaders_or_inside_its_digits_is_read():
    # 梅岭县 (invented), 16 characters a line: one page alone on the line after the entry's leaders (`……` | `4`),
    # one cut inside its digits (`…… 2` | `2`: page 22).
    text = (
        "梅岭县人民政府公报\n2025年第1期\n\n目　录\n【县政府文件】\n"
        "关于做好2025年春季森林防火工作的\n通知（梅政办字(2025)第7号）……………\n4\n"
        "关于开展节水型单位创建工作的通知\n（梅政办发〔2025〕10号）····· 2\n2\n\n"
        "关于做好2025年春季森林防火工作的\n通知\n梅政办字(2025)第7号\n各乡镇人民政府：\n现就有关事项通知如下。\n"
        "梅岭县人民政府办公室\n2025年3月1日\n\n"
        "关于开展节水型单位创建工作的通知\n梅政办发〔2025〕10号\n各乡镇人民政府：\n现就有关事项通知如下。\n"
        "梅岭县人民政府办公室\n2025年3月5日\n"
    )
    issue = parse_gazette(text)
    assert [(entry.title, entry.number, entry.page) for entry in issue.toc] == [
        ("关于做好2025年春季森林防火工作的通知", "梅政办字〔2025〕7号", 4),
        ("关于开展节水型单位创建工作的通知", "梅政办发〔2025〕10号", 22),
    ]
    assert [(d.number, d.toc_page, d.signed) for d in issue.documents] == [
        ("梅政办字〔2025〕7号", 4, date(2025, 3, 1)),
        ("梅政办发〔2025〕10号", 22, date(2025, 3, 5)),
    ]
    assert issue.warnings == []


def test_joint_issuers_wrapped_over_two_lines_above_their_title_are_the_documents_issuers():
    # 松岭县 (invented), 16 characters a line: the number first, then the two issuers cut inside the second.
    text = (
        "松办发〔2025〕3号\n\n中共松岭县委办公室　松岭县人民政\n府办公室\n关于做好2025年春季森林防火工作的\n通知\n\n"
        "各乡镇党委和人民政府，县直各部门：\n现就有关事项通知如下。\n\n中共松岭县委办公室\n松岭县人民政府办公室\n"
        "2025年3月5日\n"
    )
    assert [(d.number, d.title, d.issuer, d.signed) for d in parse_gazette(text).documents] == [
        (
            "松办发〔2025〕3号",
            "关于做好2025年春季森林防火工作的通知",
            "中共松岭县委办公室、松岭县人民政府办公室",
            date(2025, 3, 5),
        )
    ]


def test_a_decree_whose_promulgating_sentence_narrow_wrapping_cut_is_titled_by_the_rules_it_names():
    # 桐川县 (invented), 16 characters a line: 《…办法》已经2025 | 年4月8日…通过，现 | 予公布….
    text = (
        "桐川县人民政府令\n\n第3号\n\n《桐川县农村饮用水工程管理办法》已经2025\n年4月8日县人民政府第10次常务会议通过，现\n"
        "予公布，自2025年6月1日起施行。\n\n县长　周建国\n2025年4月15日\n\n桐川县农村饮用水工程管理办法\n\n"
        "第一条　为了加强农村饮用水工程管理，制定本办法。\n"
    )
    assert [(d.number, d.title, d.kind, d.signed) for d in parse_gazette(text).documents] == [
        ("县政府令第3号", "桐川县农村饮用水工程管理办法", "令", date(2025, 4, 15))
    ]


def test_a_contents_entrys_closing_bracket_that_wrapping_left_alone_closes_the_entry_and_its_page():
    # 样本县 (invented): a number's bracket closed on a line of its own before the page's (`…21号` | `）` | `- 3 -`),
    # a page in brackets cut before its bracket closes (`…的通知（9` | `）`), a public notice's ordinal likewise
    # (`…通告（2025年第1号` | `）……1`).
    text = (
        "样本县人民政府公报\n2025年第1期\n\n目  录\n\n"
        "- 关于印发样本县乡村道路养护管理办法的\n通知（样政发〔2025〕21号\n）\n- 3 -\n"
        "样本县人民政府关于李明同志任职的通知（9\n）\n"
        "样本县人民政府通告（2025年第1号\n）……………………12\n\n"
        "样本县人民政府关于印发样本县乡村道路养护管理办法的通知\n样政发〔2025〕21号\n各乡镇人民政府：\n"
        "现将办法印发给你们。\n样本县人民政府\n2025年1月6日\n\n"
        "样本县人民政府关于李明同志任职的通知\n样政任〔2025〕1号\n各乡镇人民政府：\n任命李明同志为县财政局局长。\n"
        "样本县人民政府\n2025年1月8日\n\n"
        "样本县人民政府通告\n（2025年第1号）\n为加强城区管理，现通告如下。\n样本县人民政府\n2025年1月10日\n"
    )
    issue = parse_gazette(text)
    assert [(entry.title, entry.number, entry.page) for entry in issue.toc] == [
        ("关于印发样本县乡村道路养护管理办法的通知", "样政发〔2025〕21号", 3),
        ("关于李明同志任职的通知", None, 9),
        ("通告（2025年第1号）", None, 12),
    ]
    assert [(d.title, d.toc_page) for d in issue.documents] == [
        ("关于印发样本县乡村道路养护管理办法的通知", 3),
        ("关于李明同志任职的通知", 9),
        ("样本县人民政府通告（2025年第1号）", 12),
    ]
    assert shown_warnings(issue) == []


def test_contents_entries_numbered_after_their_title_and_paged_in_brackets_after_the_leaders():
    # contents-bracketed-pages-after-leaders.txt (石门县, typed by hand): `…的通知　石政发〔2025〕15号………………（1）`.
    issue = parsed("contents-bracketed-pages-after-leaders.txt")
    assert [(entry.title, entry.number, entry.page, entry.section) for entry in issue.toc] == [
        ("关于印发石门县2025年度国有建设用地供应计划的通知", "石政发〔2025〕15号", 1, "【县政府文件】"),
        ("关于调整石门县城乡居民最低生活保障标准的通知", "石政发〔2025〕18号", 4, "【县政府文件】"),
        ("关于成立石门县农村人居环境整治工作领导小组的通知", "石政办发〔2025〕33号", 6, "【县政府办公室文件】"),
        ("关于印发石门县河道采砂整治专项行动方案的通知", "石政办发〔2025〕36号", 8, "【县政府办公室文件】"),
    ]
    assert [(d.number, d.toc_page, d.signed) for d in issue.documents] == [
        ("石政发〔2025〕15号", 1, date(2025, 6, 12)),
        ("石政发〔2025〕18号", 4, date(2025, 6, 20)),
        ("石政办发〔2025〕33号", 6, date(2025, 7, 3)),
        ("石政办发〔2025〕36号", 8, date(2025, 7, 15)),
    ]
    assert (issue.meta.county, issue.meta.year, issue.meta.number, issue.meta.cumulative) == ("石门县", 2025, 3, 47)
    assert issue.warnings == []


def test_minutes_signed_by_no_one_are_dated_by_the_meeting_their_first_sentence_names():
    # 柳林县 (invented): no office's signature at the end, only who attended.
    text = (
        "柳林县人民政府常务会议纪要\n（第15次）\n\n"
        "2025年5月8日，县长王志强主持召开县人民政府第15次常务会议。现将会议议定事项纪要如下：\n"
        "一、关于城区老旧小区改造工作\n会议要求，县住建局要于2025年10月底前完成改造任务。\n\n"
        "出席：王志强　李建华　张明\n请假：赵刚\n"
    )
    issue = parse_gazette(text)
    assert [(d.title, d.kind, d.signed, d.signed_raw, d.span) for d in issue.documents] == [
        ("柳林县人民政府常务会议纪要（第15次）", "纪要", date(2025, 5, 8), "2025年5月8日", Span(1, 9))
    ]
    assert shown_warnings(issue) == []


def test_a_notice_signed_by_no_one_is_not_dated_by_a_date_in_its_first_sentence():
    text = (
        "柳林县人民政府关于做好防汛工作的通知\n柳政发〔2025〕9号\n各乡镇人民政府：\n"
        "2025年5月8日，县长王志强主持召开防汛工作会议。现就有关事项通知如下。\n"
    )
    (notice,) = parse_gazette(text).documents
    assert notice.signed is None


def test_contents_entries_numbered_before_their_titles_and_paged_as_pages():
    # 清水县 (invented): `清政发〔2025〕7号　关于…的通知…………第1页`, the masthead in Chinese numerals.
    text = (
        "清水县人民政府公报\n二〇二五年第二期\n（总第十八期）\n二〇二五年六月三十日\n\n目　录\n"
        "清政发〔2025〕7号　关于印发清水县2025年重点民生实事的通知…………第1页\n"
        "清政办发〔2025〕19号　关于成立清水县城市更新工作领导小组的通知…………第5页\n\n"
        "清政发〔2025〕7号\n清水县人民政府\n关于印发清水县2025年重点民生实事的通知\n各乡镇人民政府：\n"
        "现将民生实事印发给你们。\n清水县人民政府\n2025年3月10日\n\n"
        "清政办发〔2025〕19号\n清水县人民政府办公室\n关于成立清水县城市更新工作领导小组的通知\n各乡镇人民政府：\n"
        "决定成立领导小组。\n清水县人民政府办公室\n2025年4月2日\n"
    )
    issue = parse_gazette(text)
    assert [(entry.title, entry.number, entry.page) for entry in issue.toc] == [
        ("关于印发清水县2025年重点民生实事的通知", "清政发〔2025〕7号", 1),
        ("关于成立清水县城市更新工作领导小组的通知", "清政办发〔2025〕19号", 5),
    ]
    assert [(d.number, d.toc_page, d.signed) for d in issue.documents] == [
        ("清政发〔2025〕7号", 1, date(2025, 3, 10)),
        ("清政办发〔2025〕19号", 5, date(2025, 4, 2)),
    ]
    assert (issue.meta.year, issue.meta.number, issue.meta.cumulative) == (2025, 2, 18)
    assert shown_warnings(issue) == []


# narrow-scheme-and-plan.txt (枫林县, typed by hand): a short issue of two notices hard-wrapped at 18 characters, with
# few lines and many of them short (headings, signatures): too few for the wrap width to show in most of them.


def test_a_short_issue_hard_wrapped_is_read_as_wrapped():
    issue = parse_gazette((SAMPLES / "narrow-scheme-and-plan.txt").read_text(encoding="utf-8"))
    assert [(d.number, d.title, d.signed, d.addressee) for d in issue.documents] == [
        (
            "枫政发〔2026〕3号",
            "关于印发枫林县城西片区房屋征收补偿方案的通知",
            date(2026, 1, 15),
            "各乡镇人民政府，县直各部门：",
        ),
        (
            "枫政办发〔2026〕5号",
            "关于印发枫林县2026年度国有建设用地供应计划的通知",  # printed …枫林县20 | 26年度…
            date(2026, 2, 10),
            "各乡镇人民政府，县直各部门：",
        ),
    ]
    scheme = issue.documents[0]
    assert [block.text for block in scheme.blocks] == [
        "现将《枫林县城西片区房屋征收补偿方案》印发给你们，请认真贯彻执行。"
    ]
    assert [block.text for block in scheme.instrument.blocks[:3]] == [
        "一、补偿标准",
        "（一）住宅房屋按砖混结构每平方米1350元、砖木结构每平方米1050元给予补偿。",
        "（二）选择产权调换的，以被征收房屋合法建筑面积为基数，经评估后按照1:1.2的比例置换安置房。",
    ]


def test_a_title_whose_文种_wrapping_cut_is_whole():
    # 石岭县 (invented): wrapped at 20 characters, the title's 通知 cut after 通.
    text = (
        "石岭县人民政府关于公布石岭县征收农用地区\n片综合地价和地上附着物及青苗补偿标准的通\n知\n石政发〔2026〕2号\n\n"
        "各乡镇人民政府，县直各部门：\n现将补偿标准公布如下，自2026年5月1日起\n执行。\n\n石岭县人民政府\n2026年4月20日\n"
    )
    assert [(d.number, d.title, d.kind, d.signed) for d in parse_gazette(text).documents] == [
        (
            "石政发〔2026〕2号",
            "关于公布石岭县征收农用地区片综合地价和地上附着物及青苗补偿标准的通知",
            "通知",
            date(2026, 4, 20),
        )
    ]


def test_a_title_line_right_after_关于_that_reads_like_an_issuer_continues_the_title():
    # 南溪县 (invented), 12 characters a line: the issuer and 关于 fill the first line, and the next
    # (调整南溪县安全生产委员会) reads like a committee's name.
    text = (
        "南溪县人民政府关于成立南\n溪县森林防灭火指挥部的通\n知\n南府发〔2025〕8号\n各乡镇人民政府：\n"
        "决定成立南溪县森林防灭火\n指挥部。\n南溪县人民政府\n2025年3月2日\n"
        "南溪县人民政府办公室关于\n调整南溪县安全生产委员会\n组成人员的通知\n南府办发〔2025〕12号\n"
        "各乡镇人民政府：\n现将调整后的组成人员通知\n如下。\n南溪县人民政府办公室\n2025年4月10日\n"
    )
    assert [(d.number, d.title, d.issuer, d.span) for d in parse_gazette(text).documents] == [
        ("南府发〔2025〕8号", "关于成立南溪县森林防灭火指挥部的通知", "南溪县人民政府", Span(1, 9)),
        ("南府办发〔2025〕12号", "关于调整南溪县安全生产委员会组成人员的通知", "南溪县人民政府办公室", Span(10, 18)),
    ]


@pytest.mark.parametrize(
    ("joined", "shown"),
    [
        ("关于印发某县20\n26年度供应计划的通知", "关于印发某县2026年度供应计划的通知"),
        ("关于某县2025\n年度工作的通知", "关于某县2025年度工作的通知"),
        ("关于 2025 年度工作的通知", "关于 2025 年度工作的通知"),  # spaces printed beside a number are kept
        ("关于推进PPP\nproject的通知", "关于推进PPP project的通知"),
        ("关于实施 方案的 通 知", "关于实施方案的通知"),
    ],
)
def test_a_titles_line_breaks_are_spaces_only_between_two_latin_words(joined, shown):
    assert display_join(joined) == shown


def test_a_date_under_a_title_cut_by_wrapping_still_leads_to_the_number():
    # 松岭县 (invented): wrapped at 12 characters, the date under the title cut (（2024年12月10日县人民政 |
    # 府第35次常务会议通过）) between the title and its number; no signature but that date.
    text = (
        "松岭县人民政府公报\n2024年第6期\n\n"
        "松岭县人民政府关于印发松\n岭县城区停车管理办法的通\n知\n（2024年12月10日县人民政\n府第35次常务会议通过）\n"
        "松政发〔2024〕23号\n\n各乡镇人民政府，县直各部\n门：\n\n现将《松岭县城区停车管理\n办法》印发给你们，请认真\n"
        "贯彻执行。\n"
    )
    assert [(d.number, d.title, d.signed) for d in parse_gazette(text).documents] == [
        (
            "松政发〔2024〕23号",
            "关于印发松岭县城区停车管理办法的通知",
            date(2024, 12, 10),
        )
    ]
