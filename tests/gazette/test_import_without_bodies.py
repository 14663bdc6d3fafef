"""A gazette whose documents have no bodies (contents lines only, or titles and numbers only) is refused with the
reason, not imported as an empty issue."""

import pytest
from django.core.files.base import ContentFile

from common.messages import translated
from gazette import services
from gazette.models import ImportJob, Issue
from gazette.parsing import GazetteParseError, parse_gazette
from tests.gazette.scaling_inputs import MASTHEAD, contents_only

pytestmark = pytest.mark.django_db

REASON = "没有任何公文的正文"


def titles_and_numbers(n):
    return MASTHEAD + "\n".join(f"关于印发第{i}项工作方案的通知\n示政办发〔2024〕{i}号\n" for i in range(1, n + 1))


def test_a_file_of_contents_lines_only_is_refused_and_writes_nothing(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    job = ImportJob(original_name="contents.txt", county="示例县", year=2024, number=1)
    job.file.save("contents.txt", ContentFile(contents_only(4000).encode()), save=False)
    job.save()

    job = services.run_import_job(job.pk)

    assert job.status == ImportJob.Status.FAILED and REASON in job.failure_text() and "4000" in job.failure_text()
    assert not Issue.objects.exists()


def test_documents_with_titles_and_numbers_but_no_text_are_refused():
    with pytest.raises(GazetteParseError) as error:
        parse_gazette(titles_and_numbers(30))
    assert REASON in translated(error.value.message)


def test_one_document_with_a_body_among_empty_ones_is_imported(demo_sample):
    text = titles_and_numbers(3) + "\n" + demo_sample.read_text(encoding="utf-8").split("目 录", 1)[1]
    assert any(document.blocks for document in parse_gazette(text).documents)
