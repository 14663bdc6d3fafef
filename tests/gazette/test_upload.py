"""The web import: upload, background task, progress, review; and who may do it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gazette.models import Document, ImportJob
from org import roles
from tests.org.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def eager(celery_eager):
    return celery_eager


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(client, content, name="sample.txt", **fields):
    return client.post("/gazette/imports/new/", {"files": [SimpleUploadedFile(name, content, "text/plain")], **fields})


def test_data_manager_uploads_and_sees_the_review(
    login, data_manager, eager, django_capture_on_commit_callbacks, demo_sample
):
    client = login(data_manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, demo_sample.read_bytes())
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.outcome == ImportJob.Outcome.CREATED
    status = client.get(f"/gazette/imports/{job.pk}/status/").json()
    assert status["finished"] and status["done"] == status["total"] == len(job.report["documents"])
    review = client.get(job.get_absolute_url()).content.decode()
    assert job.report["documents"][0]["title"] in review


def test_a_failed_import_says_why_in_chinese(login, data_manager, eager, django_capture_on_commit_callbacks):
    client = login(data_manager)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, "随便写的一段话。\n".encode(), name="note.txt")
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED and "公报" in job.failure_text()
    assert job.failure_text() in client.get(job.get_absolute_url()).content.decode()
    assert not Document.objects.exists()


def test_the_form_names_every_encoding_it_reads(login, data_manager):
    page = login(data_manager).get("/gazette/imports/new/").content.decode()
    assert "UTF-8、GB18030 或带字节序标记（BOM）的 UTF-16 编码" in page


def test_an_empty_file_is_refused_by_the_form(login, data_manager):
    response = upload(login(data_manager), b"", name="empty.txt")
    assert response.status_code == 200 and not ImportJob.objects.exists()
    assert "空" in str(response.context["form"].errors)


@pytest.mark.parametrize("role_fixture", ["supervisor", "finance_staff"])
def test_only_data_managers_may_import(request, login, role_fixture, demo_sample):
    client = login(request.getfixturevalue(role_fixture))
    assert client.get("/gazette/imports/new/").status_code == 403
    assert upload(client, demo_sample.read_bytes()).status_code == 403


def test_someone_elses_import_is_not_found(
    login, data_manager, finance_staff, eager, django_capture_on_commit_callbacks, demo_sample
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(login(data_manager), demo_sample.read_bytes())
    job = ImportJob.objects.get()
    client = login(finance_staff)
    assert client.get(job.get_absolute_url()).status_code == 404
    assert client.get(f"/gazette/imports/{job.pk}/status/").status_code == 404


def test_documents_are_found_by_words_in_title_or_body(
    login, data_manager, eager, django_capture_on_commit_callbacks, demo_sample
):
    client = login(data_manager)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, demo_sample.read_bytes())
    document = Document.objects.filter(parent__isnull=True).exclude(blocks=[]).order_by("order").last()
    word = document.blocks[0]["text"][2:8]
    rows = client.get("/gazette/documents/", {"q": word}).context["table"].rows
    assert document.pk in {row.record.pk for row in rows}
    assert client.get("/gazette/documents/", {"q": "不可能出现的词语组合"}).context["table"].rows.__len__() == 0


def test_a_county_data_manager_chooses_among_their_counties_and_imports_under_it(
    login, eager, django_capture_on_commit_callbacks, demo_sample
):
    own = OrganisationFactory(name="青岚县人民政府", short_name="青岚县", kind="county")
    OrganisationFactory(name="兴县人民政府", short_name="兴县", kind="county")
    manager = UserFactory(role=roles.DATA_MANAGER, counties=[own])
    client = login(manager)
    choices = client.get("/gazette/imports/new/").context["form"].fields["county"].choices
    assert choices == [("青岚县", "青岚县")]
    assert upload(client, demo_sample.read_bytes(), county="兴县").status_code == 200  # not a choice: refused
    assert not ImportJob.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, demo_sample.read_bytes(), county="青岚县")
    job = ImportJob.objects.get()
    assert job.issue.gazette.county == "青岚县"
