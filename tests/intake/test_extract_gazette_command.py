"""python manage.py extract_gazette FILE … --json: one JSON object per file and line, in the shape the issue fixes,
dates read with the deadline parser, every name with how it would resolve inside the file's county only (--county,
else the masthead's), nothing written to the database."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from gazette.models import Document
from tests.gazette.extracted import SAMPLES
from tests.groups.factories import LeadingGroupFactory
from tests.org.factories import OrganisationFactory, PersonFactory, PostFactory
from tests.shared import GAZETTES, gazette_text

KEYS = {"file", "county", "rosters", "tasks", "phases", "parcels", "rates", "portfolios", "plans"}
QINGLAN_NO_MASTHEAD = Path(__file__).parent / "samples" / "qinglan-no-masthead.txt"


def run(*files, as_json=True, **options):
    out = StringIO()
    call_command("extract_gazette", *map(str, files), json=as_json, stdout=out, **options)
    return out.getvalue().splitlines()


@pytest.mark.django_db
def test_one_json_object_per_file_in_the_issues_shape_and_nothing_written():
    tab, wrapped = SAMPLES / "extract-tab-tables.txt", SAMPLES / "extract-hard-wrapped-roster.txt"
    first, second = (json.loads(line) for line in run(tab, wrapped))
    assert set(first) == KEYS and first["file"] == str(tab) and second["file"] == str(wrapped)
    roster = first["rosters"][0]
    assert roster["document"] == "河政办函〔2024〕11号" and roster["group"] == "河阳县安全生产委员会"
    assert roster["members"][1] == {
        "role": "常务副主任",
        "name": "冯军",
        "title": "县委常委、常务副县长",
        "kind": "person",
        "resolved": None,
    }
    assert roster["placeholders"] == ["各镇（街道）主要负责人"]
    assert (roster["office_host"], roster["office_head"]) == ("县应急管理局", "王芳")
    task = next(task for task in first["tasks"] if task["title"] == "城关镇违规取土")
    assert task["units"] == [{"name": "城关镇", "role": "implementing", "resolved": None}]
    assert (task["person"], task["deadline_text"], task["due"], task["quantity"]) == (
        "李伟",
        "7月底前",
        "2024-07-31",
        "3.2亩",
    )
    both = next(task for task in first["tasks"] if task["title"] == "城关镇违法建房")
    assert [m["due"] for m in both["milestones"]] == ["2024-09-30", "2024-12-31"] and both["due"] == "2024-12-31"
    assert first["phases"][2] == {
        "document": "河政办发〔2024〕12号",
        "label": "验收销号阶段",
        "start": "2024-10-01",
        "end": "2024-10-31",
        "raw": "（三）验收销号阶段（10月）",
    }
    assert first["rates"][-1] == {
        "document": "河政发〔2024〕4号",
        "item": "按主房建筑面积给予奖励",
        "amount": 200,
        "amount_max": None,
        "unit": "元/m²",
        "condition": "在规定期限内签约并搬迁的",
        "kind": "money",
    }
    assert first["portfolios"][1]["supervises"] == ["县财政局", "县审计局", "县应急管理局"]
    assert first["county"] == "河阳县" and Document.objects.count() == 0


@pytest.mark.django_db
def test_parcels_of_a_shared_gazette_as_numbers():
    gazette_text("xingxian-2022-2.txt")  # skips where the shared gazettes are absent
    (line,) = run(GAZETTES / "xingxian-2022-2.txt")
    parcels = json.loads(line)["parcels"]
    assert parcels[3] == {
        "document": "兴政函〔2022〕62号",
        "parcel_no": "2021-09",
        "location": "兴县瓦塘镇兴汉村",
        "area": 154370,
        "area_unit": "m2",
        "method": "listing",
        "use": "工业用地",
        "term_years": 50,
        "start_price_wan": 4400,
        "deposit_wan": 5000,
    }
    assert parcels[1]["area"] == 46705.2


def test_a_summary_without_json_and_an_error_for_a_file_that_is_not_a_gazette(tmp_path):
    (line,) = run(SAMPLES / "extract-hard-wrapped-roster.txt", as_json=False)
    assert line.startswith(str(SAMPLES / "extract-hard-wrapped-roster.txt")) and " 6 " in line
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(CommandError):
        run(empty)


# Names resolve inside the file's county only: every county has a 县住建局 and a 王伟.


def county_with_namesakes(short_name):
    """A county with the units, people and group any county has, under the same names as every other county's."""
    county = OrganisationFactory(name=f"{short_name}人民政府", short_name=short_name, kind="county")
    units = {
        short: OrganisationFactory(name=f"{short_name}{full}", short_name=short, parent=county)
        for short, full in [
            ("县住建局", "住房和城乡建设局"),
            ("县应急局", "应急管理局"),
            ("县水利局", "水利局"),
            ("县财政局", "财政局"),
            ("县税务局", "税务局"),
        ]
    }
    people = {name: PersonFactory(name=name, county=county) for name in ["王伟", "赵强", "冯军"]}
    PostFactory(person=people["王伟"], organisation=county, title="县长")
    PostFactory(person=people["赵强"], organisation=units["县水利局"], title="局长")
    PostFactory(person=people["冯军"], organisation=county, title="副县长")
    group = LeadingGroupFactory(name=f"{short_name}安全生产委员会", county=county)
    return {"county": county, "group": group, **units, **people}


def resolved_values(value):
    """Every "resolved", "…_resolved" value in the command's JSON object, lists flattened."""
    if isinstance(value, list):
        return [found for item in value for found in resolved_values(item)]
    if not isinstance(value, dict):
        return []
    found = []
    for key, item in value.items():
        if key == "resolved" or key.endswith("_resolved"):
            found += item if isinstance(item, list) else [item]
        else:
            found += resolved_values(item)
    return found


@pytest.fixture
def xingxian():
    return county_with_namesakes("兴县")


@pytest.mark.django_db
def test_a_county_the_site_does_not_know_resolves_nothing_into_another_county(xingxian):
    (line,) = run(QINGLAN_NO_MASTHEAD, county="青岚县")
    result = json.loads(line)
    assert result["county"] == "青岚县"
    (roster,) = result["rosters"]
    assert roster["group"] == "青岚县安全生产委员会" and roster["group_resolved"] is None
    assert roster["office_host"] == "县应急局" and roster["office_host_resolved"] is None
    assert roster["members"][0] == {
        "role": "主任",
        "name": "王伟",
        "title": "县人民政府县长",
        "kind": "person",
        "resolved": None,
    }
    assert result["tasks"][0]["units"][0] == {"name": "县住建局", "role": "responsible", "resolved": None}
    found = resolved_values(result)
    assert found == [None] * 10  # the group, its office, 4 members, 2 units of each of 2 tasks


@pytest.mark.django_db
def test_names_resolve_to_the_given_countys_units_people_and_group_never_to_another(xingxian):
    qinglan = county_with_namesakes("青岚县")
    (line,) = run(QINGLAN_NO_MASTHEAD, county="青岚县")
    result = json.loads(line)
    (roster,) = result["rosters"]
    assert roster["group_resolved"] == {
        "id": qinglan["group"].pk,
        "name": "青岚县安全生产委员会",
        "county": "青岚县",
    }
    assert roster["office_host_resolved"] == {
        "id": qinglan["县应急局"].pk,
        "name": "青岚县应急管理局",
        "county": "青岚县",
    }
    assert [member["resolved"] for member in roster["members"]] == [
        {"id": qinglan["王伟"].pk, "name": "王伟", "county": "青岚县"},
        None,  # 李红: no such person in 青岚县
        {"id": qinglan["赵强"].pk, "name": "赵强", "county": "青岚县"},
        None,  # 孙静
    ]
    first, second = result["tasks"]
    assert [(unit["name"], unit["resolved"]) for unit in first["units"]] == [
        ("县住建局", {"id": qinglan["县住建局"].pk, "name": "青岚县住房和城乡建设局", "county": "青岚县"}),
        ("县应急局", {"id": qinglan["县应急局"].pk, "name": "青岚县应急管理局", "county": "青岚县"}),
    ]
    assert [unit["resolved"] for unit in second["units"]] == [
        {"id": qinglan["县住建局"].pk, "name": "青岚县住房和城乡建设局", "county": "青岚县"},
        None,  # 县市场监管局: no such unit in 青岚县
    ]
    found = {(value["id"], value["name"], value["county"]) for value in resolved_values(result) if value}
    assert len(found) == 5 and {county for _id, _name, county in found} == {"青岚县"}
    assert not {(pk, name) for pk, name, _county in found} & {(record.pk, record.name) for record in xingxian.values()}


@pytest.mark.django_db
def test_without_county_the_masthead_names_it_and_a_file_with_none_resolves_nothing(xingxian):
    qinglan = county_with_namesakes("青岚县")
    with_masthead, without = (
        json.loads(line) for line in run(SAMPLES / "extract-hard-wrapped-roster.txt", QINGLAN_NO_MASTHEAD)
    )
    assert with_masthead["county"] == "青岚县"
    (roster,) = with_masthead["rosters"]
    assert roster["office_host"] == "县水利局"
    assert roster["office_host_resolved"] == {"id": qinglan["县水利局"].pk, "name": "青岚县水利局", "county": "青岚县"}
    assert roster["members"][3]["resolved"] == {"id": qinglan["赵强"].pk, "name": "赵强", "county": "青岚县"}
    assert roster["group_resolved"] is None  # no 河湖"清四乱" group in 青岚县 yet
    assert [unit["resolved"] for unit in with_masthead["tasks"][1]["units"]] == [
        {"id": qinglan["县水利局"].pk, "name": "青岚县水利局", "county": "青岚县"},
        None,  # 县自然资源和规划局
        {"id": qinglan["县住建局"].pk, "name": "青岚县住房和城乡建设局", "county": "青岚县"},
    ]
    assert without["county"] is None and set(resolved_values(without)) == {None}
    # --county wins over the masthead.
    (line,) = run(SAMPLES / "extract-hard-wrapped-roster.txt", county="兴县")
    assert json.loads(line)["rosters"][0]["office_host_resolved"] == {
        "id": xingxian["县水利局"].pk,
        "name": "兴县水利局",
        "county": "兴县",
    }


@pytest.mark.django_db
def test_a_portfolio_resolves_its_leader_and_units_aligned_with_the_names(xingxian):
    heyang = county_with_namesakes("河阳县")
    (line,) = run(SAMPLES / "extract-tab-tables.txt")
    portfolio = json.loads(line)["portfolios"][1]
    assert (portfolio["name"], portfolio["resolved"]) == (
        "冯军",
        {"id": heyang["冯军"].pk, "name": "冯军", "county": "河阳县"},
    )
    assert portfolio["supervises_resolved"] == [
        {"id": heyang["县财政局"].pk, "name": "河阳县财政局", "county": "河阳县"},
        None,  # 县审计局
        {"id": heyang["县应急局"].pk, "name": "河阳县应急管理局", "county": "河阳县"},  # 县… stands for 河阳县…
    ]
    assert portfolio["liaises_resolved"] == [
        {"id": heyang["县税务局"].pk, "name": "河阳县税务局", "county": "河阳县"},
        None,  # 县人民银行
    ]


@pytest.mark.django_db
def test_a_name_two_people_of_the_county_share_resolves_to_nobody():
    qinglan = county_with_namesakes("青岚县")
    PostFactory(
        person=PersonFactory(name="王伟", county=qinglan["county"]), organisation=qinglan["县住建局"], title="副局长"
    )
    (line,) = run(QINGLAN_NO_MASTHEAD, county="青岚县")
    assert json.loads(line)["rosters"][0]["members"][0]["resolved"] is None
