import re

import pytest
from django.db import connection

from gazette import selectors
from gazette.models import Document
from tests.gazette.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def test_search_matches_title_number_and_body_ignoring_case():
    by_title = DocumentFactory(title="关于开展PPP项目清理的通知", raw_text="")
    by_body = DocumentFactory(title="关于印发某方案的通知", raw_text="推进乡村e镇建设。")
    by_number = DocumentFactory(series="临政办函", year=2022, sequence=7)
    DocumentFactory(title="无关的文件", raw_text="无关内容")

    def found(text):
        return set(selectors.search_documents(Document.objects.all(), text))

    assert found("ppp项目") == {by_title}
    assert found("乡村E镇") == {by_body}
    assert found("临政办函〔2022〕7号") == {by_number}
    assert found("  ") == set(Document.objects.all())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes exist on PostgreSQL only")
def test_trigram_indexes_match_the_search_expressions_on_postgresql():
    """Indexed is UPPER(column), what Django's icontains compares; bench/bench_import.py measures the speed."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'gazette_document'")
        definitions = dict(cursor.fetchall())
    for column in ("title", "number", "raw_text"):
        definition = definitions[f"gazette_document_{column}_trgm"]
        assert "gin_trgm_ops" in definition and f"upper(({column})" in definition.replace(
            f"upper({column})", f"upper(({column})"
        )


def test_the_document_list_shows_where_the_words_matched_highlighted_and_escaped(login, data_manager):
    body = "第一条 总则。" * 10 + "全面推进<高标准农田>建设，确保粮食安全。" + "附则。" * 40
    DocumentFactory(title="关于农田建设的通知", raw_text=body)
    DocumentFactory(title="关于高标准农田的意见", raw_text="无关内容")
    html = login(data_manager).get("/gazette/documents/", {"q": "高标准农田"}).content.decode()
    (snippet,) = re.findall(r'<span class="snippet">(.*?)</span>', html)
    # Thirty characters before the match, the text cut short on both sides.
    assert snippet.startswith("… 总则。第一条 总则。") and snippet.endswith("…")
    assert "全面推进&lt;<mark>高标准农田</mark>&gt;建设" in snippet
    # Matched by its title only: no text to show.
    assert html.count("<mark>") == 1


def test_the_snippet_column_is_shown_only_for_a_search(login, data_manager):
    DocumentFactory(title="关于农田建设的通知", raw_text="推进高标准农田建设。")
    client = login(data_manager)
    assert "snippet" not in client.get("/gazette/documents/").context["table"].columns.names()
    assert "snippet" in client.get("/gazette/documents/?q=农田").context["table"].columns.names()


def test_the_public_filter_offers_all_not_unknown(login, data_manager):
    DocumentFactory(title="公开的", is_public=True)
    DocumentFactory(title="不公开的", is_public=False)
    client = login(data_manager)
    field = client.get("/gazette/documents/").context["filter"].form["is_public"]
    assert [label for _, label in field.field.widget.choices] == ["全部", "是", "否"]
    titles = [document.title for document in client.get("/gazette/documents/?is_public=false").context["table"].data]
    assert titles == ["不公开的"]
