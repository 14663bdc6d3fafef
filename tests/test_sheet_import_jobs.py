"""A large task list or survey sheet is read by the worker: the page follows its progress, then shows the same
preview, and nothing is written before the user confirms it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from common import jobs, sheet_jobs
from compensation.models import Household
from projects.models import Task
from projects.task_sheet import COLUMNS, read_task_sheet
from tests.compensation.factories import RuleFactory
from tests.compensation.test_survey_import import GOOD as SURVEY_ROW
from tests.compensation.test_survey_import import workbook as survey_bytes
from tests.helpers import xlsx

pytestmark = pytest.mark.django_db

GOOD = ("1", "完成城区供热管网改造", "县财政局", "县财政局", "张三", "10月底前", "")


def sheet_bytes(rows):
    return xlsx(COLUMNS, *rows)


@pytest.fixture
def every_file_is_large(monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(sheet_jobs, "ASYNC_FROM_BYTES", 0)
    return tmp_path


@pytest.fixture
def queued(monkeypatch):
    """The jobs queued, not run: the test runs them when it wants."""
    calls = []
    monkeypatch.setattr(jobs.read_sheet, "delay", lambda *args: calls.append(args))
    return calls


def upload(client, county, data):
    file = SimpleUploadedFile("tasks.xlsx", data)
    return client.post("/tasks/import/", {"file": file, "reference": "2024-03-01", "county": county.pk})


def test_the_page_follows_the_reading_then_shows_the_preview_and_imports_on_confirm(
    login, data_manager, county, finance, every_file_is_large, queued
):
    client = login(data_manager)
    assert upload(client, county, sheet_bytes([GOOD, GOOD])).url == "/tasks/import/progress/"
    page = client.get("/tasks/import/progress/")
    assert page.templates[0].name == "sheet_import_progress.html"
    status = client.get("/tasks/import/progress/", headers={"Accept": "application/json"}).json()
    assert status["finished"] is False and status["done"] == 0
    sheet_jobs.read(*queued[0])
    assert client.get("/tasks/import/progress/", headers={"Accept": "application/json"}).json()["finished"] is True
    preview = client.get("/tasks/import/progress/")
    assert [row.number for row in preview.context["previews"]] == [2, 3]
    assert not Task.objects.exists() and not list((every_file_is_large / "sheet-imports").iterdir())
    client.post("/tasks/import/confirm/")
    assert Task.objects.filter(title=GOOD[1]).count() == 2


def test_a_refused_large_file_goes_back_to_the_form_with_the_reason_and_writes_nothing(
    login, data_manager, county, every_file_is_large, celery_eager
):
    client = login(data_manager)
    upload(client, county, b"not a workbook")
    response = client.get("/tasks/import/progress/", follow=True)
    assert response.redirect_chain[-1][0] == "/tasks/import/"
    assert "不是 Excel 工作簿" in response.content.decode()
    assert client.post("/tasks/import/confirm/").url == "/tasks/import/"
    assert not Task.objects.exists()


def test_a_small_file_is_still_read_while_the_user_waits(login, data_manager, county, finance, queued):
    response = upload(login(data_manager), county, sheet_bytes([GOOD]))
    assert [row.number for row in response.context["previews"]] == [2] and queued == []


def test_the_reader_reports_progress_every_500_rows():
    read = []
    rows = read_task_sheet(sheet_bytes([GOOD] * 1200), progress=read.append)
    assert len(rows) == 1200 and read == [500, 1000]


def test_a_large_survey_sheet_is_read_by_the_worker_then_previewed_and_imported(
    login, data_manager, every_file_is_large, celery_eager
):
    version = RuleFactory(code="relocation", amount=30).version
    RuleFactory(version=version, code="brick", basis="storey_area", amount=500, conditions={"structures": ["砖混"]})
    project = version.scheme.project
    client = login(data_manager)
    url = f"/compensation/projects/{project.pk}/households/import/"
    sheet = SimpleUploadedFile("survey.xlsx", survey_bytes([SURVEY_ROW]))
    response = client.post(url, {"file": sheet, "version": version.pk, "surveyed_on": "2024-03-01"})
    assert response.url == f"{url}progress/"
    preview = client.get(f"{url}progress/")
    assert [row.number for row in preview.context["previews"]] == [3] and not preview.context["blocked"]
    assert not Household.objects.exists()
    client.post(f"{url}confirm/")
    assert list(Household.objects.values_list("number", flat=True)) == [SURVEY_ROW["户号"]]


def test_a_reading_that_fails_stops_the_waiting_with_a_message(
    login, data_manager, county, every_file_is_large, queued
):
    client = login(data_manager)
    upload(client, county, sheet_bytes([GOOD]))
    token, path, reader = queued[0]
    (every_file_is_large / path).unlink()  # the worker cannot find the upload
    with pytest.raises(FileNotFoundError):
        sheet_jobs.read(token, path, reader)
    response = client.get("/tasks/import/progress/", follow=True)
    assert response.redirect_chain[-1][0] == "/tasks/import/" and "表格未能读取" in response.content.decode()
