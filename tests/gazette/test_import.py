"""Importing gazette files: idempotent, updates by number, bad input refused in Chinese with nothing written."""

import json

import pytest
from django.core.management import call_command

from common.messages import translated
from gazette import services
from gazette.messages import warning_text
from gazette.models import Document, Issue
from gazette.parsing import GazetteParseError
from tests.gazette.extracted import SAMPLES
from tests.shared import SAMPLE, gazette_text

pytestmark = pytest.mark.django_db


def sample_bytes():
    return SAMPLE.read_bytes()


def test_the_sample_gazette_imports_with_its_documents():
    result = services.import_gazette(sample_bytes(), name="sample.txt")
    assert result.outcome == "created"
    issue = result.issue
    assert issue.documents.filter(parent__isnull=True).count() == len(result.report["documents"]) >= 5
    first = issue.documents.order_by("order").first()
    assert first.raw_text and first.start_line and first.blocks


def test_importing_the_same_file_again_changes_nothing():
    services.import_gazette(sample_bytes(), name="sample.txt")
    before = list(Document.objects.order_by("pk").values_list("pk", "title", "number"))
    again = services.import_gazette(sample_bytes(), name="sample.txt")
    assert again.outcome == "unchanged"
    assert list(Document.objects.order_by("pk").values_list("pk", "title", "number")) == before
    assert Issue.objects.count() == 1


def test_a_corrected_file_updates_documents_matched_by_number():
    first = services.import_gazette(sample_bytes(), name="sample.txt")
    numbered = first.issue.documents.exclude(number="").order_by("order").first()
    printed_title = numbered.title.replace(" ", "")
    corrected = sample_bytes().decode("utf-8").replace(printed_title[-6:], "（修订）" + printed_title[-6:], 1)
    assert corrected != sample_bytes().decode("utf-8")
    second = services.import_gazette(corrected.encode("utf-8"), name="sample-corrected.txt")
    assert second.outcome == "updated"
    assert Issue.objects.count() == 1
    assert Document.objects.filter(number=numbered.number).count() == 1
    numbered.refresh_from_db()
    assert "修订" in numbered.title


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "空"),
        (b"\x00\x01\x02\x03binary\x00\xff" * 50, "文本"),
        ("这是一段普通的文字，不是政府公报。\n没有文号，也没有标题。\n".encode(), "公报"),
    ],
)
def test_bad_input_gets_a_chinese_message_and_writes_nothing(data, expected):
    with pytest.raises(GazetteParseError) as error:
        services.import_gazette(data, name="bad.txt")
    assert expected in translated(error.value.message)
    assert not Issue.objects.exists() and not Document.objects.exists()


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.GAZETTE_MAX_BYTES = 1024
    with pytest.raises(GazetteParseError) as error:
        services.import_gazette(sample_bytes(), name="big.txt")
    assert "MB" in translated(error.value.message)
    assert not Issue.objects.exists()


def test_a_gb18030_file_is_decoded():
    text = SAMPLE.read_text(encoding="utf-8")
    result = services.import_gazette(text.encode("gb18030"), name="gbk.txt")
    assert result.issue.documents.exists()
    assert Document.objects.filter(title__contains=result.report["documents"][0]["title"][:4]).exists()


def test_a_file_without_masthead_needs_county_year_and_number():
    text = SAMPLE.read_text(encoding="utf-8")
    body = text[text.index(_first_heading(text)) :]
    with pytest.raises(GazetteParseError) as error:
        services.import_gazette(body.encode(), name="no-masthead.txt")
    assert "请填写" in translated(error.value.message)
    assert not Issue.objects.exists()
    result = services.import_gazette(body.encode(), name="no-masthead.txt", county="示例县", year=2024, number=3)
    assert (result.issue.gazette.county, result.issue.year, result.issue.number) == ("示例县", 2024, 3)


def _first_heading(text):
    """The first document heading: the line before the first line that starts with a document number."""
    report = services.import_gazette(text.encode(), name="probe.txt", dry_run=True).report
    lines = text.split("\n")
    return lines[report["documents"][0]["start_line"] - 1]


def test_dry_run_writes_nothing():
    result = services.import_gazette(sample_bytes(), name="sample.txt", dry_run=True)
    assert result.outcome == "dry-run" and result.report["documents"]
    assert not Issue.objects.exists()


def test_command_prints_the_stable_json_in_utf8(capsys):
    call_command("import_gazette", str(SAMPLE), "--json", "--dry-run")
    output = capsys.readouterr().out
    report = json.loads(output)
    assert set(report) >= {"file", "issue", "toc_entries", "documents", "missing_from_body", "warnings"}
    assert set(report["issue"]) == {"gazette", "county", "year", "number", "cumulative", "published"}
    assert set(report["documents"][0]) == {
        "number",
        "issuer",
        "title",
        "kind",
        "signed",
        "public",
        "toc_page",
        "instrument_title",
        "start_line",
    }
    assert "\\u" not in output and "人民政府" in output


@pytest.mark.parametrize("dry_run", [True, False], ids=["dry-run", "written"])
def test_the_report_names_the_county_year_and_number_entered_for_a_file_without_masthead(capsys, dry_run):
    path = SAMPLES / "no-masthead.txt"
    options = ["--county", "交城县", "--year", "2023", "--number", "3", "--json"] + (["--dry-run"] if dry_run else [])
    call_command("import_gazette", str(path), *options)
    issue = json.loads(capsys.readouterr().out)["issue"]
    assert (issue["county"], issue["year"], issue["number"]) == ("交城县", 2023, 3)
    assert issue["gazette"] == "交城县人民政府公报"
    assert Issue.objects.filter(gazette__county="交城县").exists() is not dry_run


def test_a_masthead_gives_the_county_when_none_is_entered(capsys):
    call_command("import_gazette", str(SAMPLE), "--json", "--dry-run")
    issue = json.loads(capsys.readouterr().out)["issue"]
    assert issue["county"] == "示例县" and issue["year"] and issue["number"]


def test_command_prints_a_list_for_several_files(capsys, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(sample_bytes())
    call_command("import_gazette", str(SAMPLE), str(copy), "--json")
    reports = json.loads(capsys.readouterr().out)
    assert [report["outcome"] for report in reports] == ["created", "unchanged"]


def test_an_invented_full_issue_imports_and_reimports_unchanged():
    data = (SAMPLES / "full-issue.txt").read_bytes()
    first = services.import_gazette(data, name="full-issue.txt")
    assert first.outcome == "created"
    assert first.issue.documents.filter(parent__isnull=True).count() == len(first.report["documents"]) == 11
    count = Document.objects.count()
    assert services.import_gazette(data, name="full-issue.txt").outcome == "unchanged"
    assert Document.objects.count() == count


def test_the_shared_gazettes_import_and_reimport_unchanged():
    path = "xingxian-2023-4.txt"
    data = gazette_text(path).encode("utf-8")
    first = services.import_gazette(data, name=path)
    assert first.outcome == "created"
    count = Document.objects.count()
    assert services.import_gazette(data, name=path).outcome == "unchanged"
    assert Document.objects.count() == count


def test_the_plan_a_notice_issues_is_a_document_of_its_own():
    issue = services.import_gazette(sample_bytes(), name="sample.txt").issue
    notice = issue.documents.get(title__startswith="关于印发")
    plan = notice.instruments.get()
    assert plan.kind == "方案" and plan.title in notice.raw_text + plan.raw_text
    assert plan.start_line > notice.start_line and plan.blocks


def test_the_county_entered_wins_over_the_masthead_with_a_warning():
    result = services.import_gazette(sample_bytes(), name="sample.txt", county="临县")
    assert result.issue.gazette.county == "临县"
    assert any("示例县" in warning and "临县" in warning for warning in map(warning_text, result.report["warnings"]))


def test_decrees_numbered_without_a_year_and_minutes_without_a_number_import_and_reimport_unchanged():
    data = (SAMPLES / "decrees-and-minutes.txt").read_bytes()
    first = services.import_gazette(data, name="decrees-and-minutes.txt")
    assert first.outcome == "created"
    documents = first.issue.documents.filter(parent__isnull=True).order_by("order")
    assert [(d.number, d.series, d.year, d.sequence, d.kind) for d in documents] == [
        ("县政府令第3号", "县政府令", None, 3, "令"),
        ("县政府令第4号", "县政府令", None, 4, "令"),
        ("桐政发〔2025〕7号", "桐政发", 2025, 7, "通知"),
        ("", "", None, None, "纪要"),
    ]
    assert first.issue.documents.filter(parent__isnull=False).count() == 3  # the two rules and the plan
    count = Document.objects.count()
    assert services.import_gazette(data, name="decrees-and-minutes.txt").outcome == "unchanged"
    assert Document.objects.count() == count


def test_documents_whose_issuer_names_no_county_import_under_the_county_entered():
    data = (SAMPLES / "issuers-without-county.txt").read_bytes()
    result = services.import_gazette(data, name="issuers-without-county.txt", county="石门县", year=2025, number=2)
    documents = result.issue.documents.order_by("order")
    assert result.issue.gazette.county == "石门县"
    assert [(d.number, d.issuer) for d in documents] == [
        ("石门政办发〔2025〕11号", "县人民政府办公室"),
        ("石门政函〔2025〕20号", "县人民政府"),
    ]
