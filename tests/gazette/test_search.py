import re

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from gazette import selectors
from gazette.models import Document
from tests.gazette.factories import DocumentFactory, IssueFactory

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
    assert found("E镇") == {by_body}  # two characters: on PostgreSQL the pair index alone answers
    assert found("pP") == {by_title}
    assert found("临政办函〔2022〕7号") == {by_number}
    assert found("  ") == set(Document.objects.all())


def test_two_character_words_and_words_with_spaces_are_found_and_nothing_across_fields():
    parcel = DocumentFactory(title="关于批复国有建设用地的通知", raw_text="批准出让宗地一宗，面积 1.2 公顷。")
    DocumentFactory(title="关于宗教事务的通知", raw_text="做好地方宗教工作。")
    # 县政 would be a pair across the end of the title and the start of the text: it is in neither.
    DocumentFactory(title="某某县", raw_text="政府工作报告")

    def found(text):
        return set(selectors.search_documents(Document.objects.all(), text))

    assert found("宗地") == {parcel}
    assert found("面积 1.2") == {parcel}
    assert found("1.2 公顷") == {parcel}
    assert found("县政") == set()
    # One character has no pair: it is still looked for everywhere.
    assert {document.title for document in found("宗")} == {"关于批复国有建设用地的通知", "关于宗教事务的通知"}


def test_documents_written_later_or_changed_are_found_by_their_new_text():
    document = DocumentFactory(title="关于防汛工作的通知", raw_text="做好防汛准备。")
    Document.objects.filter(pk=document.pk).update(raw_text="做好抗旱准备。")
    assert set(selectors.search_documents(Document.objects.all(), "抗旱")) == {document}
    assert set(selectors.search_documents(Document.objects.all(), "防汛准备")) == set()


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the pair index and its function exist on PostgreSQL only"
)


@postgresql_only
def test_the_pairs_are_upper_cased_and_stop_at_whitespace_and_between_fields():
    with connection.cursor() as cursor:
        cursor.execute("SELECT gazette_search_bigrams(%s, %s, %s)", ["县住建局", "ab", "宗 地x"])
        (pairs,) = cursor.fetchone()
    assert sorted(pairs) == sorted(["县住", "住建", "建局", "AB", "地X"])


@postgresql_only
def test_the_search_expression_is_the_one_the_pair_index_is_built_on():
    """Were the two to differ, PostgreSQL could not use the index and would read every body; with sequential scans
    off for this check only, the plan shows which index the query can use (bench/bench_import.py measures the
    planner's own choice at 200,000 documents)."""
    DocumentFactory(title="关于批复国有建设用地的通知", raw_text="批准出让宗地一宗。")
    queryset = selectors.search_documents(Document.objects.order_by(), "宗地")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert "gazette_document_search_bigrams" in plan


@postgresql_only
def test_the_planner_reads_the_pair_index_even_for_a_word_in_most_documents():
    """Computing the pairs costs milliseconds a document: a plan that computes them for every row instead of reading
    the index took 19 s for 工作 over 3,000 documents. The planner's own choice, with fresh statistics, for a word in
    58 of 60 documents: at the function's old cost it reads every row."""
    with connection.cursor() as cursor:
        # Earlier tests' rolled-back documents leave dead rows and index entries behind, which change the estimates;
        # emptied in this test's transaction (and restored after it), the table and its index start from nothing.
        cursor.execute("TRUNCATE gazette_document CASCADE")
    for n in range(60):
        text = f"第{n}条 推进重点工作，落实责任。" if n % 30 else f"第{n}条 批准出让宗地。"
        DocumentFactory(title=f"文件{n}", raw_text=text * 20)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE gazette_document")
    plan = selectors.search_documents(Document.objects.order_by(), "工作").explain()
    assert "gazette_document_search_bigrams" in plan, plan


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


def test_a_page_of_results_cuts_its_snippets_in_one_query_whatever_the_rows(login, data_manager):
    client = login(data_manager)

    def asked():
        client.get("/gazette/documents/", {"q": "农田"})  # fills the choices' cache, which a written document empties
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/gazette/documents/", {"q": "农田"}).content.decode()
        return len(queries), html.count("<mark>农田</mark>")

    DocumentFactory(title="通知一", raw_text="推进高标准农田建设。")
    queries, marked = asked()
    assert marked == 1
    for n in range(10):
        DocumentFactory(title=f"通知{n}", raw_text=f"第{n}批农田整治。")
    assert asked() == (queries, 11)


@postgresql_only
def test_a_common_words_page_among_the_newest_issues_intersects_the_pair_index_with_their_issues(data_manager):
    """The first page of a word in most documents is looked for among the newest issues' documents
    (gazette.tables.NewestIssuesFirst). Were the planner to take those documents by their issue and compute each
    one's pairs to check them, each would cost milliseconds; it reads the pair index instead, and intersects."""
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE gazette_document CASCADE")  # as in the test above: estimates from nothing
    issues = IssueFactory.create_batch(30)
    for n in range(600):
        text = f"第{n}条 推进重点工作，落实责任。" if n % 30 else f"第{n}条 批准出让宗地。"
        DocumentFactory(issue=issues[n % 30], title=f"文件{n}", raw_text=text * 20)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    found = selectors.search_documents(selectors.listed_documents(data_manager), "工作")
    plan = selectors.in_newest_issues(data_manager, found, 10).explain()
    assert "gazette_document_search_bigrams" in plan, plan
    assert not re.search(r"Filter: .*gazette_search_bigrams", plan), plan
