"""Units proposed from the gazette itself: the names tasks, rosters and portfolios use, their forms grouped."""

import pytest

from gazette.extraction import DocumentExtraction, DocumentRef, TaskProposal, UnitAssignment, extract_units
from gazette.extraction import units as units_module
from gazette.extraction.units import guess_kind, normalise_unit, unit_of_title, units_in_list
from gazette.parsing.result import Span
from tests.gazette.extracted import sample

ROSTER, TASKS = "柳政办函〔2024〕3号", "柳政办发〔2024〕5号"


def table(proposals):
    return [(unit.name, unit.short_name, unit.aliases, unit.kind) for unit in proposals]


def test_the_units_of_an_invented_issue_with_their_forms_grouped():
    units = extract_units(sample("extract-units.txt"), county="柳川县")
    assert table(units) == [
        ("柳川县应急管理局", "县应急局", ["县应急管理局"], "department"),
        ("县发改局", "", [], "department"),
        ("柳川县财政局", "县财政局", [], "department"),
        ("县住房和城乡建设管理局", "县住建局", [], "department"),
        ("县农业局", "", [], "department"),  # 县农业农村局 and 县农业机械局 both hold it: not merged
        ("县市场监管局", "", [], "department"),
        ("县自然资源局", "", [], "department"),
        ("县自然资源局东坡分局", "", [], "department"),  # a unit below it, not another name of it
        ("县政府办公室", "县政府办", [], "department"),
        ("东坡镇人民政府", "东坡镇", [], "township"),
        ("县农业农村局", "", [], "department"),
        ("县农业机械局", "", [], "department"),
        ("杨柳村", "", [], "village"),
        ("县城投公司", "", [], "enterprise"),
    ]


def test_each_unit_keeps_the_lines_it_appears_on_first_first():
    units = {unit.name: unit for unit in extract_units(sample("extract-units.txt"), county="柳川县")}
    emergency = units["柳川县应急管理局"]
    # the office (办公室设在…, read with the roster), the deputy's title, the first task's bracket
    assert [(o.document.key, o.span.start, o.span.end) for o in emergency.occurrences] == [
        (ROSTER, 9, 23),
        (ROSTER, 19, 19),
        (TASKS, 41, 41),
    ]
    assert (emergency.document.key, emergency.span) == (ROSTER, Span(9, 23))
    finance = units["柳川县财政局"]
    assert [(o.document.key, o.span.start) for o in finance.occurrences] == [(ROSTER, 15), (TASKS, 43)]


def test_placeholders_and_the_county_government_are_not_units():
    names = {form for unit in extract_units(sample("extract-units.txt")) for form in unit.forms}
    assert not {"乡镇人民政府", "县人民政府", "乡（镇）"} & names
    assert normalise_unit("各乡镇人民政府") is None
    assert normalise_unit("各乡（镇）") is None
    assert normalise_unit("县直各有关单位") is None
    assert normalise_unit("相关部门") is None
    assert normalise_unit("柳川县人民政府") is None
    assert normalise_unit("各 县直单位") is None
    assert normalise_unit(" 县 住建局 ") == "县住建局"
    assert normalise_unit("县应急局（牵头）") == "县应急局"
    assert normalise_unit("县人民政府办公室（县外事办公室）") == "县人民政府办公室（县外事办公室）"


def test_a_title_names_the_unit_before_its_post():
    assert unit_of_title("县发改局局长") == ["县发改局"]
    assert unit_of_title("县财政局主要负责人") == ["县财政局"]
    assert unit_of_title("县住房和城乡建设管理局党组书记、局长") == ["县住房和城乡建设管理局"]
    assert unit_of_title("县卫体局副局长（兼）") == ["县卫体局"]
    assert unit_of_title("县人民检察院主持日常工作的副检察长") == ["县人民检察院"]
    assert unit_of_title("县自然资源局执法大队大队长") == ["县自然资源局执法大队"]
    assert unit_of_title("东坡镇镇长") == ["东坡镇"]
    assert unit_of_title("县委副书记、县人民政府县长") == []  # the county's own leaders
    assert unit_of_title("分管副县长") == []
    assert units_in_list("县发改局、县财政局主要负责人、各乡镇乡镇长") == ["县发改局", "县财政局"]


def test_the_kind_is_guessed_from_the_ending():
    assert [guess_kind(name) for name in ("县水利局", "东坡镇", "西河乡人民政府", "杨柳村", "南关社区")] == [
        "department",
        "township",
        "township",
        "village",
        "village",
    ]
    assert guess_kind("柳川县水务投资有限公司") == guess_kind("县医疗集团") == "enterprise"


def extraction(key, *names, line=1):
    """A document whose one task names the units."""
    ref = DocumentRef(key, key, key, None)
    task = TaskProposal(
        document=ref,
        title="某项任务",
        units=[UnitAssignment(name, "responsible") for name in names],
        person=None,
        deadline_text=None,
        reference=None,
        quantity=None,
        span=Span(line, line),
        from_table=False,
    )
    return DocumentExtraction(document=ref, tasks=[task])


def test_a_county_prefix_merges_only_when_it_is_the_county_s_own_or_the_only_one():
    both = [extraction("甲", "县财政局", "柳川县财政局", "桐溪县财政局")]
    assert table(extract_units(both)) == [
        ("县财政局", "", [], "department"),
        ("柳川县财政局", "", [], "department"),
        ("桐溪县财政局", "", [], "department"),
    ]
    assert table(extract_units(both, county="柳川县人民政府")) == [
        ("柳川县财政局", "县财政局", [], "department"),
        ("桐溪县财政局", "", [], "department"),
    ]
    assert table(extract_units([extraction("甲", "县财政局", "桐溪县财政局")])) == [
        ("桐溪县财政局", "县财政局", [], "department"),
    ]


def test_bracketed_names_are_aliases_and_written_without_the_county_merge_with_it():
    units = extract_units(
        [extraction("甲", "县人民政府办公室（县外事办公室、县侨务办公室）", "县侨务办公室", "林业局", "县林业局")]
    )
    assert table(units) == [
        ("县人民政府办公室", "", ["县外事办公室", "县侨务办公室"], "department"),
        ("县林业局", "", ["林业局"], "department"),
    ]


def test_short_forms_merge_with_the_one_long_form_that_holds_them():
    units = extract_units(
        [extraction("甲", "县住建局", "县卫体局", "县住房和城乡建设局", "县卫生健康和体育局", "县卫健局")]
    )
    assert table(units) == [
        ("县住房和城乡建设局", "县住建局", [], "department"),
        ("县卫生健康和体育局", "县卫体局", ["县卫健局"], "department"),
    ]


def comparisons(monkeypatch, names):
    """How many pairs of names the extractor compares for ``names`` (all departments of one bucket or of many)."""
    calls = []
    original = units_module._holds
    monkeypatch.setattr(units_module, "_holds", lambda long, short: calls.append(1) or original(long, short))
    found = extract_units(
        [extraction(f"文{index}", *names[index : index + 100]) for index in range(0, len(names), 100)]
    )
    return len(calls), found


@pytest.mark.parametrize("look_alike", [False, True], ids=["varied names", "look-alike names"])
def test_the_work_grows_with_the_names_not_their_square(monkeypatch, look_alike):
    def names(count):
        if look_alike:  # one bucket: the same first and last character after the level
            return [f"县甲{chr(0x3400 + index)}{'乙' * (index % 3)}局" for index in range(count)]
        return [f"县{chr(0x6000 + index)}{chr(0x7000 + index % 50)}局" for index in range(count)]

    small, found = comparisons(monkeypatch, names(500))
    large, found_large = comparisons(monkeypatch, names(2000))
    assert len(found) == 500 and len(found_large) == 2000
    assert large <= 5 * max(small, 1)
