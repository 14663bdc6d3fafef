"""Tasks read from task tables, from prose items ending in a responsibility bracket, and from items whose units
follow under labels."""

from datetime import date
from types import SimpleNamespace

from gazette.extraction import extract_gazette, task_items
from gazette.extraction.common import Source
from gazette.extraction.task_items import IMPLEMENTING, LEAD, RESPONSIBLE, SUPPORTING, responsibility
from gazette.parsing import parse_gazette
from gazette.parsing.result import Block, Span
from intake.drafts import task_due, task_milestones
from tests.gazette.extracted import all_of, sample, shared


def units(task):
    return [(unit.name, unit.role) for unit in task.units]


def test_responsibility_brackets_in_their_four_forms():
    assert [(u.name, u.role) for u in responsibility("责任单位：县住建局、县水利局")] == [
        ("县住建局", RESPONSIBLE),
        ("县水利局", RESPONSIBLE),
    ]
    assert [(u.name, u.role) for u in responsibility("县能源局牵头，县发改局、县工信局配合")] == [
        ("县能源局", LEAD),
        ("县发改局", SUPPORTING),
        ("县工信局", SUPPORTING),
    ]
    assert [(u.name, u.role) for u in responsibility("县林业局负责")] == [("县林业局", RESPONSIBLE)]
    assert [u.name for u in responsibility("县卫体局、县市场监管局按职责分工负责")] == ["县卫体局", "县市场监管局"]
    assert responsibility("含二层") == [] and responsibility("以下简称领导小组") == []


def test_prose_items_of_another_county():
    tasks = [task for task in all_of(sample("extract-tab-tables.txt"), "tasks") if not task.from_table]
    assert [task.title for task in tasks] == [
        "建立整改台账，逐宗明确整改责任人",
        "对违法占用耕地建房问题依法处置，9月底前完成拆除复耕",
        "每月20日前报送整改进展",
    ]
    assert units(tasks[1]) == [("县自然资源局", LEAD), ("县农业农村局", SUPPORTING), ("各镇人民政府", SUPPORTING)]
    assert tasks[1].deadline_text == "9月底前" and task_due(tasks[1]).isoformat() == "2024-09-30"
    assert tasks[2].span.start == tasks[2].span.end


def test_a_table_by_township_and_problem_type_drops_totals_and_repeated_headers():
    tasks = [task for task in all_of(sample("extract-tab-tables.txt"), "tasks") if task.from_table]
    assert [(t.title, t.person, t.quantity) for t in tasks] == [
        ("城关镇违法建房", "李伟", "12.5亩"),
        ("城关镇违规取土", "李伟", "3.2亩"),  # township and person merged from the row above
        ("南湖街道违法建房", "赵敏", "8亩"),
        ("北关镇违法建房", "孙磊", "6.1亩"),  # one cell, two problem types: two tasks
        ("北关镇违规取土", "孙磊", "6.1亩"),
    ]
    milestones = task_milestones(tasks[0])
    assert [m.due.isoformat() for m in milestones] == ["2024-09-30", "2024-12-31"]


def test_the_shared_rectification_list_gives_each_problem_type_its_own_deadline():
    tasks = [t for t in all_of(shared("xingxian-2023-4.txt"), "tasks") if t.document.key == "兴政办发〔2023〕46号"]
    grain, farm = tasks[0], tasks[1]
    assert (grain.title, grain.person, grain.quantity) == ("奥家湾乡非粮化", "高翔", "650.2405亩")
    assert task_due(grain).isoformat() == "2024-06-30" and task_due(farm).isoformat() == "2023-12-30"
    assert not any("合计" in task.title for task in tasks)
    own_township = next(task for task in tasks if task.title.startswith("恶虎滩乡"))
    assert own_township.person is None and own_township.deadline_text is None  # not merged from another township


def test_a_bracket_printed_after_a_page_break_closes_the_item_before_it():
    tasks = [t for t in all_of(shared("xingxian-2021-2.txt"), "tasks") if t.document.key == "兴政办发〔2021〕22号"]
    assert all(task.title for task in tasks)
    water = next(
        task for task in tasks if units(task) == [("县水利局", RESPONSIBLE)] and "保障河流水质稳定" in task.description
    )
    assert water.title == "实施生态流量管理"  # the item's heading sentence; the rest is its description
    assert water.span.end > water.span.start


def test_table_rows_naming_no_task_propose_nothing():
    """兴政发〔2021〕12号's project table has a sub-header row (乡 | 村数), the table's total and a section's subtotal
    (一、产业发展 … 10000): rows with no project name."""
    tasks = [t for t in all_of(shared("xingxian-2021-2.txt"), "tasks") if t.document.key == "兴政发〔2021〕12号"]
    assert tasks and all(task.title.strip() for task in tasks)
    assert "绿色谷子基地" in [task.title for task in tasks]


# --- The same behaviours on an invented sample, which always runs ---------------------------------------------------

PLANS = "extract-plans.txt"


def tasks_of(document):
    return [task for task in all_of(sample(PLANS), "tasks") if task.document.key == document]


def test_an_invented_rectification_list_gives_each_township_and_problem_type_its_own_task_and_deadline():
    tasks = tasks_of("云政办发〔2024〕18号")
    assert [(t.title, t.person, t.quantity, t.deadline_text) for t in tasks] == [
        ("白沙乡非粮化", "陈明", "120.5亩", "“非粮化”问题2025年6月30日前完成整改"),
        ("白沙乡非农化", "陈明", "3.6亩", "“非农化”问题2024年12月30日前完成整改"),  # merged from the row above
        ("红岩乡非粮化", None, "40亩", None),  # a township of its own: nothing merged from 白沙乡
        ("石门镇非粮化", "吴昊", "15.2亩", "2025年3月31日前"),  # after the header printed again
        ("石门镇非农化", "吴昊", "15.2亩", "2025年3月31日前"),
    ]
    assert [task_due(task).isoformat() for task in tasks[:2]] == ["2025-06-30", "2024-12-30"]
    assert units(tasks[0]) == [("白沙乡", IMPLEMENTING)]
    assert [(task.span.start, task.span.end) for task in tasks] == [(50, 50), (51, 51), (53, 53), (56, 56), (56, 56)]
    assert not any("合计" in task.title for task in tasks)


def test_a_bracket_printed_after_a_page_break_closes_the_item_before_it_in_an_invented_plan():
    water = next(task for task in tasks_of("云政办发〔2024〕15号") if "保障河流水质稳定" in task.title)
    assert water.title == "开展河道清淤疏浚，保障河流水质稳定"
    assert units(water) == [("县水利局", RESPONSIBLE)]
    assert (water.span.start, water.span.end) == (31, 33)


def test_table_rows_of_an_invented_project_table_naming_no_project_propose_nothing():
    """云政发〔2024〕7号's project table has a sub-header row (乡镇 | 村数), the table's total (1400) and sections'
    subtotals (一、产业发展 … 800): rows with no project name."""
    tasks = tasks_of("云政发〔2024〕7号")
    assert tasks[0].title == "高粱种植基地" and units(tasks[0]) == [("县农业农村局", IMPLEMENTING)]
    assert all(task.title.strip() for task in tasks)
    assert [task.title for task in tasks][-1] == "村道硬化"


# --- Items of an invented 清河县 issue (issue 15): heading sentences, role words, nested brackets, target dates ------

ITEMS = "extract-task-items.txt"


def items_of(document, from_table=False):
    return [
        task
        for task in all_of(sample(ITEMS), "tasks")
        if task.document.key == document and task.from_table == from_table
    ]


def as_typed(task):
    return (
        task.title,
        task.description,
        units(task),
        task.deadline_text,
        task.quantity,
        task.span.start,
        task.span.end,
    )


def test_a_prose_item_is_titled_by_its_heading_sentence_and_described_by_the_rest():
    assert [as_typed(task) for task in items_of("清政办发〔2024〕9号")] == [
        (
            "提升县级医院服务能力",
            "推进县人民医院新院区建设，完善胸痛、卒中等五大中心，2025年达到三级医院标准。",
            [("县卫健局", RESPONSIBLE), ("县发改局", RESPONSIBLE)],
            "2025年",  # the one target date of the item
            None,
            14,
            14,
        ),
        (
            "加强基层医疗卫生机构建设",
            "每个乡镇卫生院至少建成一个特色科室，村卫生室全部完成标准化改造。",
            [("县卫健局", LEAD), ("县财政局", RESPONSIBLE)],  # not 县财政局按照职责分工负责
            None,
            None,
            15,
            15,
        ),
        (
            "完善医疗设施配套",
            "新建医疗废物集中处置中心，推进老旧院区改造。",
            [("县住建局（县城管局）", RESPONSIBLE), ("县财政局", RESPONSIBLE)],  # a bracket inside the bracket
            None,
            None,
            16,
            16,
        ),
        (
            "推进紧密型县域医共体建设",
            "2024年建成县域医共体，2025年实现基层首诊率达到65%。",
            [("县卫健局", LEAD), ("各乡（镇）人民政府", RESPONSIBLE)],
            None,  # two target years: neither is the item's deadline
            None,
            17,
            17,
        ),
        (
            "改善就医交通条件",  # the heading on a line of its own, the bracket after the body
            "开通城乡就医公交专线，优化站点设置，2024年6月底前开通运营。",
            [("县交通运输局", LEAD), ("县公安局", RESPONSIBLE)],  # 等相关单位按职责分工负责 is no name
            "2024年6月底前",
            None,
            18,
            20,
        ),
    ]


def test_numbered_items_split_at_a_colon_or_share_a_paragraph():
    assert [as_typed(task) for task in items_of("清政发〔2024〕3号")] == [
        (
            "加快污水处理设施建设",
            "新建城东污水处理厂一座，日处理能力2万吨，2023年底前完成主体工程。",
            [("县住建局", LEAD), ("县生态环境分局", SUPPORTING), ("县财政局", SUPPORTING)],
            "2023年底前",
            None,
            31,
            31,
        ),
        ("开展入河排污口排查整治，建立排污口台账", "", [("县生态环境分局", RESPONSIBLE)], None, None, 32, 32),
        (
            "实施河道生态修复，种植护岸林500亩",
            "",
            [("县林业局", RESPONSIBLE), ("县水利局", RESPONSIBLE)],
            None,
            "500亩",
            32,
            32,
        ),
        (
            "推进农村生活垃圾治理",
            "健全“村收集、乡转运、县处理”体系，长期坚持。",
            [("各乡（镇）人民政府", RESPONSIBLE)],
            "长期坚持",
            None,
            33,
            33,
        ),
    ]
    assert task_due(items_of("清政发〔2024〕3号")[0]).isoformat() == "2023-12-31"


def test_a_task_tables_continuation_rows_extend_the_task_and_its_subtotals_are_no_tasks():
    tasks = items_of("清政办发〔2024〕14号", from_table=True)
    assert [as_typed(task) for task in tasks] == [
        (
            "城区段堤防加固",
            "工程措施：加固堤防3.2公里；新建护岸1.5公里",
            [("县水利局", RESPONSIBLE), ("县住建局", RESPONSIBLE)],
            "2024年5月底前；2024年6月底前",
            None,
            45,
            46,
        ),
        (
            "河道清淤疏浚",
            "工程措施：清淤河道12公里\n备注：汛前完成",
            [("县水利局", RESPONSIBLE), ("各乡镇人民政府", RESPONSIBLE)],
            "2024年9月底前",
            None,
            47,
            47,
        ),
        (
            "农村供水保障",  # its row wrapped over the page break, the title printed again
            "工程措施：新建集中供水工程5处；改造老旧管网30公里",
            [("县水利局", RESPONSIBLE), ("县财政局", RESPONSIBLE)],
            "2024年10月底前",
            None,
            50,
            53,
        ),
    ]
    assert [milestone.due.isoformat() for milestone in task_milestones(tasks[0])] == ["2024-05-31", "2024-06-30"]


def test_responsibility_brackets_with_labels_and_role_words_together():
    def read(inner):
        return [(u.name, u.role) for u in responsibility(inner)]

    assert read("牵头单位：县林业局，责任单位：各乡镇人民政府") == [("县林业局", LEAD), ("各乡镇人民政府", RESPONSIBLE)]
    assert read("责任单位：县交通局牵头，县发改局等相关单位按职责分工负责") == [
        ("县交通局", LEAD),
        ("县发改局", RESPONSIBLE),
    ]
    assert read("责任单位：县能源局牵头，各相关单位配合") == [("县能源局", LEAD), ("各相关单位", SUPPORTING)]
    assert read("县发改局牵头，县财政局按照职责分工负责") == [("县发改局", LEAD), ("县财政局", RESPONSIBLE)]
    assert read("责任单位：县住建局（县城管局）、县财政局") == [
        ("县住建局（县城管局）", RESPONSIBLE),
        ("县财政局", RESPONSIBLE),
    ]
    assert read("牵头单位：县发改局；配合单位：县财政局、县自然资源局") == [
        ("县发改局", LEAD),
        ("县财政局", SUPPORTING),
        ("县自然资源局", SUPPORTING),
    ]
    assert read("含二层") == [] and read("2020-2035") == [] and read("以下简称“领导小组”") == []


def test_continuation_rows_cost_each_their_own_length(monkeypatch):
    """A table of one task continued over many rows, each naming a unit of its own: the units are compared a number
    of times that grows with the rows, not with their square."""
    from gazette.extraction import task_items

    def table(rows):
        lines = ["序号\t重点任务\t工程措施\t完成时限\t责任单位", "1\t河道治理\t清淤\t2024年9月底前\t县水利局"]
        lines += [f"\t\t护岸{index}段\t\t县单位{index:05d}局" for index in range(rows)]
        return Block("table", "\n".join(lines), 2, rows=[line.split("\t") for line in lines])

    def comparisons(rows):
        count = 0
        original = task_items.UnitAssignment.__eq__

        def counting(self, other):
            nonlocal count
            count += 1
            return original(self, other)

        monkeypatch.setattr(task_items.UnitAssignment, "__eq__", counting)
        lines = ["某县人民政府 关于印发任务分解表的通知", *table(rows).text.split("\n")]
        document = SimpleNamespace(number=None, title="", title_normalised="", signed=None, span=Span(1, len(lines)))
        source = Source(document, lines)
        (task,) = task_items.extract_tasks(source, [table(rows)])
        monkeypatch.setattr(task_items.UnitAssignment, "__eq__", original)
        assert len(task.units) == rows + 1 and task.description.count("；") == rows
        return count

    small, large = comparisons(500), comparisons(2000)
    assert large <= 5 * max(small, 1)


# Units under labels outside brackets (青石县, typed by hand from bracketed-pages-labelled-tasks.txt).


def test_units_and_deadlines_under_labels_in_the_items_paragraph_or_on_lines_of_their_own():
    tasks = all_of(sample("bracketed-pages-labelled-tasks.txt"), "tasks")
    assert [(t.title, units(t), t.deadline_text, t.person, t.span) for t in tasks] == [
        (
            "开展道路交通安全隐患排查整治",
            [("县公安局", LEAD), ("县交通运输局", SUPPORTING)],
            "2024年10月底前",
            None,
            Span(21, 21),
        ),
        ("完成城区燃气管道老化更新改造", [("县住房和城乡建设局", LEAD)], "2024年12月31日前", None, Span(22, 22)),
        (
            "建立健全安全生产责任保险制度",
            [("县应急管理局", LEAD), ("县财政局", SUPPORTING)],
            "2024年11月底前",
            None,
            Span(23, 23),
        ),
        (
            "加强汛期地质灾害巡查",
            [("县自然资源局", LEAD), ("各乡镇人民政府", RESPONSIBLE)],
            None,
            None,
            Span(24, 25),
        ),
        (
            "开办企业",
            [("县行政审批局", LEAD), ("县市场监管局", RESPONSIBLE), ("县税务局", RESPONSIBLE)]
            + [("县直各相关单位", RESPONSIBLE)],
            "2024年12月底前",
            "孙伟",
            Span(35, 40),
        ),
        (
            "获得用水用气",
            [("县住房和城乡建设局", LEAD), ("县自然资源局", SUPPORTING), ("青石燃气公司", RESPONSIBLE)],
            None,
            None,
            Span(41, 43),
        ),
    ]
    assert tasks[0].description == "全面排查农村公路临水临崖路段。"
    assert tasks[4].description == "推行企业开办全程网办，企业开办时间压缩至1个工作日以内。"


def test_a_deadline_after_the_units_in_a_bracket_names_no_unit():
    assert [(u.name, u.role) for u in responsibility("牵头单位：县应急管理局；配合单位：县财政局。2024年底前完成")] == [
        ("县应急管理局", LEAD),
        ("县财政局", SUPPORTING),
    ]
    assert [u.name for u in responsibility("责任单位：县公安局；完成时限：2024年10月底前")] == ["县公安局"]


def test_labels_inside_a_sentence_are_not_an_items_units():
    # The rest of a bracket that a page break split: its label follows a comma, not a finished sentence.
    text = "县林业局、县文旅局，责任单位：各乡镇人民政府）"
    document = SimpleNamespace(number=None, title="", title_normalised="", signed=None, span=Span(1, 1))
    assert task_items.extract_tasks(Source(document, [text]), [Block("paragraph", text, 1)]) == []


def test_the_shared_carbon_plan_gives_its_items_units_on_a_line_of_their_own():
    tasks = [t for t in all_of(shared("xingxian-2022-2.txt"), "tasks") if t.document.key == "兴政办发〔2022〕14号"]
    assert [t.title for t in tasks] == [
        "严格控制耗煤项目准入",
        "严格实施煤炭消费减量替代",
        "实施耗煤项目分类管理",
        "深化煤电节能减煤",
        "增强可再生能源替代能力",
        "提高燃气替代能力",
        "持续推进清洁取暖",
        "加大散煤管控力度",
    ]
    assert units(tasks[3]) == [
        ("县能源局", LEAD),
        ("县发改局", SUPPORTING),
        ("县工信局", SUPPORTING),
        ("市生态环境局兴县分局", SUPPORTING),
        ("山西华兴铝业", RESPONSIBLE),
    ]
    assert units(tasks[7]) == [
        ("市生态环境局兴县分局", LEAD),
        ("县市场监管局", RESPONSIBLE),
        ("县能源局", RESPONSIBLE),
        ("县交通局", RESPONSIBLE),
    ]


def test_the_shared_business_plan_gives_each_indicator_its_leader_and_units():
    tasks = [t for t in all_of(shared("xingxian-2021-2.txt"), "tasks") if t.document.key == "兴政办发〔2021〕18号"]
    property_registration = next(t for t in tasks if t.title == "登记财产")
    assert property_registration.person == "马兴勇"
    assert units(property_registration) == [
        ("县自然资源局", LEAD),
        ("县财政局", RESPONSIBLE),
        ("县住建局", RESPONSIBLE),
        ("县法院", RESPONSIBLE),
        ("县税务局", RESPONSIBLE),
        ("县直各相关单位", RESPONSIBLE),
    ]


def test_a_deadline_beside_the_units_of_a_bracket_without_labels_is_the_items_deadline():
    tasks = all_of(sample("page-furniture.txt"), "tasks")
    assert [(t.title, units(t), t.deadline_text, t.span) for t in tasks] == [
        ("加强水源保护", [("县水利局", LEAD), ("各乡镇人民政府", SUPPORTING)], None, Span(8, 11)),
        ("强化水质监测", [("县卫生健康局", RESPONSIBLE)], "2024年12月底前", Span(12, 12)),
    ]


def test_a_task_tables_leader_column_gives_the_person():
    # 石门县 (typed by hand): 责任领导 is the person answering for the row, not a note in its description.
    tasks = all_of(sample("extract-task-table-leaders.txt"), "tasks")
    assert [(t.title, units(t), t.person, t.deadline_text, t.description) for t in tasks] == [
        (
            "新建城区污水管网12公里",
            [("县住房和城乡建设局", LEAD), ("县财政局", SUPPORTING)],
            "黄海波",
            "2024年11月底前",
            "",
        ),
        (
            "完成高标准农田建设3万亩",
            [("县农业农村局", LEAD), ("县自然资源局", SUPPORTING), ("县水利局", SUPPORTING)],
            "陈立",
            "2024年10月底前",
            "",
        ),
    ]


def test_the_shared_business_table_gives_each_indicator_its_leader():
    tasks = [t for t in all_of(shared("xingxian-2021-2.txt"), "tasks") if t.document.key == "兴政办发〔2021〕18号"]
    from_table = [t.person for t in tasks if t.from_table]
    assert from_table[:3] == ["刘慧", "刘慧", "李茂"]


def test_units_in_a_sentence_of_role_clauses_after_the_heading_are_the_items_units():
    # spaced-tables.txt (松岭县, typed by hand): no bracket, no label; a deadline closing a clause names no unit.
    tasks = [t for t in all_of(sample("spaced-tables.txt"), "tasks") if not t.from_table]
    assert [(t.title, units(t), t.deadline_text, t.span) for t in tasks] == [
        (
            "科学编制建设规划",
            [("县农业农村局", LEAD), ("县自然资源局", SUPPORTING), ("县水利局", SUPPORTING)],
            "2024年11月底前",
            Span(36, 36),
        ),
        ("落实建设资金", [("县财政局", RESPONSIBLE), ("各乡镇人民政府", SUPPORTING)], "2024年12月底前", Span(38, 38)),
        ("强化工程管护", [("县农业农村局", RESPONSIBLE), ("各乡镇人民政府", RESPONSIBLE)], "长期坚持", Span(40, 40)),
    ]


def test_a_sentence_that_does_not_open_with_role_clauses_names_no_units():
    document = SimpleNamespace(number=None, title="", title_normalised="", signed=None, span=Span(1, 3))
    texts = [
        "（一）加强宣传。各乡镇要广泛宣传，县委宣传部负责。",  # the role clause comes after another
        "（二）严格考核。考核工作要认真负责。",  # not a unit: a sentence ending in 负责
        "一、工作目标。县农业农村局牵头。",  # a section, not an item
    ]
    blocks = [Block("paragraph", text, number) for number, text in enumerate(texts, start=1)]
    assert task_items.extract_tasks(Source(document, texts), blocks) == []


def test_units_a_sentence_charges_with_a_dated_duty_as_its_subject_are_responsible():
    # 云岭县 (invented): the units open the sentence, 要/须 and a deadline follow; without a deadline the same
    # opening is an exhortation and no task.
    document = SimpleNamespace(number=None, title="", title_normalised="", signed=date(2025, 5, 6), span=Span(1, 4))
    texts = [
        "（一）推进厕所革命。各乡镇人民政府要于2025年10月31日前完成农村户厕改造2000座，县农业农村局负责督导。",
        "（二）改造老旧小区。县住建局、县财政局须在2025年9月底前完成城东片区改造。",
        "（三）加强宣传引导。各乡镇要因地制宜开展宣传活动，营造良好氛围。",
        "（四）严格资金管理。主管部门要在年底前加强资金管理。",  # 主管部门 names no unit of the county
    ]
    blocks = [Block("paragraph", text, number) for number, text in enumerate(texts, start=1)]
    tasks = task_items.extract_tasks(Source(document, texts), blocks)
    assert [(t.title, units(t), t.deadline_text, t.quantity, t.span) for t in tasks] == [
        ("推进厕所革命", [("各乡镇人民政府", RESPONSIBLE)], "2025年10月31日前", "2000座", Span(1, 1)),
        ("改造老旧小区", [("县住建局", RESPONSIBLE), ("县财政局", RESPONSIBLE)], "2025年9月底前", None, Span(2, 2)),
    ]


def test_an_item_that_is_one_sentence_charging_units_with_a_dated_duty_is_their_task():
    # 梅岭县 (invented): a notice's items, numbered as sections, each one charge; a section heading is none.
    document = SimpleNamespace(number=None, title="", title_normalised="", signed=date(2025, 3, 1), span=Span(1, 3))
    texts = [
        "一、各乡镇要在3月15日前完成防火隔离带清理。",
        "二、县林业局要于3月10日前组织开展一次森林防火应急演练。",
        "三、工作要求",
    ]
    blocks = [Block("paragraph", text, number) for number, text in enumerate(texts, start=1)]
    tasks = task_items.extract_tasks(Source(document, texts), blocks)
    assert [(t.title, units(t), t.deadline_text, t.description, t.span) for t in tasks] == [
        ("各乡镇要在3月15日前完成防火隔离带清理", [("各乡镇", RESPONSIBLE)], "3月15日前", "", Span(1, 1)),
        (
            "县林业局要于3月10日前组织开展一次森林防火应急演练",
            [("县林业局", RESPONSIBLE)],
            "3月10日前",
            "",
            Span(2, 2),
        ),
    ]
    assert [task_due(t).isoformat() for t in tasks] == ["2025-03-15", "2025-03-10"]


def test_a_short_numbered_item_whose_labels_follow_on_a_line_of_their_own_keeps_them():
    # 梅岭县 (invented): the item's heading sentence alone, then its leader, units and deadline under labels.
    document = SimpleNamespace(number=None, title="", title_normalised="", signed=date(2025, 2, 20), span=Span(1, 4))
    texts = [
        "1.建成县第二人民医院并投入使用。",
        "责任领导：李红；牵头单位：县卫健局；配合单位：县发改局、县财政局；完成时限：2025年12月底前。",
        "2.完成城区燃气管道改造。",
        "牵头单位：县住建局。完成时限：2025年10月底前。",
    ]
    blocks = [Block("paragraph", text, number) for number, text in enumerate(texts, start=1)]
    tasks = task_items.extract_tasks(Source(document, texts), blocks)
    assert [(t.title, units(t), t.person, t.deadline_text, t.span) for t in tasks] == [
        (
            "建成县第二人民医院并投入使用",
            [("县卫健局", LEAD), ("县发改局", SUPPORTING), ("县财政局", SUPPORTING)],
            "李红",
            "2025年12月底前",
            Span(1, 2),
        ),
        ("完成城区燃气管道改造", [("县住建局", LEAD)], None, "2025年10月底前", Span(3, 4)),
    ]


def test_a_bracket_whose_deadline_label_a_line_break_moved_to_the_next_line_still_closes_the_item():
    # 青林县 (invented): `二、畅通维权渠道。（责任单位：县人社局；` | `完成时限：2025年元旦前）`.
    text = (
        "青林县人民政府办公室关于做好2025年春节前农民工工资支付工作的通知\n青林政办发〔2025〕1号\n"
        "各乡镇人民政府，县直各单位：\n二、畅通维权渠道。（责任单位：县人社局；\n完成时限：2025年元旦前）\n"
        "青林县人民政府办公室\n2024年12月2日\n"
    )
    (task,) = all_of(extract_gazette(parse_gazette(text), text), "tasks")
    assert (task.title, units(task), task.deadline_text, task.span) == (
        "畅通维权渠道",
        [("县人社局", RESPONSIBLE)],
        "2025年元旦前",
        Span(4, 5),
    )
    assert task_due(task).isoformat() == "2024-12-31"


def test_minutes_charging_a_unit_with_a_dated_duty_after_what_the_meeting_said_give_its_task():
    # 柳林县 (invented): 会议要求，县住建局要于…前…; the dated charge in the second clause is the second subject's
    # (各乡镇要落实…，县交通运输局要在…前…); a charge without a date is no task.
    text = (
        "柳林县人民政府常务会议纪要\n（第15次）\n\n"
        "2025年5月8日，县长王志强主持召开县人民政府第15次常务会议。现将会议议定事项纪要如下：\n"
        "一、关于城区老旧小区改造工作\n"
        "会议听取了县住建局的汇报。会议要求，县住建局要于2025年10月底前完成12个小区改造任务，县财政局要及时拨付资金。\n"
        "二、关于农村公路养护工作\n"
        "会议强调，各乡镇要落实养护主体责任，县交通运输局要在2025年6月30日前完成养护站点建设。\n"
        "三、关于防汛工作\n会议指出，各乡镇、各部门要高度重视，切实做好各项准备工作。\n"
    )
    tasks = all_of(extract_gazette(parse_gazette(text), text), "tasks")
    assert [(t.title, units(t), t.deadline_text, t.span) for t in tasks] == [
        ("城区老旧小区改造工作", [("县住建局", RESPONSIBLE)], "2025年10月底前", Span(5, 6)),
        ("农村公路养护工作", [("县交通运输局", RESPONSIBLE)], "2025年6月30日前", Span(7, 8)),
    ]


def test_the_shared_financial_services_plan_gives_its_rules_their_units():
    """兴政办发〔2021〕35号: 由县乡村振兴局牵头负责，人行兴县支行、吕梁银保监分局兴县监管组协助，… ."""
    tasks = [t for t in all_of(shared("xingxian-2021-2.txt"), "tasks") if t.document.key == "兴政办发〔2021〕35号"]
    assert [(t.title, units(t)) for t in tasks if not t.from_table] == [
        ("日常管理制度", [("所属乡镇", RESPONSIBLE)]),
        ("定期金融超市服务制度", [("人行兴县支行", LEAD), ("吕梁银保监分局兴县监管组", LEAD)]),
        (
            "专项政银企对接制度",
            [("县乡村振兴局", LEAD), ("人行兴县支行", SUPPORTING), ("吕梁银保监分局兴县监管组", SUPPORTING)],
        ),
        (
            "不定期培训制度",
            [
                ("县政府信息和金融事务服务中心", LEAD),
                ("人行兴县支行", SUPPORTING),
                ("吕梁银保监分局兴县监管组", SUPPORTING),
            ],
        ),
    ]


def test_a_leader_and_a_deadline_under_labels_in_the_bracket_are_the_items_person_and_deadline():
    texts = [
        "（一）加快项目建设。确保2024年底前建成投用。（责任领导：赵军；责任单位：县发改局、县住建局）",
        "3.实施农村道路提升工程，新改建农村公路50公里（责任单位：县交通运输局；责任人：李强；完成时限：2024年11月）。",
    ]
    document = SimpleNamespace(number=None, title="", title_normalised="", signed=None, span=Span(1, 2))
    blocks = [Block("paragraph", text, number) for number, text in enumerate(texts, start=1)]
    tasks = task_items.extract_tasks(Source(document, texts), blocks)
    assert [(t.title, units(t), t.person, t.deadline_text) for t in tasks] == [
        ("加快项目建设", [("县发改局", RESPONSIBLE), ("县住建局", RESPONSIBLE)], "赵军", "2024年底前"),
        ("实施农村道路提升工程，新改建农村公路50公里", [("县交通运输局", RESPONSIBLE)], "李强", "2024年11月"),
    ]


def test_a_bracket_whose_label_a_page_break_left_alone_on_its_line_closes_the_item():
    # The page broke right after （牵头单位： and a blank line follows: the units are on the next page.
    from gazette.parsing.blocks import build_blocks

    lines = [
        "2. 积极发展生态产业。",
        "",
        "依托森林资源发展森林旅游，促进农民增收致富。（牵头单位：",
        "",
        "县林业局、县文旅局，责任单位：各乡镇人民政府）",
    ]
    document = SimpleNamespace(number=None, title="", title_normalised="", signed=None, span=Span(1, 5))
    (task,) = task_items.extract_tasks(Source(document, lines), build_blocks(lines, 0, len(lines)))
    assert (task.title, units(task), task.span) == (
        "积极发展生态产业",
        [("县林业局", LEAD), ("县文旅局", LEAD), ("各乡镇人民政府", RESPONSIBLE)],
        Span(1, 5),
    )


def test_the_shared_forest_city_plan_keeps_the_item_a_page_break_split_inside_its_bracket():
    tasks = [t for t in all_of(shared("xingxian-2021-2.txt"), "tasks") if t.document.key == "兴政办发〔2021〕23号"]
    (industry,) = [t for t in tasks if t.title == "积极发展生态产业"]
    assert units(industry) == [("县林业局", LEAD), ("县文旅局", LEAD), ("各乡镇人民政府", RESPONSIBLE)]
    assert industry.span == Span(2351, 2355)


def test_roles_a_task_tables_unit_cell_gives_its_units():
    # extract-task-table-roles.txt (松岭县, typed by hand): 县市场监管局（牵头）、县税务局 and 县住建局（牵头），
    # 县自然资源局、县行政审批局配合 in a 责任单位 column.
    tasks = all_of(sample("extract-task-table-roles.txt"), "tasks")
    assert [(t.title, units(t), t.person, t.deadline_text) for t in tasks] == [
        (
            "压缩企业开办时间至1个工作日以内",
            [("县市场监管局", LEAD), ("县税务局", RESPONSIBLE), ("县人社局", RESPONSIBLE)],
            "李强",
            "2025年6月30日前",
        ),
        (
            "推行工程建设项目审批“一网通办”",
            [("县住建局", LEAD), ("县自然资源局", SUPPORTING), ("县行政审批局", SUPPORTING)],
            "王伟",
            "2025年9月底前",
        ),
        ("开展涉企收费专项清理", [("县发改局", LEAD)], "赵军", "长期坚持"),
        ("实现不动产登记一般业务3个工作日内办结", [("县自然资源局", RESPONSIBLE)], "孙丽华", "2025年二季度"),
    ]


# Minutes' agenda items (桐川县, typed by hand from decrees-and-minutes.txt): 一、关于… on a line of its own, then
# what the meeting asked of whom in a sentence opening 会议要求 or 会议同意….


def test_an_agenda_item_of_minutes_is_a_task_of_the_units_the_meeting_named():
    tasks = [task for task in all_of(sample("decrees-and-minutes.txt"), "tasks") if task.document.number is None]
    assert [(t.title, units(t), t.deadline_text, t.reference, t.span) for t in tasks] == [
        (
            "汛期安全防范工作",
            [("县应急管理局", LEAD), ("县水利局", SUPPORTING), ("各乡镇", SUPPORTING)],
            "2025年6月15日前",
            date(2025, 6, 5),
            Span(70, 71),
        ),
        ("县城第二水厂建设项目", [("县水利局", RESPONSIBLE)], "2025年12月底前", date(2025, 6, 5), Span(72, 73)),
    ]


def test_the_instruments_items_of_a_notice_numbered_with_di_keep_their_roles():
    tasks = [task for task in all_of(sample("decrees-and-minutes.txt"), "tasks") if task.document.number]
    assert [(t.title, units(t), t.deadline_text) for t in tasks] == [
        ("清理城乡积存垃圾", [("各乡镇人民政府", RESPONSIBLE)], "2025年7月31日前"),
        ("整治城区占道经营", [("县城市管理局", LEAD), ("县市场监管局", SUPPORTING)], "2025年9月底前"),
    ]


def test_a_task_due_before_a_holiday_gets_the_day_before_it():
    # extract-task-holidays.txt (青林县, typed by hand), signed 2024-12-02: 春节前 in the item's sentence is the
    # eve of 29 January 2025; 2025年元旦前 in the bracket the last day of 2024.
    tasks = all_of(sample("extract-task-holidays.txt"), "tasks")
    assert [(t.title, t.deadline_text, task_due(t)) for t in tasks] == [
        ("全面排查欠薪隐患", "春节前", date(2025, 1, 28)),
        ("畅通维权渠道", "2025年元旦前", date(2024, 12, 31)),
    ]


def test_tasks_of_a_narrow_hard_wrapped_issue():
    # narrow-minutes.txt (松溪县, typed by hand): every line wrapped at 12 characters. The third agenda item says
    # what the meeting noted before the unit it charges; the notice's items open with a heading sentence that
    # fills its line.
    tasks = all_of(sample("narrow-minutes.txt"), "tasks")
    assert [(t.title, units(t), t.deadline_text, t.reference, t.span) for t in tasks] == [
        (
            "春季森林防火工作",
            [("县林业局", LEAD), ("各乡镇", SUPPORTING)],
            "2026年4月30日前",
            date(2026, 2, 12),
            Span(12, 18),
        ),
        ("城区供暖收费问题", [("县住建局", RESPONSIBLE)], "2026年3月15日前", date(2026, 2, 12), Span(19, 23)),
        ("农村公路养护工作", [("县交通运输局", RESPONSIBLE)], "2026年6月底前", date(2026, 2, 12), Span(24, 29)),
        ("做好农资储备检查", [("县农业农村局", RESPONSIBLE)], "2026年3月31日前", date(2026, 2, 20), Span(46, 50)),
        (
            "保障化肥农药供应",
            [("县供销社", LEAD), ("县农业农村局", SUPPORTING)],
            "2026年3月20日前",
            date(2026, 2, 20),
            Span(51, 54),
        ),
    ]


def test_tasks_of_a_banners_narrow_issue():
    # narrow-banner.txt (乌拉特中旗, typed by hand): 苏木镇 and 旗 units, the deadline cut across lines (9月3 | 0日前).
    tasks = all_of(sample("narrow-banner.txt"), "tasks")
    assert [(t.title, units(t), t.deadline_text, t.reference) for t in tasks] == [
        ("核实面积", [("各苏木镇人民政府", RESPONSIBLE)], "2025年9月30日前", date(2025, 8, 12)),
        ("资金发放", [("旗财政局", LEAD), ("旗农牧和科技局", SUPPORTING)], "2025年12月底前", date(2025, 8, 12)),
    ]


def test_labels_that_wrapping_cut_outside_brackets_still_give_units_leader_and_deadline():
    # narrow-cut-labels.txt (梅岭县, 18 characters a line, typed by hand): `…。责任` | `领导：李红；…配合` | `单位：…`.
    tasks = [t for t in all_of(sample("narrow-cut-labels.txt"), "tasks") if t.document.key == "梅政发〔2025〕5号"]
    assert [(t.title, units(t), t.person, t.deadline_text, t.span) for t in tasks] == [
        (
            "实施城区供水管网改造工程，完成改造管网15公里",
            [("县住建局", LEAD)],
            "王建华",
            "2025年11月底前",
            Span(31, 34),
        ),
        (
            "建成县第二人民医院并投入使用",
            [("县卫健局", LEAD), ("县发改局", SUPPORTING), ("县财政局", SUPPORTING)],
            "李红",
            "2025年12月底前",
            Span(35, 38),
        ),
    ]


def test_a_label_that_wrapping_cut_inside_its_bracket_still_names_the_units():
    # narrow-task-items.txt (清河县, typed by hand): extract-task-items.txt wrapped at 16 characters; a bracket's
    # label is cut after its first character (（责 | 任单位：县住建局牵头，…）, lines 57-61), which alone reads
    # like a roster line.
    (task,) = [
        task for task in all_of(sample("narrow-task-items.txt"), "tasks") if task.title == "加快污水处理设施建设"
    ]
    assert (units(task), task.deadline_text, task.span) == (
        [("县住建局", LEAD), ("县生态环境分局", SUPPORTING), ("县财政局", SUPPORTING)],
        "2023年底前",
        Span(57, 61),
    )


def test_a_units_bracket_a_page_break_cut_after_its_first_character():
    # xingxian-2021-2.txt: `27. 全县开展“世界食品安全”“食品安全宣传周”活动(县` | a blank line |
    # `食安委成员单位按职责分工负责)。…`: the numbered line looked like a heading of its own.
    (task,) = [
        task
        for task in all_of(shared("xingxian-2021-2.txt"), "tasks")
        if task.title == "全县开展“世界食品安全”“食品安全宣传周”活动"
    ]
    assert units(task) == [("县食安委成员单位", RESPONSIBLE)]
