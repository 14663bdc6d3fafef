"""Tasks read from task tables and from prose items ending in a responsibility bracket."""

from gazette.extraction.task_items import IMPLEMENTING, LEAD, RESPONSIBLE, SUPPORTING, responsibility
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
        task for task in tasks if units(task) == [("县水利局", RESPONSIBLE)] and "保障河流水质稳定" in task.title
    )
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
