"""Parsing and extraction cost grows linearly with the gazette: four times the items cost at most five times the
work. Work is counted, not timed: every Python and built-in call made, plus the characters handed to the text
helpers (squeeze, clean_inline) and written into blocks' text, which is where copying a long line or a growing
paragraph again for every item hides inside a single call."""

import sys

import pytest

import gazette.parsing.blocks
from gazette.extraction import extract_gazette, extract_units
from gazette.parsing import GazetteParseError, parse_gazette
from gazette.parsing.result import Block
from tests.gazette.scaling_inputs import MASTHEAD, SHAPES, SIGNATURE

N = 100
GROWTH = 4
MOST = 5  # a little over GROWTH: fixed costs (masthead, signature) make the small run relatively dearer
TEXT_HELPERS = ("squeeze", "clean_inline")


class Work:
    def __init__(self):
        self.calls = 0
        self.characters = 0

    def __int__(self):
        return self.calls + self.characters

    def profile(self, frame, event, arg):
        if event in ("call", "c_call"):
            self.calls += 1


@pytest.fixture
def counted(monkeypatch):
    """Count characters through the text helpers of every gazette module, and into every block's text."""
    work = Work()

    def counting(helper):
        def wrapper(text, *args, **kwargs):
            work.characters += len(text)
            return helper(text, *args, **kwargs)

        return wrapper

    for name, module in list(sys.modules.items()):
        if name.startswith("gazette.parsing") or name.startswith("gazette.extraction"):
            for helper in TEXT_HELPERS:
                if hasattr(module, helper):
                    monkeypatch.setattr(module, helper, counting(getattr(module, helper)))

    class CountedBlock(Block):
        def __setattr__(self, name, value):
            if name == "text":
                work.characters += len(value)
            super().__setattr__(name, value)

    monkeypatch.setattr(gazette.parsing.blocks, "Block", CountedBlock)
    return work


def measure(work, step, *args):
    """(work done by ``step(*args)``, its result)."""
    work.calls = work.characters = 0
    sys.setprofile(work.profile)
    try:
        result = step(*args)
    finally:
        sys.setprofile(None)
    return int(work), result


def parse(text):
    try:
        return parse_gazette(text)
    except GazetteParseError:
        return None


def extract(parsed, text):
    return parsed and extract_units(extract_gazette(parsed, text))


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_four_times_the_items_cost_at_most_five_times_the_work(shape, counted):
    costs = {}
    for n in (N, GROWTH * N):
        text = SHAPES[shape](n)
        parse_cost, parsed = measure(counted, parse, text)
        extract_cost, _found = measure(counted, extract, parsed, text)
        costs[n] = (parse_cost, extract_cost)
    (parse_small, extract_small), (parse_large, extract_large) = costs[N], costs[GROWTH * N]
    assert parse_large <= MOST * parse_small, costs
    assert extract_large <= MOST * extract_small, costs


@pytest.mark.parametrize("shape", sorted(set(SHAPES) - {"contents_only", "spaced_line"}))
def test_the_generated_gazettes_yield_what_they_stress(shape):
    """So that the scaling test measures real work: each shape's items are read (a shape read as nothing would
    scale trivially)."""
    text = SHAPES[shape](N)
    found = extract_gazette(parse_gazette(text), text)[0]
    counts = {kind: len(getattr(found, kind)) for kind in ("tasks", "rosters", "parcels", "rates", "plans", "phases")}
    counts["portfolios"] = len(found.portfolios)
    counts["members"] = sum(len(roster.members) for roster in found.rosters)
    expected = {
        "task_items": ("tasks", N),
        "task_paragraph": ("tasks", N),
        "task_table": ("tasks", N),
        "brackets": ("tasks", 1),
        "long_line": ("tasks", N),
        "labelled_items": ("tasks", N),
        "labels_among_brackets": ("tasks", 1),
        "roster": ("members", N + 3),
        "parcels": ("parcels", N),
        "parcel_table": ("parcels", N),
        "rate_table": ("rates", N),
        "wrapped_rates": ("rates", N),
        "spaced_rate_table": ("rates", N),
        "spaced_wrapped_table": ("tasks", N),
        "plan": ("plans", 1),
        "portfolios": ("portfolios", N),
        "phases": ("phases", N),
    }[shape]
    assert counts[expected[0]] == expected[1], counts


def test_a_long_line_of_cells_laid_out_with_spaces_is_read_as_table_rows():
    (document,) = parse_gazette(SHAPES["spaced_line"](N)).documents
    (table,) = [block for block in document.blocks if block.kind == "table"]
    assert [len(row) for row in table.rows] == [2 * N, 2 * N]  # 第i项 and the padded name 王  伟, one cell each
    assert table.rows[0][:2] == ["第1项", "王 伟"]


# A regular expression's backtracking is work the count above cannot see (one call however long it runs). These
# runs of 200,000 spaces each took one pattern that tried every split of the run: linear they parse in well under a
# second, quadratic they take minutes (20,000 spaces already took 1.5 to 6 s), so the suite would visibly stall.
GAP = " " * 200_000


def gazette_with(entry, item):
    return (
        f"{MASTHEAD}目  录\n\n关于甲的通知（示政办发〔2024〕1号）……1\n{entry}\n\n"
        f"示例县人民政府办公室 关于甲的通知\n\n示政办发〔2024〕1 号\n\n各乡镇：\n\n{item}\n{SIGNATURE}"
    )


def test_a_contents_entry_with_a_long_run_of_spaces_loses_only_its_leaders():
    issue = parse_gazette(gazette_with(f"关于乙{GAP}的通知{GAP}……2", "正文。"))
    assert [(entry.title, entry.page) for entry in issue.toc] == [("关于甲的通知", 1), ("关于乙的通知", 2)]


def test_a_body_line_like_a_date_with_long_runs_of_spaces_is_body_text():
    (document,) = parse_gazette(gazette_with("", f"2024{GAP}年{GAP}1{GAP}月{GAP}3{GAP}日前完成。")).documents
    assert document.signed_raw == "2024 年 1 月 10 日"
    assert [block.text.replace(" ", "") for block in document.blocks] == ["2024年1月3日前完成。"]


def test_an_item_with_a_long_run_of_spaces_in_its_heading_is_read():
    text = gazette_with("", f"（一）宣传发动{GAP}阶段。县林业局牵头，2024年3月底前完成。")
    (task,) = extract_gazette(parse_gazette(text), text)[0].tasks
    assert (task.title.replace(" ", ""), task.deadline_text) == ("宣传发动阶段", "2024年3月底前")
