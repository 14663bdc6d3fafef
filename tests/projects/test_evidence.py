"""Evidence files: checked by name, size and content before anything is stored, and served only to those who may
see the task."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from common.uploads import EvidenceField
from org import roles
from projects.models import ProgressReport
from tests.helpers import response_bytes
from tests.org.factories import OrganisationFactory, UserFactory
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def plain_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.bin", "x")
    return buffer.getvalue()


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    county = OrganisationFactory(name="兴县人民政府", short_name="兴县", kind="county")
    unit_a = OrganisationFactory(name="兴县甲局", parent=county)
    unit_b = OrganisationFactory(name="兴县乙局", parent=county)
    task = TaskFactory(county=county, title="佐证任务", due=datetime.date(2025, 6, 30), status="in_progress")
    AssignmentFactory(task=task, organisation=unit_a)
    return {
        "task": task,
        "media": tmp_path / "media",
        "owner": UserFactory(role=roles.UNIT_STAFF, units=[unit_a]),
        "other": UserFactory(role=roles.UNIT_STAFF, units=[unit_b]),
        "other_county_supervisor": UserFactory(
            role=roles.SUPERVISOR, counties=[OrganisationFactory(name="临县人民政府", kind="county")]
        ),
        "supervisor": UserFactory(role=roles.SUPERVISOR, counties=[county]),
    }


def stored_files(media):
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []


def report(client, task, name, content):
    data = {
        "date": "2025-03-01",
        "text": "完成现场整改",
        "percent": "60",
        "attachment": SimpleUploadedFile(name, content),
    }
    with translation.override("zh-hans"):
        return client.post(reverse("projects:task_report", args=[task.pk]), data, HTTP_ACCEPT_LANGUAGE="zh-hans")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("整改报告.pdf", PDF),
        ("现场照片.png", PNG),
        ("台账.docx", docx_bytes()),
        ("照片.JPG", b"\xff\xd8\xff\xe0" + PDF),
    ],
)
def test_accepted_kinds_are_stored_and_linked_from_the_task_page(client, world, name, content):
    client.force_login(world["owner"])
    response = report(client, world["task"], name, content)
    assert response.status_code == 302
    stored = ProgressReport.objects.get(task=world["task"])
    assert stored.attachment.read() == content
    page = client.get(world["task"].get_absolute_url()).content.decode()
    assert reverse("projects:task_evidence", args=[world["task"].pk, "report", stored.pk]) in page


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", EXE, "不能作为附件"),
        ("通知.pdf", EXE, "内容不是"),  # a program renamed
        ("表格.xlsx", plain_zip(), "内容不是"),  # a ZIP archive, not a workbook
        ("图片.png", PDF, "内容不是"),
        ("说明.txt", b"plain words", "不能作为附件"),
    ],
)
def test_a_wrong_type_is_refused_in_chinese_and_nothing_is_stored(client, world, name, content, message):
    client.force_login(world["owner"])
    response = report(client, world["task"], name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ProgressReport.objects.exists()
    assert stored_files(world["media"]) == []


def test_a_file_over_the_limit_is_refused_and_nothing_is_stored(client, world, settings):
    settings.EVIDENCE_MAX_BYTES = 1024
    client.force_login(world["owner"])
    response = report(client, world["task"], "大文件.pdf", PDF + b"0" * 2048)
    assert "文件大于" in response.content.decode()
    assert not ProgressReport.objects.exists()
    assert stored_files(world["media"]) == []


def test_the_field_is_optional_and_takes_any_form(world):
    field = EvidenceField()
    assert field.clean(None) is None
    assert field.clean(SimpleUploadedFile("a.pdf", PDF)).name == "a.pdf"


@pytest.fixture
def stored(client, world):
    client.force_login(world["owner"])
    report(client, world["task"], '整改"结果".pdf', PDF)
    client.logout()
    saved = ProgressReport.objects.get()
    return reverse("projects:task_evidence", args=[world["task"].pk, "report", saved.pk])


@pytest.mark.parametrize("who", ["owner", "supervisor"])
def test_those_who_see_the_task_download_it_as_an_attachment_never_sniffed(client, world, stored, who):
    client.force_login(world[who])
    response = client.get(stored)
    assert response.status_code == 200
    assert response_bytes(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "\r" not in disposition and "\n" not in disposition and disposition.count('"') == 2


@pytest.mark.parametrize("who", ["other", "other_county_supervisor"])
def test_anyone_else_gets_404(client, world, stored, who):
    client.force_login(world[who])
    assert client.get(stored).status_code == 404


def test_a_record_without_attachment_or_an_unknown_kind_is_404(client, world, stored):
    client.force_login(world["supervisor"])
    saved = ProgressReport.objects.get()
    assert client.get(stored.replace("/report/", "/gazette/")).status_code == 404
    bare = ProgressReport.objects.create(task=world["task"], date=datetime.date(2025, 3, 2), text="无附件")
    assert client.get(reverse("projects:task_evidence", args=[world["task"].pk, "report", bare.pk])).status_code == 404
    # Another task's id with this report's: the report must belong to the task named.
    elsewhere = TaskFactory(county=world["task"].county)
    url = reverse("projects:task_evidence", args=[elsewhere.pk, "report", saved.pk])
    assert client.get(url).status_code == 404


def test_media_is_not_served_by_url(client, world, stored):
    client.force_login(world["supervisor"])
    saved = ProgressReport.objects.get()
    assert client.get("/media/" + saved.attachment.name).status_code == 404
