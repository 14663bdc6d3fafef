"""A data manager uploads a gazette, watches the import finish, and finds a document by search."""

import pytest

from gazette.models import Document
from tests.e2e.helpers import log_in
from tests.shared import SAMPLE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def uploads(celery_eager, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_upload_watch_progress_and_search(page, shoot, data_manager):
    page.goto("/gazette/imports/new/")
    log_in(page, data_manager.username)
    page.wait_for_url("**/gazette/imports/new/")
    page.set_input_files("input[name=files]", str(SAMPLE))
    shoot("upload")
    page.click("form.editform button[type=submit]")
    page.wait_for_url("**/gazette/imports/*/")
    page.wait_for_selector(".progress.done")
    progress = page.locator(".progress.done progress")
    assert progress.get_attribute("value") == progress.get_attribute("max")
    shoot("review")

    document = Document.objects.filter(parent__isnull=True).exclude(blocks=[]).order_by("order").last()
    page.goto("/gazette/documents/")
    page.fill("input[name=q]", document.title[2:10])
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**q=*")
    page.click(f"a:text-is('{document.title}')")
    page.wait_for_url(f"**/gazette/documents/{document.pk}/")
    assert page.locator("h1").inner_text() == document.title
    assert page.locator("article.doctext").count() >= 1
    shoot("document")
