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
