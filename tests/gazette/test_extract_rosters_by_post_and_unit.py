"""Rosters that list members by post, by unit, or both, in invented gazettes of two other counties: a list of posts
wrapped over three lines, units under a 成员单位 label on a line of their own, posts one per line after a named
member, labels on their own lines in an annex, padded labels and names, and a narrow gazette (16 characters a line,
a blank line after each). Every expected line below is typed from the sample's text."""

import dataclasses

from gazette.extraction import rosters as roster_module
from gazette.extraction.common import Source
from gazette.parsing import parse_gazette
from gazette.parsing.result import Span
from tests.gazette.extracted import SAMPLES, all_of, sample

BY_POST = "extract-rosters-by-post-and-unit.txt"
NARROW = "extract-rosters-narrow.txt"
P, U, N = "position", "unit", "person"


def lines_of(roster):
    return [(m.role, m.name, m.title, m.kind) for m in roster.members]


def only_roster(name, document):
    (roster,) = [r for r in all_of(sample(name), "rosters") if r.document.key == document]
    return roster


def test_a_list_of_posts_wrapped_over_three_lines_gives_one_line_per_post():
    roster = only_roster(BY_POST, "东政办发〔2024〕11号")
    assert (roster.group, roster.kind) == ("东平县城市更新工作领导小组", "领导小组")
    assert lines_of(roster) == [
        ("组长", "", "县长", P),
        ("副组长", "", "常务副县长", P),
        ("副组长", "", "分管住建工作的副县长", P),
        ("成员", "", "县政府办公室主任", P),
        ("成员", "", "县发展和改革局局长", P),
        ("成员", "", "县财政局局长", P),
        ("成员", "", "县自然资源局局长", P),
        ("成员", "", "县住房和城乡建设局局长", P),
        ("成员", "", "县交通运输局局长", P),
        ("成员", "", "县水务局局长", P),
        ("成员", "", "县市场监督管理局局长", P),
        ("成员", "", "县城市管理局局长", P),
        ("成员", "", "县国网供电公司经理", P),
    ]
    assert roster.placeholders == ["各镇镇长"]
    assert (roster.office_host, roster.office_head) == ("县住房和城乡建设局", "县住房和城乡建设局局长")
    assert roster.member_change_rule == "领导小组成员因工作变动需要调整的，由所在单位接任领导自行替补，不再另行发文。"
    assert roster.warning is None


def test_a_post_cut_by_a_wrap_keeps_both_lines_in_its_span():
    roster = only_roster(BY_POST, "东政办发〔2024〕11号")
    wrapped = next(m for m in roster.members if m.title == "县自然资源局局长")
    assert wrapped.span == Span(20, 21)
    assert roster.span == Span(18, 22)


def test_member_units_under_a_padded_label_on_its_own_line_are_units():
    roster = only_roster(BY_POST, "东政办发〔2024〕14号")
    assert (roster.group, roster.kind) == ("东平县安全生产委员会", "委员会")
    units = [
        "县委宣传部",
        "县发展和改革局",
        "县教育和体育局",
        "县工业和信息化局",
        "县公安局",
        "县民政局",
        "县财政局",
        "县人力资源和社会保障局",
        "县自然资源局",
        "县住房和城乡建设局",
        "县交通运输局",
        "县水务局",
        "县农业农村局",
        "县商务局",
        "县文化和旅游局",
        "县卫生健康局",
        "县应急管理局",
        "县市场监督管理局",
        "县消防救援大队",
        "国网东平县供电公司",
    ]
    assert lines_of(roster) == [
        ("主任", "孙海涛", "县委副书记、县长", N),
        ("常务副主任", "周敏", "县委常委、常务副县长", N),
        ("副主任", "吴建华", "副县长", N),
        ("副主任", "郑凯", "副县长、县公安局局长", N),
    ] + [("成员", "", unit, U) for unit in units]
    assert roster.placeholders == []
    assert (roster.office_host, roster.office_head) == ("县应急管理局", "县应急管理局局长")
    assert roster.member_change_rule == "各成员单位分管负责人为委员会委员，如有变动，由接任者自行替补。"


def test_posts_one_per_line_after_a_named_member_are_members_of_their_own():
    roster = only_roster(BY_POST, "东政办函〔2024〕6号")
    assert (roster.group, roster.kind) == ("东平县乡村振兴示范创建工作专班", "工作专班")
    assert lines_of(roster) == [
        ("组长", "吴建华", "副县长", N),
        ("副组长", "刘洋", "县农业农村局局长", N),
        ("副组长", "", "县乡村振兴服务中心主任", P),
        ("成员", "", "县财政局分管副局长", P),
        ("成员", "", "县自然资源局分管副局长", P),
        ("成员", "王伟", "县住房和城乡建设局副局长", N),
        ("成员", "", "县水务局分管副局长", P),
        ("成员", "", "县农业农村局产业发展股股长", P),
        ("成员", "", "县文化和旅游局", U),
        ("成员", "", "县商务局", U),
    ]
    assert roster.placeholders == ["各镇人民政府"]
    assert (roster.office_host, roster.office_head) == ("县农业农村局", "刘洋")


def test_labels_on_their_own_lines_in_an_annex_take_the_posts_below_them():
    roster = only_roster(BY_POST, "东政办函〔2024〕9号")
    assert (roster.group, roster.kind) == ("东平县秸秆综合利用工作领导小组", "领导小组")
    assert lines_of(roster) == [
        ("组长", "", "分管农业农村工作的副县长", P),
        ("副组长", "", "县农业农村局局长", P),
        ("副组长", "", "县生态环境分局局长", P),
        ("成员", "", "县发展和改革局副局长", P),
        ("成员", "", "县财政局副局长", P),
        ("成员", "", "县公安局副局长", P),
        ("成员", "", "县交通运输局副局长", P),
        ("成员", "", "县农业机械化服务中心主任", P),
    ]
    assert roster.placeholders == ["各镇镇长"]
    assert (roster.office_host, roster.office_head) == ("县农业农村局", "县农业农村局分管副局长")


def test_an_annex_label_before_the_roster_heading_is_not_part_of_the_group_name():
    roster = only_roster(BY_POST, "东政办函〔2024〕12号")
    assert (roster.group, roster.kind) == ("东平县第五次全国经济普查领导小组", "领导小组")
    assert lines_of(roster) == [
        ("组长", "周敏", "县委常委、常务副县长", N),
        ("副组长", "", "县统计局局长", P),
        ("成员", "", "县委宣传部副部长", P),
        ("成员", "", "县发展和改革局副局长", P),
        ("成员", "", "县公安局副局长", P),
        ("成员", "", "县民政局副局长", P),
        ("成员", "", "县财政局副局长", P),
        ("成员", "", "县市场监督管理局副局长", P),
        ("成员", "", "县税务局副局长", P),
        ("成员", "", "县统计局副局长", P),
    ]
    assert (roster.office_host, roster.office_head) == ("县统计局", "县统计局局长")


def test_a_narrow_gazette_list_of_posts_cut_inside_words_is_read_item_by_item():
    roster = only_roster(NARROW, "清政办发〔2023〕31号")
    assert (roster.group, roster.kind) == ("清河县森林防灭火指挥部", "指挥部")
    assert lines_of(roster) == [
        ("指挥长", "", "县长", P),
        ("副指挥长", "", "分管林业工作的副县长", P),
        ("副指挥长", "", "县人武部部长", P),
        ("副指挥长", "", "县公安局局长", P),
        ("成员", "", "县委宣传部副部长", P),
        ("成员", "", "县发改局局长", P),
        ("成员", "", "县财政局局长", P),
        ("成员", "", "县林业局局长", P),
        ("成员", "", "县应急管理局局长", P),
        ("成员", "", "县气象局局长", P),
        ("成员", "", "县消防救援大队大队长", P),
    ]
    assert roster.placeholders == ["各乡镇乡镇长"]
    assert (roster.office_host, roster.office_head) == ("县林业局", "县林业局局长")
    assert roster.member_change_rule == "指挥部成员如有变动，由接任者自行替补，不再另行发文。"


def test_a_narrow_gazette_list_of_units_after_padded_names():
    roster = only_roster(NARROW, "清政办函〔2023〕12号")
    assert (roster.group, roster.kind) == ("清河县河长制工作领导小组", "领导小组")
    units = ["县发改局", "县财政局", "县自然资源局", "县生态环境分局", "县住建局"]
    units += ["县农业农村局", "县林业局", "县水利局", "县文旅局"]
    assert lines_of(roster) == [
        ("组长", "张伟", "县委副书记、县长", N),
        ("副组长", "陈刚", "副县长", N),
        ("副组长", "李娜", "县水利局局长", N),
    ] + [("成员", "", unit, U) for unit in units]
    assert (roster.office_host, roster.office_head) == ("县水利局", "李娜")
    last = roster.members[-1]
    assert last.span == Span(75, 77)  # 县 | (blank) | 文旅局


def test_no_invented_roster_warns_when_every_line_is_read():
    for name in (BY_POST, NARROW):
        assert all(roster.warning is None for roster in all_of(sample(name), "rosters"))


def test_a_roster_that_lost_lines_warns_with_what_it_read_and_what_the_text_prints():
    # The 29-members-as-4-rows failure: the 成员 list read as one line instead of ten.
    text = (SAMPLES / BY_POST).read_text(encoding="utf-8")
    roster = only_roster(BY_POST, "东政办发〔2024〕11号")
    members = [m for m in roster.members if m.role != "成员"]
    members.append(dataclasses.replace(roster.members[3], title="县政府办公室主任、县发展和改革局局长、…"))
    lost = dataclasses.replace(roster, members=members)
    source = _source(text, "东政办发〔2024〕11号")
    warning = roster_module.roster_warning(source, lost)
    # Read: 县长, two deputies, one 成员 line and 各镇镇长. Printed: 13 posts and 各镇镇长, of which the count leaves
    # out 分管住建工作的副县长, mid-list and not beginning like a post or a unit (the count errs on silence).
    assert (warning.read, warning.in_text) == (5, 13)
    assert roster_module.roster_warning(source, roster) is None


def _source(text, number):
    document = next(d for d in parse_gazette(text).documents if d.number == number)
    return Source(document, text.split("\n"))
