"""What the gazette import tells the user, in the reader's language: the parser's warnings and refusals read as
before in Chinese and in English for a user who chose English, whatever language the import ran in. The parser words
them in English without Django; they are stored as msgid and parameters and translated when shown."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from common.messages import translated
from gazette import services
from gazette.messages import warning_text
from gazette.models import Gazette, ImportJob, Issue
from gazette.parsing import GazetteParseError, parse_gazette
from tests.gazette.extracted import SAMPLES
from tests.helpers import CHINESE, marked_msgids, shown_warnings, untranslated
from tests.shared import SAMPLE

ROOT = Path(__file__).resolve().parent.parent.parent

# The sample without masthead, with a heading of another authority put in: two warnings, each with Chinese values.
REPRINT = "\n邻市人民政府 关于转发防汛工作要点的通知\n\n邻政发〔2022〕1号\n\n各县人民政府：\n\n请遵照执行。\n"
TEXT = (SAMPLES / "no-masthead.txt").read_text(encoding="utf-8").replace("妥否，请批示。", "妥否，请批示。\n" + REPRINT)
CHINESE_WARNINGS = [
    "第27行：《关于转发防汛工作要点的通知》的发文机关邻市人民政府不属于本县，按正文处理",
    "第38行：落款日期“2022年2月30日”无法识别",
]
ENGLISH_WARNINGS = [
    "Line 27: The issuer of “关于转发防汛工作要点的通知”, 邻市人民政府, is not of this county; read as body text",
    "Line 38: The signed date “2022年2月30日” cannot be read",
]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def refusal(text):
    with pytest.raises(GazetteParseError) as refused:
        parse_gazette(text)
    return translated(refused.value.message)


def imported_issue():
    return services.import_gazette(TEXT.encode(), name="reprint.txt", county="兴县", year=2022, number=3).issue


def shown_on_the_issue_page(client, issue):
    html = client.get(issue.get_absolute_url()).content.decode()
    return re.findall(r"<li>(.*?)</li>", html[html.index('<ul class="warnings">') :].split("</ul>")[0])


def without_quoted_values(text, warning):
    for value in warning["params"].values():
        text = text.replace(str(value), "")
    return text


# The Chinese interface: the words of before, to the character.


def test_the_parsers_warnings_read_in_the_chinese_of_before():
    assert shown_warnings(parse_gazette(TEXT)) == CHINESE_WARNINGS


def test_a_refused_file_is_refused_in_the_chinese_of_before():
    assert refusal(" \n ") == "文件内容为空，没有可以读取的公报文字。"
    assert refusal("随便写的一段话。\n") == (
        "未找到任何公文：既没有发文字号，也没有“关于……的通知”这样的公文标题，这不像是政府公报的文字。"
    )


@pytest.mark.django_db
def test_the_issue_page_shows_the_stored_warnings_in_the_chinese_of_before(login, data_manager):
    issue = imported_issue()
    assert [warning["line"] for warning in issue.warnings] == [27, 38]  # stored untranslated
    assert shown_on_the_issue_page(login(data_manager), issue) == CHINESE_WARNINGS


@pytest.mark.django_db
def test_the_admin_shows_the_stored_warnings_as_text_not_as_their_ids(login, data_manager):
    issue = imported_issue()
    html = login(data_manager).get(f"/admin/gazette/issue/{issue.pk}/change/").content.decode()
    for text in CHINESE_WARNINGS:
        assert f"<p>{text}</p>" in html
    assert issue.warnings[0]["text"] not in html


# A user who chose English: the same warnings and refusals in English, Chinese only in what the gazette prints.


def test_the_parsers_warnings_read_in_english():
    with translation.override("en"):
        assert shown_warnings(parse_gazette(TEXT)) == ENGLISH_WARNINGS


def test_a_refused_file_is_refused_in_english():
    with translation.override("en"):
        assert refusal(" \n ") == "The file is empty: there is no gazette text to read."


@pytest.mark.django_db
def test_the_issue_page_shows_the_warnings_in_english_but_for_the_gazettes_own_words(login, data_manager, english):
    issue = imported_issue()
    shown = shown_on_the_issue_page(login(data_manager), issue)
    assert shown == ENGLISH_WARNINGS
    for text, warning in zip(shown, issue.warnings, strict=True):
        assert not CHINESE.search(without_quoted_values(text, warning)), text


@pytest.mark.django_db
def test_the_imports_own_warning_follows_the_reader_too(login, data_manager, english):
    issue = services.import_gazette(SAMPLE.read_bytes(), name="sample.txt", county="临县").issue
    assert "The masthead names 示例县; imported under 临县 as entered." in shown_on_the_issue_page(
        login(data_manager), issue
    )
    with translation.override("zh-hans"):
        assert "刊头所属县为示例县，已按填写的临县导入。" in map(warning_text, issue.warnings)


@pytest.mark.django_db
def test_the_review_page_shows_the_warnings_in_the_readers_language(
    login, data_manager, celery_eager, django_capture_on_commit_callbacks, english
):
    client = login(data_manager)
    upload = SimpleUploadedFile("reprint.txt", TEXT.encode(), "text/plain")
    fields = {"files": [upload], "county": "兴县", "year": 2022, "number": 3}
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/gazette/imports/new/", fields)
    job = ImportJob.objects.get()
    english_page = client.get(job.get_absolute_url()).content.decode()
    assert all(warning in english_page for warning in ENGLISH_WARNINGS)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    chinese_page = client.get(job.get_absolute_url()).content.decode()
    assert all(warning in chinese_page for warning in CHINESE_WARNINGS)


NOT_A_GAZETTE_EN = (
    "No documents found: no document numbers and no titles such as “Notice on …”; this does not look like the text "
    "of a government gazette."
)
NOT_A_GAZETTE_ZH = "未找到任何公文：既没有发文字号，也没有“关于……的通知”这样的公文标题，这不像是政府公报的文字。"


@pytest.mark.django_db
def test_a_failed_import_says_why_in_the_language_of_whoever_reads_it(
    login, data_manager, celery_eager, django_capture_on_commit_callbacks, english
):
    client = login(data_manager)
    upload = SimpleUploadedFile("note.txt", "随便写的一段话。\n".encode(), "text/plain")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/gazette/imports/new/", {"files": [upload]})
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED

    assert NOT_A_GAZETTE_EN in client.get(job.get_absolute_url()).content.decode()
    assert client.get(f"/gazette/imports/{job.pk}/status/").json()["error"] == NOT_A_GAZETTE_EN
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    assert NOT_A_GAZETTE_ZH in client.get(job.get_absolute_url()).content.decode()
    assert NOT_A_GAZETTE_ZH in client.get(f"/admin/gazette/importjob/{job.pk}/change/").content.decode()


@pytest.mark.django_db
def test_an_import_the_sweep_failed_says_why_in_the_readers_language(login, data_manager, english, settings):
    settings.GAZETTE_IMPORT_TIME_LIMIT = 960
    job = ImportJob.objects.create(
        file="imports/stuck.txt", original_name="stuck.txt", county="示例县", status=ImportJob.Status.RUNNING
    )
    ImportJob.objects.filter(pk=job.pk).update(started=job.created - datetime.timedelta(hours=1))
    assert services.fail_stalled_imports() == 1
    client = login(data_manager)

    english_page = client.get(job.get_absolute_url()).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    chinese_page = client.get(job.get_absolute_url()).content.decode()

    assert "The worker stopped while importing this file (it was still running after 16 minutes)" in english_page
    assert "后台进程已停止" in chinese_page and "16 分钟" in chinese_page


@pytest.mark.django_db
def test_a_failure_stored_as_text_before_failures_were_translated_is_shown_as_it_is(login, data_manager, english):
    job = ImportJob.objects.create(
        file="imports/old.txt",
        original_name="old.txt",
        county="示例县",
        status=ImportJob.Status.FAILED,
        failure="未找到任何文件。",
    )
    assert "未找到任何文件。" in login(data_manager).get(job.get_absolute_url()).content.decode()


# Warnings stored before they were translated: plain Chinese text, shown as it is.


@pytest.mark.django_db
def test_an_issue_with_warnings_stored_as_text_still_shows_them(login, data_manager, english):
    gazette = Gazette.objects.create(county="兴县", name="兴县人民政府公报")
    old = ["第12行：《关于做好春耕生产工作的通知》未找到落款日期", "刊头所属县为示例县，已按填写的兴县导入。"]
    issue = Issue.objects.create(gazette=gazette, year=2020, number=1, warnings=old)
    assert shown_on_the_issue_page(login(data_manager), issue) == old


# Every message the parser marks, translated; the Chinese keeps the placeholders.


def test_every_message_the_parser_marks_has_its_chinese_with_the_same_placeholders():
    msgids = [*marked_msgids(sorted((ROOT / "gazette" / "parsing").glob("*.py"))), "Line %(line)s: %(message)s"]
    assert len(msgids) == 21
    assert untranslated(msgids) == []


@pytest.mark.django_db
def test_the_admin_links_an_imports_report_to_its_page_rather_than_showing_json(login, data_manager):
    issue = imported_issue()
    job = ImportJob.objects.create(
        file="imports/reprint.txt",
        original_name="reprint.txt",
        county="兴县",
        status=ImportJob.Status.DONE,
        issue=issue,
        report={"warnings": issue.warnings, "documents": []},
    )

    html = login(data_manager).get(f"/admin/gazette/importjob/{job.pk}/change/").content.decode()

    assert f'<a href="{job.get_absolute_url()}">见导入页面</a>' in html
    assert '"warnings"' not in html and 'name="report"' not in html
