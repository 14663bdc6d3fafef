"""A page of the document list is looked for first among the newest issues (gazette.tables.NewestIssuesFirst); it
must be the very page the whole list gives, in the list's own order, whatever the word, the page or the reader."""

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from gazette import selectors
from gazette.models import Document
from org import roles
from tests.gazette.factories import DocumentFactory, GazetteFactory, IssueFactory
from tests.org.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

NARROWED = '"gazette_document"."issue_id" IN ('


def archive(county="兴县", years=(2021, 2022, 2023), numbers=(1, 2, 3, 4, 5)):
    """An issue for each year and number, with one to four documents each. 工作 is in most of them; 宗地 only in the
    two oldest issues' last documents, so its first page is not among the newest issues."""
    gazette = GazetteFactory(county=county, name=f"{county}人民政府公报")
    for year in years:
        for number in numbers:
            issue = IssueFactory(gazette=gazette, year=year, number=number)
            for order in range(1 + (year + number) % 4):
                oldest = year == years[0] and number <= 2 and order == (year + number) % 4
                text = "批准出让宗地。" if oldest else ("推进重点工作。" if (number + order) % 3 else "其他事项。")
                DocumentFactory(issue=issue, order=order, title=f"{county}{year}年{number}期第{order}篇", raw_text=text)


def whole_list(word, counties=None):
    """The matches in the order the list promises, typed out here rather than taken from Document.Meta."""
    documents = Document.objects.filter(Q(title__contains=word) | Q(raw_text__contains=word))
    if counties:
        documents = documents.filter(issue__gazette__county__in=counties)
    return list(documents.order_by("-issue__year", "-issue__number", "order", "pk").values_list("pk", flat=True))


def listed(client, word, per_page, **filters):
    """Every page of the list as a reader pages through it, and the SQL of the first page's rows."""
    found, page, first_page_sql = [], 1, None
    while True:
        with CaptureQueriesContext(connection) as queries:
            asked = {"q": word, "per_page": per_page, "page": page, **filters}
            response = client.get("/gazette/documents/", asked)
        table = response.context["table"]
        if first_page_sql is None:
            first_page_sql = [query["sql"] for query in queries if 'FROM "gazette_document"' in query["sql"]]
        found += [row.record.pk for row in table.page.object_list]
        if not table.page.has_next():
            return found, first_page_sql
        page += 1


@pytest.mark.parametrize("per_page", [1, 2, 3, 7])
@pytest.mark.parametrize("word", ["工作", "宗地", "期第", "其他事项"])
def test_paging_through_a_search_gives_the_whole_list_in_its_order(login, data_manager, word, per_page):
    archive()
    archive(county="临县", years=(2022, 2023))  # the same years and numbers: issues that tie in the order
    found, _sql = listed(login(data_manager), word, per_page)
    assert found == whole_list(word)


def test_a_common_words_first_page_is_read_from_the_newest_issues_only(login, data_manager):
    archive()
    found, sql = listed(login(data_manager), "期第", per_page=3)
    assert found == whole_list("期第")
    assert any(NARROWED in query for query in sql), sql


def test_a_rare_words_first_page_falls_back_to_the_whole_list(login, data_manager):
    archive()
    found, sql = listed(login(data_manager), "宗地", per_page=3)
    assert found == whole_list("宗地") and len(found) == 2
    assert any(NARROWED not in query and "ORDER BY" in query for query in sql), sql


def test_a_search_of_older_issues_only_is_paged_through_whole(login, data_manager):
    archive()
    found, _sql = listed(login(data_manager), "工作", per_page=2, year=2021)
    expected = [pk for pk in whole_list("工作") if Document.objects.get(pk=pk).issue.year == 2021]
    assert found == expected and expected


def test_a_list_sorted_by_a_column_is_not_narrowed_to_the_newest_issues(login, data_manager):
    archive()
    client = login(data_manager)
    with CaptureQueriesContext(connection) as queries:
        table = client.get("/gazette/documents/", {"q": "工作", "sort": "title", "per_page": 3}).context["table"]
    titles = [row.record.title for row in table.page.object_list]
    assert titles == sorted(Document.objects.filter(raw_text__contains="工作").values_list("title", flat=True))[:3]
    assert not any(NARROWED in query["sql"] for query in queries)


def test_the_newest_issues_are_the_readers_own_counties_issues(login):
    archive(county="甲县", years=(2020, 2021))
    archive(county="乙县", years=(2022, 2023))  # newer, and not the reader's
    county = OrganisationFactory(name="甲县人民政府", short_name="甲县", kind="county")
    reader = UserFactory(role=roles.DATA_MANAGER, counties=[county])
    found, sql = listed(login(reader), "期第", per_page=2)
    assert found == whole_list("期第", counties=["甲县"])
    assert any(NARROWED in query for query in sql), sql


def test_issues_as_new_as_the_last_of_the_newest_are_all_taken(data_manager):
    for county in ("甲县", "乙县", "丙县"):
        gazette = GazetteFactory(county=county, name=f"{county}人民政府公报")
        for number in (1, 2, 3, 4):
            DocumentFactory(issue=IssueFactory(gazette=gazette, year=2023, number=number))
    documents = Document.objects.all()
    # The four newest are the three No. 4 and one No. 3: the other two No. 3 are as new, and are taken too.
    narrowed = selectors.in_newest_issues(data_manager, documents, 4)
    assert sorted(narrowed.values_list("issue__number", flat=True)) == [3, 3, 3, 4, 4, 4]
    assert selectors.in_newest_issues(data_manager, documents, 13) is None
