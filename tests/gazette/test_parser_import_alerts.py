"""An import that looks wrong says so (issue 15): the parser's report flags documents with neither number nor date,
contents entries with no body and a contents none of whose entries could be read; the import's review page and the
issue's page show these first."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gazette import selectors, services
from gazette.models import ImportJob
from gazette.parsing import as_json, parse_gazette
from tests.gazette.extracted import SAMPLES
from tests.helpers import shown_warnings

# A contents none of whose entries can be read, then a document whose date line was lost in extraction.
UNREAD_CONTENTS = """丰乐县人民政府公报
2024年第1期

目录

丰乐县人民政府 关于加强冬季森林防火工作的通告
丰政发〔2024〕2号
为切实做好冬季森林防火工作，现将有关事项通告如下：
一、进山入林严禁携带火种。
丰乐县人民政府
2024年1月9日

丰乐县人民政府办公室 关于报送2023年度统计数据的通知
各乡镇人民政府，县直各有关单位：
请于1月31日前报送2023年度统计数据。
丰乐县人民政府办公室
"""


def test_a_contents_entry_without_body_is_an_alert_and_nothing_else_is():
    issue = parse_gazette((SAMPLES / "grouped-two-line-toc.txt").read_text(encoding="utf-8"))
    assert as_json(issue, "grouped-two-line-toc.txt")["alerts"] == [
        {
            "kind": "toc_entry_without_body",
            "line": 20,
            "title": "关于同意设立清河县经济技术开发区管理委员会的批复",
            "number": None,
        }
    ]


def test_an_unread_contents_and_a_document_with_neither_number_nor_date_are_alerts():
    issue = parse_gazette(UNREAD_CONTENTS)
    assert issue.has_toc and issue.toc == []
    assert [d.number for d in issue.documents] == ["丰政发〔2024〕2号", None]
    assert as_json(issue, "unread.txt")["alerts"] == [
        {"kind": "toc_unread", "line": None, "title": None, "number": None},
        {"kind": "no_number_no_date", "line": 13, "title": "关于报送2023年度统计数据的通知", "number": None},
    ]
    assert "第13行：《关于报送2023年度统计数据的通知》既无文号也无落款日期，请核对是否为公文" in shown_warnings(issue)


def test_a_clean_import_has_no_alerts():
    issue = parse_gazette((SAMPLES / "full-issue.txt").read_text(encoding="utf-8"))
    assert [alert["kind"] for alert in as_json(issue, "full-issue.txt")["alerts"]] == ["toc_entry_without_body"]
    issue = parse_gazette((SAMPLES / "wrapped-headings.txt").read_text(encoding="utf-8"))
    assert as_json(issue, "wrapped-headings.txt")["alerts"] == []


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.django_db
def test_the_review_page_and_the_issue_page_show_the_alerts_first(
    login, data_manager, celery_eager, django_capture_on_commit_callbacks
):
    client = login(data_manager)
    upload = SimpleUploadedFile("unread.txt", UNREAD_CONTENTS.encode(), "text/plain")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/gazette/imports/new/", {"files": [upload]})
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.DONE
    for page in (job.get_absolute_url(), job.issue.get_absolute_url()):
        html = client.get(page).content.decode()
        box = html[html.index('class="message warning import-alerts"') : html.index("</section>")]
        assert 'role="alert"' in html[html.index("<section") : html.index("</section>")]
        assert "alert-toc_unread" in box and "alert-no_number_no_date" in box
        assert "关于报送2023年度统计数据的通知" in box
        assert html.index("import-alerts") < html.index("关于加强冬季森林防火工作的通告")  # before the documents


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "alerts"),
    [
        (
            "grouped-two-line-toc.txt",
            [
                {
                    "kind": "toc_entry_without_body",
                    "line": 20,
                    "title": "关于同意设立清河县经济技术开发区管理委员会的批复",
                    "number": None,
                }
            ],
        ),
        ("wrapped-headings.txt", []),
    ],
)
def test_a_stored_issue_gives_back_the_alerts_of_its_import(name, alerts):
    issue = services.import_gazette((SAMPLES / name).read_bytes(), name=name).issue
    assert selectors.stored_alerts(issue, issue.documents.filter(parent__isnull=True)) == alerts
