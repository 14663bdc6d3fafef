"""Rosters read from gazette documents: every member of every roster in the three shared gazettes as typed in
tests/gazette/expected/rosters.py, and invented rosters of other counties in other layouts."""

import ast
from pathlib import Path

import pytest

import gazette.extraction
from gazette.parsing import parse_gazette
from gazette.parsing.result import Span
from tests.gazette.expected.rosters import ROSTERS
from tests.gazette.expected.scoring import scores
from tests.gazette.extracted import SAMPLES, SHARED_FILES, all_of, sample, shared
from tests.shared import gazette_text

EXTRACTION = Path(gazette.extraction.__file__).resolve().parent


def as_expected(roster):
    return {
        "document": roster.document.key,
        "group": roster.group,
        "kind": roster.kind,
        "members": [(member.role, member.name, member.title) for member in roster.members],
        "placeholders": roster.placeholders,
        "office_host": roster.office_host,
        "office_head": roster.office_head,
    }


@pytest.mark.parametrize("name", SHARED_FILES)
def test_every_roster_of_the_shared_gazettes_is_read_as_printed(name):
    found = [as_expected(roster) for roster in all_of(shared(name), "rosters")]
    assert found == ROSTERS[name]


def test_roster_lines_and_groups_of_the_shared_gazettes_are_read_exactly_in_at_least_99_percent():
    found = {name: shared(name) for name in SHARED_FILES}
    rosters = {score.category: score for score in scores(found) if score.category.startswith("roster")}
    members, groups = (
        rosters["roster members (role, name, title)"],
        rosters["roster groups (name, placeholders, office)"],
    )
    assert members.expected > 600 and groups.expected > 40
    for score in (members, groups):
        assert score.recall >= 0.99 and score.precision >= 0.99, score


def test_a_member_span_covers_the_lines_the_member_is_printed_on():
    lines = gazette_text("xingxian-2022-2.txt").split("\n")
    roster = next(
        r for r in all_of(shared("xingxian-2022-2.txt"), "rosters") if r.document.key == "兴政办函〔2022〕9号"
    )
    for member in roster.members:
        printed = "".join(lines[member.span.start - 1 : member.span.end]).replace(" ", "")
        assert member.name in printed and printed.endswith(member.title[-3:]), member
    wrapped = next(member for member in roster.members if member.name == "欧磊")
    assert wrapped.title == "县人民检察院主持日常工作的副检察长" and wrapped.span.end - wrapped.span.start == 2


def test_duty_paragraphs_between_member_lines_do_not_end_the_roster():
    roster = next(
        r for r in all_of(shared("xingxian-2022-2.txt"), "rosters") if r.document.key == "兴政办函〔2022〕7号"
    )
    assert [member.name for member in roster.members][-2:] == ["丁万贵", "吴晓光"]
    assert roster.members[-1].title == "中澳煤成气能源有限公司临兴项目部总经理"


def test_the_office_roster_joins_the_group_with_office_roles_and_names_its_head():
    roster = next(
        r for r in all_of(shared("xingxian-2023-4.txt"), "rosters") if r.document.key == "兴政办发〔2023〕42号"
    )
    office = [(member.role, member.name) for member in roster.members if member.role.startswith("办公室")]
    assert office[:2] == [("办公室主任", "马兴勇"), ("办公室常务副主任", "贾广田")]
    assert roster.office_head == "马兴勇" and roster.office_host == "县自然资源局"


def test_member_change_rules_are_kept_as_written():
    rules = {r.document.key: r.member_change_rule for r in all_of(shared("xingxian-2022-2.txt"), "rosters")}
    assert (
        rules["兴政办函〔2022〕14号"]
        == "领导小组组成人员如有变动，由现履职人员自行替补，领导小组办公室及时动态调整，不再另行发文。"
    )
    assert rules["兴政办函〔2022〕9号"].startswith("领导小组成员单位可根据工作情况进行调整")


def test_a_hard_wrapped_roster_with_labels_on_their_own_lines():
    (roster,) = all_of(sample("extract-hard-wrapped-roster.txt"), "rosters")
    assert roster.group == '青岚县河湖"清四乱"专项整治工作领导小组' and roster.kind == "领导小组"
    assert [(m.role, m.name, m.title) for m in roster.members] == [
        ("组长", "李明远", "县委副书记、县人民政府县长"),
        ("副组长", "周斌", "县委常委、县人民政府常务副县长"),
        ("副组长", "何晓东", "县人民政府副县长"),
        ("成员", "赵强", "县水利局局长"),
        ("成员", "钱丽华", "县自然资源和规划局局长"),
        ("成员", "孙洁", "县住房和城乡建设局局长"),
    ]
    assert roster.placeholders == ["各乡镇人民政府乡镇长"]
    assert (roster.office_host, roster.office_head) == ("县水利局", "赵强")
    assert roster.member_change_rule == "领导小组成员如有变动，由接任者自行递补，不再另行发文。"


def test_a_tab_roster_with_label_cells_and_a_title_wrapped_in_its_cell():
    listed, sentence = all_of(sample("extract-tab-tables.txt"), "rosters")
    assert listed.group == "河阳县安全生产委员会" and listed.kind == "委员会"
    assert [(m.role, m.name, m.title) for m in listed.members] == [
        ("主任", "宋立新", "县委副书记、县长"),
        ("常务副主任", "冯军", "县委常委、常务副县长"),
        ("副主任", "韩明月", "副县长"),
        ("副主任", "郑涛", "副县长、县公安局局长"),
        ("委员", "王芳", "县应急管理局局长"),
        ("委员", "陈国庆", "县交通运输局局长"),
        ("委员", "刘洋", "县市场监督管理局局长"),
    ]
    assert listed.placeholders == ["各镇（街道）主要负责人"]
    assert listed.members[-1].span.start + 1 == listed.members[-1].span.end


def test_a_group_set_up_in_a_sentence_is_proposed_with_what_the_sentence_gives():
    _, sentence = all_of(sample("extract-tab-tables.txt"), "rosters")
    assert sentence.from_sentence and sentence.group == "河阳县森林防灭火工作领导小组"
    assert [(m.role, m.name, m.title) for m in sentence.members] == [("组长", "", "县长"), ("副组长", "", "分管副县长")]
    assert sentence.placeholders == ["县直有关单位主要负责人"]


def test_the_extraction_names_no_county_and_imports_no_django_nor_ledger_apps():
    for path in EXTRACTION.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "兴" not in source, path.name
        imported = {
            node.module if isinstance(node, ast.ImportFrom) else alias.name
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
        for name in filter(None, imported):
            assert not name.startswith(("django", "projects", "land", "compensation")), (path.name, name)


# --- The same behaviours on invented samples, which always run -----------------------------------------------------

PEOPLE = "extract-rosters-and-portfolios.txt"


def rosters_of(name, document):
    return [roster for roster in all_of(sample(name), "rosters") if roster.document.key == document]


def test_an_invented_group_is_read_with_every_member_placeholder_office_and_rule():
    (roster,) = rosters_of(PEOPLE, "桐政办函〔2023〕8号")
    assert as_expected(roster) == {
        "document": "桐政办函〔2023〕8号",
        "group": "桐溪县煤层气产业发展领导小组",
        "kind": "领导小组",
        "members": [
            ("组长", "韩立新", "县委副书记、县人民政府县长"),
            ("副组长", "贾东", "县委常委、县人民政府副县长"),
            ("副组长", "邱明辉", "县人民政府副县长"),
            ("成员", "苗志刚", "县发展和改革局局长"),
            ("成员", "马蕾", "县自然资源局局长"),
            ("成员", "侯建业", "县能源局局长"),
            ("成员", "钟雪", "县人民检察院主持日常工作的副检察长"),
            ("成员", "廖文斌", "青山煤层气公司桐溪项目部经理"),
        ],
        "placeholders": ["各乡（镇）乡（镇）长"],
        "office_host": "县能源局",
        "office_head": "侯建业",
    }
    assert roster.member_change_rule == "领导小组成员如有变动，由接任者自行替补，不再另行发文。"


def test_duty_paragraphs_printed_between_member_lines_of_an_invented_roster_do_not_end_it():
    (roster,) = rosters_of(PEOPLE, "桐政办函〔2023〕8号")
    names = [member.name for member in roster.members]
    assert names[2] == "邱明辉"  # after （二）研究制定…
    assert names[-3:] == ["侯建业", "钟雪", "廖文斌"]  # after （三）督促…
    assert roster.span == Span(38, 51)


def test_member_spans_cover_the_lines_a_wrapped_title_is_printed_on():
    lines = (SAMPLES / PEOPLE).read_text(encoding="utf-8").split("\n")
    (roster,) = rosters_of(PEOPLE, "桐政办函〔2023〕8号")
    for member in roster.members:
        printed = "".join(lines[member.span.start - 1 : member.span.end]).replace(" ", "")
        assert member.name in printed and printed.endswith(member.title[-3:]), member
    wrapped = next(member for member in roster.members if member.name == "钟雪")
    assert wrapped.span == Span(46, 48)


def test_the_office_roster_of_an_invented_plan_joins_its_group_with_office_roles():
    (roster,) = rosters_of(PEOPLE, "桐政办发〔2023〕21号")
    assert as_expected(roster) == {
        "document": "桐政办发〔2023〕21号",
        "group": "桐溪县耕地保护监测调度工作领导小组",
        "kind": "领导小组",
        "members": [
            ("组长", "韩立新", "县委副书记、县人民政府县长"),
            ("副组长", "邱明辉", "县人民政府副县长"),
            ("成员", "马蕾", "县自然资源局局长"),
            ("成员", "高占军", "县农业农村局局长"),
            ("办公室主任", "邱明辉", "县人民政府副县长（兼）"),
            ("办公室常务副主任", "马蕾", "县自然资源局局长（兼）"),
            ("办公室副主任", "胡晓光", "县人民政府办公室副主任"),
            ("办公室副主任", "祁东", "县自然资源局执法大队大队长"),
        ],
        "placeholders": ["各乡（镇）乡（镇）长", "领导小组成员单位相关人员"],
        "office_host": "县自然资源局",
        "office_head": "邱明辉",
    }
    assert roster.member_change_rule == "领导小组成员单位可根据工作情况进行调整，报领导小组同意后执行。"
    assert roster.span == Span(67, 82)


def test_letter_spaced_and_padded_labels_and_names_give_each_member_the_last_role():
    (roster,) = rosters_of("full-issue.txt", "柳政办发〔2024〕9号")
    assert (roster.group, roster.kind) == ("柳河县防汛抗旱指挥部", "指挥部")
    assert [(m.role, m.name, m.title) for m in roster.members] == [
        ("指挥长", "郑国华", "县委副书记、县人民政府县长"),
        ("副指挥长", "林志远", "县人民政府副县长"),
        ("成员", "吴晓峰", "县水利局局长"),
        ("成员", "何平", "县应急管理局局长"),
        ("成员", "宋建民", "县现代农业发展服务中心主任"),
    ]
    assert roster.placeholders == ["各乡镇乡镇长"]
    assert (roster.office_host, roster.office_head) == ("县水利局", "吴晓峰")


def test_documents_without_a_roster_propose_none():
    assert rosters_of(PEOPLE, "桐政发〔2023〕9号") == []


# --- Rosters written as sentences, in an invented gazette of another county (two documents wrapped narrow) ------------

SENTENCES = "extract-rosters-in-sentences.txt"


def test_rosters_written_as_sentences_are_read_with_every_line_placeholder_and_office():
    assert [as_expected(roster) for roster in all_of(sample(SENTENCES), "rosters")] == [
        {
            "document": "云政办发〔2024〕5号",
            "group": "云岭县农村人居环境整治工作领导小组",
            "kind": "领导小组",
            "members": [
                ("组长", "陈志远", "县委副书记、县长"),
                ("副组长", "林海波", "县委常委、常务副县长"),
                ("副组长", "苏婉", "副县长"),
                ("成员", "", "县农业农村局"),
                ("成员", "", "县住房和城乡建设局"),
                ("成员", "", "县财政局"),
            ],
            "placeholders": ["各乡镇乡镇长"],
            "office_host": "县农业农村局",
            "office_head": "高明",
        },
        {
            "document": "云政办函〔2024〕9号",
            "group": "云岭县安全生产委员会",
            "kind": "委员会",
            "members": [
                ("主任", "陈志远", "县长"),
                ("常务副主任", "林海波", "常务副县长"),
                ("副主任", "苏婉", "副县长"),
                ("成员", "", "县应急管理局"),
                ("成员", "", "县公安局"),
                ("成员", "", "县交通运输局"),
                ("成员", "", "县市场监督管理局"),
            ],
            "placeholders": ["各乡镇人民政府"],
            "office_host": "县应急管理局",
            "office_head": "县应急管理局局长",
        },
        {
            "document": "云政办发〔2024〕12号",
            "group": "云岭县文旅融合发展工作专班",
            "kind": "工作专班",
            "members": [
                ("组长", "", "县长"),
                ("副组长", "", "分管副县长"),
                ("成员", "", "县文化和旅游局"),
                ("成员", "", "县发展和改革局"),
                ("成员", "", "县财政局"),
            ],
            "placeholders": [],
            "office_host": "县文化和旅游局",
            "office_head": None,
        },
        {
            "document": "云政办发〔2024〕12号",
            "group": "县级督导专家组",
            "kind": "专家组",
            "members": [
                ("组长", "", "县文化和旅游局局长"),
                ("成员", "", "县文化馆"),
                ("成员", "", "县博物馆"),
                ("成员", "", "县图书馆"),
            ],
            "placeholders": [],
            "office_host": None,
            "office_head": None,
        },
        {
            "document": "云政办发〔2024〕15号",
            "group": "云岭县养老服务体系建设领导小组",
            "kind": "领导小组",
            "members": [
                ("组长", "陈志远", "县委副书记、县长"),
                ("副组长", "苏婉", "副县长"),
                ("成员", "何静", "县民政局局长"),
                ("成员", "唐立新", "县人力资源和社会保障局局长"),
            ],
            "placeholders": [],
            "office_host": "县民政局",
            "office_head": "何静",
        },
        {
            "document": "云政办发〔2024〕15号",
            "group": "项目实施领导小组",
            "kind": "领导小组",
            "members": [
                ("组长", "何静", "县民政局局长"),
                ("副组长", "郑雪", "县民政局副局长、县社会福利中心主任"),
                ("成员", "邓凯", "县住建局副局长"),
                ("成员", "万里", "县财政局副局长"),
            ],
            "placeholders": [],
            "office_host": None,
            "office_head": None,
        },
    ]


def test_groups_others_are_told_to_set_up_and_meeting_rules_give_no_roster():
    groups = [roster.group for roster in all_of(sample(SENTENCES), "rosters")]
    assert "领导小组" not in groups and "工作专班" not in groups  # 各乡镇也要成立相应的…，由乡镇长任组长
    titles = [member.title for roster in all_of(sample(SENTENCES), "rosters") for member in roster.members]
    assert "乡镇长" not in titles


def test_a_sentence_roster_wrapped_narrow_spans_the_lines_its_members_are_printed_on():
    lines = (SAMPLES / SENTENCES).read_text(encoding="utf-8").split("\n")
    roster = next(r for r in all_of(sample(SENTENCES), "rosters") if r.group == "云岭县养老服务体系建设领导小组")
    assert roster.from_sentence and roster.span == Span(127, 133)
    for member in roster.members:
        printed = "".join(lines[member.span.start - 1 : member.span.end])
        assert member.name in printed, member


def test_posts_printed_before_padded_names_give_each_person_their_post():
    # 石门县 (typed by hand): names aligned right after the post, an office head named in a clause of its own.
    (roster,) = rosters_of("extract-rosters-post-first.txt", "石政办发〔2024〕9号")
    assert as_expected(roster) == {
        "document": "石政办发〔2024〕9号",
        "group": "石门县森林防灭火指挥部",
        "kind": "指挥部",
        "members": [
            ("总指挥", "刘长青", "县长"),
            ("副总指挥", "陈立", "县委常委、常务副县长"),
            ("副总指挥", "黄海波", "副县长"),
            ("成员", "马骏", "县应急管理局局长"),
            ("成员", "徐红梅", "县林业局局长"),
            ("成员", "何勇", "县公安局副局长"),
        ],
        "placeholders": [],
        "office_host": "县林业局",
        "office_head": "徐红梅",
    }
    assert [member.span for member in roster.members] == [Span(line, line) for line in range(5, 11)]
    assert roster.warning is None


def test_units_listed_under_a_label_sharing_one_post_are_the_units():
    (roster,) = rosters_of("extract-rosters-post-first.txt", "石政发〔2024〕3号")
    assert [(m.role, m.name, m.title, m.kind) for m in roster.members] == [
        ("主任", "", "县长", "position"),
        ("副主任", "", "常务副县长", "position"),
        ("副主任", "", "分管应急管理工作的副县长", "position"),
        ("成员", "", "县应急管理局", "unit"),
        ("成员", "", "县公安局", "unit"),
        ("成员", "", "县交通运输局", "unit"),
        ("成员", "", "县住房和城乡建设局", "unit"),
    ]
    assert (roster.office_host, roster.office_head) == ("县应急管理局", "县应急管理局局长")


def test_members_printed_name_first_with_their_post_in_brackets_on_lines_of_their_own():
    """extract-rosters-bracketed-titles.txt (松岭县, typed by hand): 副总指挥：赵军（副县长） and, on the next line,
    孙丽华（副县长）; the body names the group 调整后的县防汛抗旱指挥部, the title 松岭县防汛抗旱指挥部."""
    (roster,) = all_of(sample("extract-rosters-bracketed-titles.txt"), "rosters")
    assert roster.group == "松岭县防汛抗旱指挥部"
    assert [(member.role, member.name, member.title) for member in roster.members] == [
        ("总指挥", "王伟", "县长"),
        ("副总指挥", "赵军", "副县长"),
        ("副总指挥", "孙丽华", "副县长"),
        ("成员", "周斌", "县应急管理局局长"),
        ("成员", "吴国庆", "县水利局局长"),
        ("成员", "郑涛", "县气象局局长"),
    ]
    assert (roster.office_host, roster.office_head, roster.span) == ("县应急管理局", "周斌", Span(34, 37))


def test_a_members_role_printed_after_them_in_brackets_is_their_role():
    """extract-rosters-role-after-member.txt (青林县, typed by hand): no labels, each line a member with their
    role closing it (王建国　县委副书记、县长（组长）); the next document's roster is labelled as usual."""
    first, second = all_of(sample("extract-rosters-role-after-member.txt"), "rosters")
    assert first.group == "青林县河湖长制工作领导小组"
    assert [(member.role, member.name, member.title) for member in first.members] == [
        ("组长", "王建国", "县委副书记、县长"),
        ("常务副组长", "李明", "县委常委、常务副县长"),
        ("副组长", "赵晓燕", "副县长"),
        ("成员", "孙伟", "县水利局局长"),
        ("成员", "周强", "县生态环境分局局长"),
    ]
    assert (first.office_host, first.office_head, first.span) == ("县水利局", "孙伟", Span(6, 10))
    assert [(member.role, member.name) for member in second.members][:3] == [
        ("总指挥", "王建国"),
        ("副总指挥", "赵晓燕"),
        ("副总指挥", "钱进"),
    ]


def test_a_banners_narrow_roster_with_titles_wrapped_onto_the_next_line():
    # narrow-banner.txt (乌拉特中旗, typed by hand): each member's title wrapped at 12 characters, later members
    # indented under 成员：.
    (roster,) = all_of(sample("narrow-banner.txt"), "rosters")
    assert roster.group == "乌拉特中旗防汛抗旱指挥部" and roster.kind == "指挥部"
    assert [(m.role, m.name, m.title) for m in roster.members] == [
        ("总指挥", "巴特尔", "旗委副书记、旗长"),
        ("副总指挥", "李海军", "旗人民政府副旗长"),
        ("成员", "张红", "旗水利局局长"),
        ("成员", "王志刚", "旗应急管理局局长"),
        ("成员", "乌云", "旗气象局局长"),
    ]
    assert (roster.office_host, roster.office_head) == ("旗水利局", "王志刚")


def test_a_narrow_roster_whose_names_wrapped_after_their_padded_posts():
    # 溪口县 (invented): posts padded to align the names right, in a column so narrow that each name wrapped onto a
    # line of its own (`指 挥 长：县长　　　…` | `　周建国`); one post's padding cut after a single space.
    text = (
        "溪口县人民政府办公室关于成立溪口县\n防汛抗旱指挥部的通知\n溪政办发〔2026〕7号\n\n"
        "各乡镇人民政府，县直各部门：\n经县人民政府同意，决定成立溪口县防\n汛抗旱指挥部，组成人员如下：\n"
        "指 挥 长：县长　　　　　　　　　　\n　周建国\n"
        "副指挥长：分管水利工作的副县长　\n　　林晓\n"
        "成　　员：县水利局局长　　　　　　\n　赵强\n"
        "　　　　　县应急管理局局长　　　　\n　孙悦\n"
        "指挥部办公室设在县水利局。\n\n溪口县人民政府办公室\n2026年5月6日\n"
    )
    (roster,) = all_of(gazette.extraction.extract_gazette(parse_gazette(text), text), "rosters")
    assert roster.group == "溪口县防汛抗旱指挥部"
    assert [(m.role, m.name, m.title, m.span) for m in roster.members] == [
        ("指挥长", "周建国", "县长", Span(8, 9)),
        ("副指挥长", "林晓", "分管水利工作的副县长", Span(10, 11)),
        ("成员", "赵强", "县水利局局长", Span(12, 13)),
        ("成员", "孙悦", "县应急管理局局长", Span(14, 15)),
    ]


def test_labels_without_a_colon_set_off_by_padding_give_their_role():
    # 南溪县 (invented): a roster laid out like a table without its rules, each label padded from the member after
    # it and no colon (`主　任　　刘国强　县长`), a spaced name under a spaced label (`委　员　　赵　刚　…`).
    text = (
        "南溪县人民政府办公室关于调整南溪县安全生产委员会组成人员的通知\n南府办发〔2025〕12号\n"
        "各乡镇人民政府，县政府各部门：\n"
        "因人事变动，县政府决定对县安全生产委员会组成人员进行调整。调整后的组成人员如下：\n"
        "主　任　　刘国强　县长\n副主任　　陈志明　常务副县长\n　　　　　黄丽华　副县长\n"
        "委　员　　赵　刚　县林业局局长\n　　　　　钱　伟　县应急管理局局长\n　　　　　县住建局局长\n"
        "安委会办公室设在县应急管理局，钱伟同志兼任办公室主任。\n南溪县人民政府办公室\n2025年4月10日\n"
    )
    (roster,) = all_of(gazette.extraction.extract_gazette(parse_gazette(text), text), "rosters")
    assert roster.group == "南溪县安全生产委员会"
    assert [(m.role, m.name, m.title, m.kind, m.span) for m in roster.members] == [
        ("主任", "刘国强", "县长", "person", Span(5, 5)),
        ("副主任", "陈志明", "常务副县长", "person", Span(6, 6)),
        ("副主任", "黄丽华", "副县长", "person", Span(7, 7)),
        ("委员", "赵刚", "县林业局局长", "person", Span(8, 8)),
        ("委员", "钱伟", "县应急管理局局长", "person", Span(9, 9)),
        ("委员", "", "县住建局局长", "position", Span(10, 10)),
    ]
    assert (roster.office_host, roster.office_head) == ("县应急管理局", "钱伟")


def test_a_sentence_opening_with_a_role_word_is_no_padded_label():
    text = (
        "南溪县人民政府关于表彰先进集体的通知\n南府发〔2025〕9号\n各乡镇人民政府：\n"
        "主任　委员会议定的事项，由各乡镇按照要求落实。\n南溪县人民政府\n2025年4月12日\n"
    )
    assert all_of(gazette.extraction.extract_gazette(parse_gazette(text), text), "rosters") == []


def test_a_members_bracket_that_a_narrow_column_cut_closes_on_the_next_line():
    # narrow-cut-labels.txt (梅岭县, 18 characters a line, typed by hand): 陈志明（县委常委、常务副县 | 长）.
    (roster,) = all_of(sample("narrow-cut-labels.txt"), "rosters")
    assert roster.group == "梅岭县森林防灭火指挥部"
    assert [(m.role, m.name, m.title, m.span) for m in roster.members] == [
        ("总指挥", "刘国强", "县委副书记、县长", Span(11, 11)),
        ("副总指挥", "陈志明", "县委常委、常务副县长", Span(12, 13)),
        ("副总指挥", "黄丽华", "副县长", Span(14, 14)),
        ("成员", "赵刚", "县林业局局长", Span(15, 15)),
        ("成员", "钱伟", "县应急管理局局长", Span(16, 16)),
    ]
    assert (roster.office_host, roster.office_head) == ("县林业局", "赵刚")


def test_members_whose_bracketed_posts_a_very_narrow_column_cut_keep_them_whole():
    # 南溪县 (invented), 12 characters a line: each post's bracket closes on the next line, alone or with the
    # post's end.
    text = (
        "南溪县人民政府关于成立南\n溪县森林防灭火指挥部的通\n知\n南府发〔2025〕8号\n各乡镇人民政府，县政府各\n部门：\n"
        "为加强森林防灭火工作，经\n研究，决定成立南溪县森林\n防灭火指挥部。现将组成人\n员通知如下：\n"
        "总指挥：刘国强（县委副书\n记、县长）\n副总指挥：陈志明（县委常\n委、常务副县长）\n"
        "　　　　　黄丽华（副县长\n）\n"
        "成员：赵刚（县林业局局长\n）\n　　　钱伟（县应急管理局\n局长）\n"
        "指挥部办公室设在县林业局\n，赵刚同志兼任办公室主任\n。\n南溪县人民政府\n2025年3月2日\n"
    )
    (roster,) = all_of(gazette.extraction.extract_gazette(parse_gazette(text), text), "rosters")
    assert [(m.role, m.name, m.title, m.span) for m in roster.members] == [
        ("总指挥", "刘国强", "县委副书记、县长", Span(11, 12)),
        ("副总指挥", "陈志明", "县委常委、常务副县长", Span(13, 14)),
        ("副总指挥", "黄丽华", "副县长", Span(15, 16)),
        ("成员", "赵刚", "县林业局局长", Span(17, 18)),
        ("成员", "钱伟", "县应急管理局局长", Span(19, 20)),
    ]


def test_duty_paragraphs_wrapped_over_lines_between_member_lines_do_not_end_the_roster():
    # 桐溪县 (invented), 16 characters a line: a duty paragraph's second line is no member and ends nothing.
    text = (
        "桐溪县人民政府办公室关于成立桐溪县煤\n层气产业发展领导小组的通知\n桐政办函〔2023〕8号\n各乡镇人民政府：\n"
        "组 长：韩立新 县委副书记、县长\n副组长：贾 东 县委常委、副县长\n"
        "（二）研究制定煤层气产业发展规划\n和年度计划。\n邱明辉 县人民政府副县长\n成 员：苗志刚 县发改局局长\n"
        "（三）督促各有关单位落实工作任务\n。\n马 蕾 县自然资源局局长\n"
        "桐溪县人民政府办公室\n2023年5月8日\n"
    )
    (roster,) = all_of(gazette.extraction.extract_gazette(parse_gazette(text), text), "rosters")
    assert [(m.role, m.name, m.title, m.span.start) for m in roster.members] == [
        ("组长", "韩立新", "县委副书记、县长", 5),
        ("副组长", "贾东", "县委常委、副县长", 6),
        ("副组长", "邱明辉", "县人民政府副县长", 9),
        ("成员", "苗志刚", "县发改局局长", 10),
        ("成员", "马蕾", "县自然资源局局长", 13),
    ]


def test_a_group_that_takes_its_posts_in_one_sentence_and_members_printed_post_first():
    # 河西县 (invented): 领导小组由县长任组长，…为成员; then a committee whose first member's padding the label took
    # (委　　员：县市场监管局局长　李　强).
    text = (
        "河西县人民政府办公室关于成立河西县招商引资工作领导小组的通知\n河政办发〔2025〕40号\n各乡镇人民政府：\n"
        "县人民政府决定成立河西县招商引资工作领导小组。领导小组由县长任组长，常务副县长、分管副县长任副组长，"
        "县发改局、县商务局主要负责人为成员。领导小组办公室设在县商务局。\n河西县人民政府办公室\n2025年8月1日\n\n"
        "河西县人民政府关于调整河西县食品安全委员会组成人员的通知\n河政发〔2025〕22号\n各乡镇人民政府：\n"
        "现将县食品安全委员会组成人员调整如下：\n主　　任：孙国栋（县长）\n"
        "委　　员：县市场监管局局长　李　强\n　　　　　县卫健局局长　　　周　梅\n河西县人民政府\n2025年8月5日\n"
    )
    group, committee = all_of(gazette.extraction.extract_gazette(parse_gazette(text), text), "rosters")
    assert group.group == "河西县招商引资工作领导小组"
    assert [(m.role, m.name, m.title, m.kind) for m in group.members] == [
        ("组长", "", "县长", "position"),
        ("副组长", "", "常务副县长", "position"),
        ("副组长", "", "分管副县长", "position"),
        ("成员", "", "县发改局", "unit"),
        ("成员", "", "县商务局", "unit"),
    ]
    assert [(m.role, m.name, m.title, m.span) for m in committee.members] == [
        ("主任", "孙国栋", "县长", Span(12, 12)),
        ("委员", "李强", "县市场监管局局长", Span(13, 13)),
        ("委员", "周梅", "县卫健局局长", Span(14, 14)),
    ]
