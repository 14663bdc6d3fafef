"""python manage.py extract_gazette FILE … --json: one JSON object per file and line, in the shape the issue fixes,
dates read with the deadline parser, nothing written to the database."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from gazette.models import Document
from tests.gazette.extracted import SAMPLES
from tests.shared import GAZETTES, gazette_text

KEYS = {"file", "rosters", "tasks", "phases", "parcels", "rates"}


def run(*files, as_json=True):
    out = StringIO()
    call_command("extract_gazette", *map(str, files), json=as_json, stdout=out)
    return out.getvalue().splitlines()


@pytest.mark.django_db
def test_one_json_object_per_file_in_the_issues_shape_and_nothing_written():
    tab, wrapped = SAMPLES / "extract-tab-tables.txt", SAMPLES / "extract-hard-wrapped-roster.txt"
    first, second = (json.loads(line) for line in run(tab, wrapped))
    assert set(first) == KEYS and first["file"] == str(tab) and second["file"] == str(wrapped)
    roster = first["rosters"][0]
    assert roster["document"] == "河政办函〔2024〕11号" and roster["group"] == "河阳县安全生产委员会"
    assert roster["members"][1] == {"role": "常务副主任", "name": "冯军", "title": "县委常委、常务副县长"}
    assert roster["placeholders"] == ["各镇（街道）主要负责人"]
    assert (roster["office_host"], roster["office_head"]) == ("县应急管理局", "王芳")
    task = next(task for task in first["tasks"] if task["title"] == "城关镇违规取土")
    assert task["units"] == [{"name": "城关镇", "role": "implementing"}]
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
    }
    assert Document.objects.count() == 0


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
