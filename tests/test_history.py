"""History on the pages of people, organisations and tasks (common/history.py)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from org import services as org_services
from tests.org.factories import OrganisationFactory, PersonFactory, PostFactory
from tests.projects.factories import AssignmentFactory, TaskFactory


def test_person_and_organisation_pages_show_their_history(login, data_manager, finance, county):
    person = org_services.create_person(county=county, name="张建平")
    org_services.add_post(person=person, organisation=finance, title="局长")
    org_services.add_alias(finance, "县财政局机关")
    client = login(data_manager)
    person_history = client.get(person.get_absolute_url()).context["history"]
    assert [change.instance_type.__name__ for change in person_history] == ["Post", "Person"]
    organisation_history = client.get(finance.get_absolute_url()).context["history"]
    assert {change.label for change in organisation_history} >= {"县财政局机关", "县财政局"}


def test_history_costs_no_query_per_change(login, data_manager, finance, water):
    client = login(data_manager)
    task = TaskFactory()
    person = PersonFactory()

    def queries():
        counts = []
        for url in (task.get_absolute_url(), person.get_absolute_url()):
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            counts.append(len(captured))
        return counts

    AssignmentFactory(task=task, organisation=finance)
    PostFactory(person=person, organisation=finance)
    queries()  # fills the cache the traffic light reads its settings from
    few = queries()
    for _ in range(6):
        unit = OrganisationFactory(parent=water)
        AssignmentFactory(task=task, organisation=unit)
        PostFactory(person=person, organisation=unit)
    assert queries() == few
