"""manage.py parse_deadline: one JSON object per phrase and line, or a readable line per phrase."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

KEYS = ["text", "due", "start", "precision", "ongoing", "recurrence"]


def run(*phrases, **options):
    out = StringIO()
    call_command("parse_deadline", *phrases, stdout=out, **options)
    return out.getvalue()


def test_json_lines_have_the_keys_in_order_and_the_values():
    output = run(
        "12月30前",
        "“非粮化”问题 6 月 30 日前完成整改",
        "（一）前期摸底阶段（2023年11月30日—2023年12月15日）",
        "每月20日前",
        "长期有效",
        "按期完成",
        ref_date="2023-11-29",
        json=True,
    )
    lines = output.splitlines()
    objects = [json.loads(line) for line in lines]
    assert [list(obj) for obj in objects] == [KEYS] * 6
    assert objects == [
        {
            "text": "12月30前",
            "due": "2023-12-30",
            "start": None,
            "precision": "day",
            "ongoing": False,
            "recurrence": None,
        },
        {
            "text": "“非粮化”问题 6 月 30 日前完成整改",
            "due": "2024-06-30",
            "start": None,
            "precision": "day",
            "ongoing": False,
            "recurrence": None,
        },
        {
            "text": "（一）前期摸底阶段（2023年11月30日—2023年12月15日）",
            "due": "2023-12-15",
            "start": "2023-11-30",
            "precision": "day",
            "ongoing": False,
            "recurrence": None,
        },
        {
            "text": "每月20日前",
            "due": "2023-12-20",
            "start": None,
            "precision": "day",
            "ongoing": False,
            "recurrence": "monthly:20",
        },
        {"text": "长期有效", "due": None, "start": None, "precision": None, "ongoing": True, "recurrence": None},
        {"text": "按期完成", "due": None, "start": None, "precision": None, "ongoing": False, "recurrence": None},
    ]


def test_json_is_utf8_not_escaped():
    output = run("今年11月底前", ref_date="2022-05-12", json=True)
    assert output == (
        '{"text": "今年11月底前", "due": "2022-11-30", "start": null, "precision": "month", '
        '"ongoing": false, "recurrence": null}\n'
    )
    assert "\\u" not in output


def test_without_json_one_readable_line_per_phrase():
    lines = run("7月5日前", "（8月10日至8月15日）", "长期坚持", ref_date="2021-07-02").splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("7月5日前: ") and "2021-07-05" in lines[0]
    assert lines[1].startswith("（8月10日至8月15日）: ") and "2021-08-10" in lines[1] and "2021-08-15" in lines[1]
    assert lines[2].startswith("长期坚持: ")


@pytest.mark.parametrize("value", ["2023-02-30", "20231228", "2023/12/28", "2023-1-5", "yesterday", ""])
def test_a_bad_reference_date_is_a_command_error(value):
    # The message names the expected form and the value given, in whichever language is active.
    with pytest.raises(CommandError, match="YYYY-MM-DD") as raised:
        run("12月30前", ref_date=value)
    assert value in str(raised.value)
