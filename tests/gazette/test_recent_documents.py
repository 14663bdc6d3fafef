import datetime

import pytest
from django.db import connection, transaction

from gazette import selectors
from tests.gazette.factories import DocumentFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_recent_documents_are_the_signed_ones_newest_first(data_manager):
    DocumentFactory(title="较早", signed=D(2023, 3, 1))
    DocumentFactory(title="未能读出日期", signed=None)
    DocumentFactory(title="最新", signed=D(2024, 1, 5))
    DocumentFactory(title="同日先入", signed=D(2023, 6, 1))
    DocumentFactory(title="同日后入", signed=D(2023, 6, 1))
    titles = [document.title for document in selectors.recent_documents(data_manager)]
    assert titles == ["最新", "同日后入", "同日先入", "较早"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan is PostgreSQL's")
def test_the_recent_documents_are_read_in_the_order_of_their_index(data_manager):
    """Five of them on every home page: with sequential scans off for this check only, the plan shows that the
    query's order is the index's, so no sort of every document is needed."""
    DocumentFactory(signed=D(2024, 1, 5))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = selectors.recent_documents(data_manager)[:5].explain()
    assert "document_newest_signed" in plan and "Sort" not in plan, plan
