"""The document list's choices of number series and kinds: read once and kept until a document is written, and
only of the counties the user reads."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from org import roles
from org.models import Organisation
from tests.gazette.factories import DocumentFactory, GazetteFactory, IssueFactory
from tests.org.factories import UserFactory

pytestmark = pytest.mark.django_db


def offered(client):
    form = client.get("/gazette/documents/").context["filter"].form
    return (
        [value for value, _label in form["series"].field.choices if value],
        [value for value, _label in form["kind"].field.choices if value],
    )


def test_choices_are_read_once_then_follow_every_document_written_or_deleted(login, data_manager):
    DocumentFactory(series="兴政发", kind="通知")
    client = login(data_manager)
    assert offered(client) == (["兴政发"], ["通知"])

    with CaptureQueriesContext(connection) as queries:
        client.get("/gazette/documents/")
    assert not [query for query in queries if "DISTINCT" in query["sql"] and "gazette_document" in query["sql"]]

    decision = DocumentFactory(series="兴政办发", kind="决定")
    assert offered(client) == (["兴政办发", "兴政发"], ["决定", "通知"])
    decision.kind = "批复"
    decision.save()
    assert offered(client) == (["兴政办发", "兴政发"], ["批复", "通知"])
    decision.delete()
    assert offered(client) == (["兴政发"], ["通知"])


def test_a_county_user_is_offered_only_the_choices_of_its_own_county(login, data_manager):
    DocumentFactory(series="兴政发", kind="通知")
    other = Organisation.objects.create(name="青岚县人民政府", short_name="青岚县", kind=Organisation.Kind.COUNTY)
    issue = IssueFactory(gazette=GazetteFactory(county="青岚县", name="青岚县人民政府公报"))
    DocumentFactory(issue=issue, series="青政发", kind="意见")
    assert offered(login(data_manager)) == (["兴政发", "青政发"], ["意见", "通知"])  # of the whole site, cached first

    qinglan = UserFactory(role=roles.DATA_MANAGER, counties=[other])
    assert offered(login(qinglan)) == (["青政发"], ["意见"])
