"""The audit page (org/audit.py, /audit/): what an account wrote, with who, when and before/after, for the data
managers of the counties the records belong to; every recorded model is on it, and a page costs the same number of
queries however many actions it lists."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from simple_history.models import registered_models

from common.history import acting_as
from gazette import services as gazette_services
from gazette.models import Document, ImportJob, Issue
from groups import services as group_services
from groups.models import Membership
from intake.models import Proposal
from org import audit, roles
from projects import services as task_services
from projects.models import ReminderPolicy, Task
from tests.org.factories import OrganisationFactory, PersonFactory, UserFactory
from tests.shared import SAMPLE

pytestmark = pytest.mark.django_db

AUDIT = reverse("org:audit")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def county(db):
    """The sample gazette's county."""
    return OrganisationFactory(name="示例县人民政府", short_name="示例县", kind="county")


@pytest.fixture
def other(db):
    return OrganisationFactory(name="和阳县人民政府", short_name="和阳县", kind="county")


@pytest.fixture
def actor(county, other):
    """A data manager working on both counties, whose actions are listed."""
    return UserFactory(role=roles.DATA_MANAGER, counties=[county, other])


@pytest.fixture
def viewer(county):
    return UserFactory(role=roles.DATA_MANAGER, counties=[county])


def listed(client, account, **params):
    response = client.get(AUDIT, {"account": account.pk, **params})
    assert response.status_code == 200, response.context["form"].errors
    return response.context["page"].actions


def of(actions, model):
    return [action for action in actions if action.record.instance_type is model]


def test_every_recorded_model_is_on_the_audit_page():
    recorded = {
        model.history.model
        for model in registered_models.values()
        if getattr(model._meta, "simple_history_manager_attribute", None)  # not the many-to-many rows' models
    }
    assert recorded and recorded == audit.audited_models()


def test_an_import_shows_as_its_uploaders_though_the_worker_wrote_it(login, county, actor, viewer):
    upload = SimpleUploadedFile("sample.txt", SAMPLE.read_bytes(), "text/plain")
    assert login(actor).post("/gazette/imports/new/", {"files": [upload], "county": "示例县"}).status_code == 302
    job = ImportJob.objects.get()
    gazette_services.run_import_job(job.pk)  # as the worker does, outside any request

    actions = listed(login(viewer), actor)
    assert [action.kind for action in of(actions, ImportJob)] == ["~", "~", "+"]  # uploaded, running, done
    assert of(actions, Issue) and len(of(actions, Document)) == Document.objects.count()
    assert len(of(actions, Proposal)) == Proposal.objects.count()
    assert Issue.history.get().history_user == actor


def accept_form(page):
    """The POST a browser would send for a proposal's accept form, with its prefilled values."""
    data = {}
    forms = [page.context["form"], *page.context["formset"].forms]
    for form in forms:
        for name, field in form.fields.items():
            value = form.initial.get(name, field.initial)
            if value is not None:
                data[form.add_prefix(name)] = getattr(value, "pk", value)
    formset = page.context["formset"]
    for key, value in formset.management_form.initial.items():
        data[f"{formset.prefix}-{key}"] = value
    return data


def test_an_accepted_proposal_shows_who_accepted_it_and_what_changed(login, county, actor, viewer):
    gazette_services.import_gazette(SAMPLE.read_bytes(), name="sample.txt")
    proposal = Proposal.objects.get(kind=Proposal.Kind.TASK, label__startswith="完成人工造林")
    client = login(actor)
    page = client.get(f"/proposals/{proposal.pk}/")
    assert client.post(f"/proposals/{proposal.pk}/", accept_form(page)).status_code == 302

    actions = listed(login(viewer), actor)
    accepted = of(actions, Proposal)[0]
    assert accepted.record.id == proposal.pk and accepted.kind == "~"
    statuses = dict(Proposal.Status.choices)
    assert (statuses["pending"], statuses["accepted"]) in {(change.old, change.new) for change in accepted.changes}
    assert of(actions, Task)[0].record.id == Task.objects.get().pk


def test_a_reminder_settings_change_shows_before_and_after(login, county, actor, viewer):
    client = login(actor)
    page = reverse("projects:county_reminders", args=[county.pk])
    form = {"policy-own": "on", "policy-warning_days": "5", "policy-reminder_days": "2", "policy-escalation_days": "6"}
    assert client.post(page, form).status_code == 302
    assert client.post(page, {**form, "policy-warning_days": "4"}).status_code == 302

    changed, created = of(listed(login(viewer), actor), ReminderPolicy)
    assert (changed.kind, created.kind) == ("~", "+")
    assert [(change.old, change.new) for change in changed.changes] == [(5, 4)]


def test_an_account_changed_in_the_admin_shows_who_changed_it(login, county, actor, viewer):
    unit = OrganisationFactory(name="示例县财政局", parent=county)
    target = UserFactory(role=roles.UNIT_STAFF, units=[unit])
    supervisors = Group.objects.get(name=roles.SUPERVISOR)
    data = {
        "username": target.username,
        "first_name": "建平",
        "last_name": "张",
        "email": "",
        "is_active": "on",
        "groups": [supervisors.pk],
        "date_joined_0": "2025-01-02",
        "date_joined_1": "08:00:00",
        "last_login_0": "",
        "last_login_1": "",
    }
    for prefix in ("unit_access", "county_access"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    response = login(actor).post(f"/admin/auth/user/{target.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    changes = {
        (change.old, change.new)
        for action in of(listed(login(viewer), actor), get_user_model())
        for change in action.changes
    }
    assert ("", "建平") in changes
    # The admin sets the groups by taking the old one away, then adding the new one: two changes.
    assert {(roles.UNIT_STAFF, ""), ("", roles.SUPERVISOR)} <= changes


def test_actions_on_another_countys_records_are_hidden(login, county, other, actor, viewer):
    with acting_as(actor):
        task_services.create_task(county=other, title="和阳县的任务")
        task_services.create_task(county=county, title="示例县的任务")
    assert [action.label for action in of(listed(login(viewer), actor), Task)] == ["示例县的任务"]
    heyang = UserFactory(role=roles.DATA_MANAGER, counties=[other])
    assert [action.label for action in of(listed(login(heyang), actor), Task)] == ["和阳县的任务"]


def test_only_the_accounts_of_the_viewers_counties_can_be_looked_up(login, county, other, viewer):
    stranger = UserFactory(role=roles.DATA_MANAGER, counties=[other])
    response = login(viewer).get(AUDIT, {"account": stranger.pk})
    assert response.context["page"] is None and "account" in response.context["form"].errors


def test_dates_narrow_the_list(login, county, actor, viewer):
    with acting_as(actor):
        task_services.create_task(county=county, title="今天的任务")
    client = login(viewer)
    assert of(listed(client, actor, since="2000-01-01"), Task)
    assert not of(listed(client, actor, until="2000-01-01"), Task)


def test_a_page_costs_the_same_queries_however_many_actions_it_lists(login, county, actor, viewer):
    group = group_services.save_group(data={"name": "示例县工作领导小组", "kind": "leading_group", "county": county})
    person = PersonFactory(county=county)
    client = login(viewer)

    def act(times):
        with acting_as(actor):
            for n in range(times):
                task = task_services.create_task(county=county, title=f"任务{n}")
                task.title = f"任务{n}（改）"
                task.save()
                Membership.objects.create(group=group, person=person, role="member", position=n)
                actor.groups.add(Group.objects.get(name=roles.SUPERVISOR))
                actor.groups.remove(Group.objects.get(name=roles.SUPERVISOR))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            actions = listed(client, actor)
        return len(captured), len(actions)

    act(2)
    few, shown = queries()
    act(8)
    many, more = queries()
    assert more > shown
    assert many == few
