"""One ownership test per view: every named route of the site, asked by three users.

Two units of one county: unit A owns the records (it hosts the group's office, is assigned the task, is responsible
for the parcel and the plan, runs the expropriation project); unit B is the other unit. For every route:

- an anonymous visitor is sent to the login page, except on the few routes meant to be public (their entry says
  why in ``public``);
- unit staff of B get 404 on any URL that names one of A's records (out of scope is "not found", never "forbidden",
  so that ids do not tell what exists), and on list and create pages what the app does now: 200 with nothing of A's
  records (checked against a marker text of them), or 403 where their role may not do it;
- unit staff of A get 200 (or a redirect where the view answers with one), or 403 where their role may not do it;
  a data manager then gets the page.

Some records belong to no unit, and every unit gets the same answer: gazette issues and documents (published acts,
read by every signed-in user; a document's page lists only the ledger records the reader may see), the directory of
people and organisations (a person's contacts and a unit's groups show only in scope), gazette imports (their
uploader's) and gazette proposals (data managers review them).

``ROUTES`` maps every route name to how its URL is built from real records and what each user gets. A new URL
without an entry fails ``test_every_route_is_in_the_map``: whoever adds a view decides who may see it.

POST-only views are asked with a POST (an empty body, or the body that would change the record): a GET would only
tell that the method is wrong. A POST answered 403 or 404 must change nothing in the database.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.contrib.auth.views import redirect_to_login
from django.core.files.base import ContentFile
from django.forms.models import model_to_dict
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from gazette.models import ImportJob
from intake.models import Proposal
from org import roles
from projects import services as task_services
from projects.models import ExtensionRequest, Instruction, Notice, ProgressReport, WorkdayException
from projects.reminders import selectors as reminder_selectors
from tests.compensation.factories import HouseholdFactory, ProjectFactory, RuleFactory, SchemeFactory, VersionFactory
from tests.gazette.factories import DocumentFactory, IssueFactory
from tests.groups.factories import LeadingGroupFactory, MembershipFactory
from tests.helpers import response_bytes
from tests.land.factories import AllocationFactory, ParcelFactory, PlanFactory
from tests.org.factories import OrganisationFactory, PersonFactory, PostFactory, UserFactory
from tests.projects.factories import AssignmentFactory, TaskFactory

pytestmark = pytest.mark.django_db

# The users each route is asked by.
ANONYMOUS, OTHER_UNIT, OWNING_UNIT, DATA_MANAGER = "anonymous", "other_unit", "owning_unit", "data_manager"

# What an anonymous visitor gets on every route but the public ones: a redirect to the login page.
TO_LOGIN = "to-login"

# Routes left out of the walk: the Django admin has its own login and permissions (and its own tests), static and
# media files are not views of the ledger, and the language switch is a form post every page carries
# (tests/test_language.py).
SKIPPED_PREFIXES = ("admin/", "static/", "media/")
SKIPPED_NAMES = {"set_language"}


# Records


@dataclass
class Records:
    """Everything the routes' URLs name, with unit A owning each unit-held record."""

    county: object
    unit_a: object
    unit_b: object
    users: dict
    group: object
    person: object
    task: object
    report: object
    plan: object
    parcel: object
    project: object
    scheme: object
    version: object
    household: object
    issue: object
    document: object
    import_job: object
    proposal: object
    workday: object
    notice: object
    calendar_token: str
    mute_token: str


def pending_rate_proposal(document):
    """A compensation rate read from the document, waiting for a data manager's review."""
    return Proposal.objects.create(
        document=document,
        kind=Proposal.Kind.RATE,
        key="rate-2",
        label="搬迁补助费 30元/平米",
        payload={"item": "搬迁补助费", "amount": "30", "amount_max": None, "unit": "元/平米", "condition": None},
        span_start=1,
        span_end=1,
    )


@pytest.fixture
def records(db, settings, tmp_path):
    # The tests sign in with force_login: a fast hasher spares hashing three passwords for each of some 250 tests.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    county = OrganisationFactory(name="兴县人民政府", short_name="兴县", kind="county")
    unit_a = OrganisationFactory(name="兴县甲局", short_name="甲局", parent=county, sort_order=1)
    unit_b = OrganisationFactory(name="兴县乙局", short_name="乙局", parent=county, sort_order=2)
    users = {
        OTHER_UNIT: UserFactory(role=roles.UNIT_STAFF, units=[unit_b]),
        OWNING_UNIT: UserFactory(role=roles.UNIT_STAFF, units=[unit_a], email="owner@county.example"),
        DATA_MANAGER: UserFactory(role=roles.DATA_MANAGER),
    }

    # The gazette document A's group, task, plan and scheme version came from: its page lists them to whom may see
    # them (gazette.selectors.linked_records).
    issue = IssueFactory(source_text="兴县某项目房屋征收补偿方案\n选择货币补偿的，按每平方米30元支付搬迁补助费。")
    document = DocumentFactory(issue=issue, start_line=1, end_line=2)

    # The person holds a post at A and carries a phone number only A's staff (and data managers) are shown.
    person = PersonFactory(name="甲局长", phone="13900000001")
    PostFactory(person=person, organisation=unit_a)
    group = LeadingGroupFactory(name="甲局专属工作专班", county=county, office_host=unit_a, source_document=document)
    MembershipFactory(group=group, person=person, organisation=unit_a)

    task = TaskFactory(title="甲局专属整改任务", due=timezone.localdate(), source_document=document)
    AssignmentFactory(task=task, organisation=unit_a)
    report = ProgressReport.objects.create(
        task=task, date=datetime.date(2025, 1, 2), text="甲局进展", percent=10, reporter=users[OWNING_UNIT]
    )
    report.attachment.save("甲局佐证.pdf", ContentFile(b"%PDF-1.4 evidence"))

    plan = PlanFactory(county=county, responsible_unit=unit_a, year=2037, source_document=document)
    AllocationFactory(plan=plan)
    # Its plot ratio's minimum above its maximum puts it on the data-quality list.
    parcel = ParcelFactory(
        number="甲局专属地块", county=county, responsible_unit=unit_a, plot_ratio_min=3, plot_ratio_max=1
    )

    project = ProjectFactory(name="甲局专属征收项目", county=county, authority=unit_a)
    scheme = SchemeFactory(project=project, name="甲局专属补偿方案")
    version = VersionFactory(scheme=scheme, document=document)
    RuleFactory(version=version)
    household = HouseholdFactory(project=project, scheme_version=version)

    import_job = ImportJob.objects.create(
        file="imports/1/甲局公报.txt",
        original_name="甲局公报.txt",
        county="兴县",
        issue=issue,
        status=ImportJob.Status.DONE,
        created_by=users[DATA_MANAGER],
    )
    # A rate read from a scheme: reviewing it (as a proposal, or as a draft rule) is the data managers' work.
    proposal = pending_rate_proposal(document)
    return Records(
        county=county,
        unit_a=unit_a,
        unit_b=unit_b,
        users=users,
        group=group,
        person=person,
        task=task,
        report=report,
        plan=plan,
        parcel=parcel,
        project=project,
        scheme=scheme,
        version=version,
        household=household,
        issue=issue,
        document=document,
        import_job=import_job,
        proposal=proposal,
        workday=WorkdayException.objects.create(county=county, date=datetime.date(2037, 5, 6), is_workday=False),
        notice=task_services.issue_notice(
            kind=Notice.Kind.SUPERVISION, recipient=unit_a, tasks=[task], user=users[DATA_MANAGER]
        ),
        calendar_token=task_services.calendar_token(users[OWNING_UNIT]),
        mute_token=reminder_selectors.mute_token("owner@county.example"),
    )


# The map of routes


@dataclass(frozen=True)
class Route:
    """How a route's URL is built and what each user gets.

    ``other``/``owner``/``data_manager``: the status code for unit staff of B, unit staff of A and a data manager
    (None: not asked). ``anonymous``: TO_LOGIN, or a status code on a public route (then ``public`` says why).
    ``hidden``: text of A's records that the users in ``hidden_from`` (B's staff) must not find on a 200 page, and
    that those in ``shown_to`` (A's staff) do find, so that the check cannot pass by a typo.
    ``method``/``data``: how the route is asked. ``xfail``: user -> reason, for an ownership bug found and not fixed.
    """

    kwargs: Callable[[Records], dict] = lambda records: {}
    other: int = 200
    owner: int = 200
    data_manager: int | None = None
    anonymous: int | str = TO_LOGIN
    public: str = ""
    hidden: Callable[[Records], str | tuple] | None = None
    hidden_from: tuple = (OTHER_UNIT,)
    shown_to: tuple = (OWNING_UNIT,)
    method: str = "get"
    data: dict = field(default_factory=dict)
    xfail: dict = field(default_factory=dict)

    def expected(self, user):
        return {ANONYMOUS: self.anonymous, OTHER_UNIT: self.other, OWNING_UNIT: self.owner}.get(user, self.data_manager)


def pk(name):
    """The kwargs of a route that names one record of ``Records`` by its primary key."""
    return lambda records: {"pk": getattr(records, name).pk}


def pending_extension(records):
    """The task and an extension request of A's awaiting a decision, made when first asked for."""
    extension, _created = ExtensionRequest.objects.get_or_create(
        task=records.task,
        status=ExtensionRequest.Status.PENDING,
        defaults={"previous_due": records.task.due, "requested_due": LATER, "reason": "甲局延期理由"},
    )
    return {"pk": records.task.pk, "extension_pk": extension.pk}


def task_instruction(records):
    """The task and a leader's instruction on it, made when first asked for."""
    instruction, _created = Instruction.objects.get_or_create(
        task=records.task,
        defaults={"county": records.county, "leader_name": "县长", "given_on": LATER, "text": "甲局批示"},
    )
    return {"pk": records.task.pk, "instruction_pk": instruction.pk}


# A date after the task's due date (today), for extensions.
LATER = timezone.localdate() + datetime.timedelta(days=60)


# Shorthands for the common shapes.


def owned(name, *, owner=200, data_manager=None, **options):
    """A URL naming one of A's records: B's staff get 404."""
    return Route(kwargs=pk(name), other=404, owner=owner, data_manager=data_manager, **options)


def owned_post(name, *, owner, data_manager=None, data=None):
    """A POST-only view on one of A's records: B's staff get 404, and nothing changes."""
    return owned(name, owner=owner, data_manager=data_manager, method="post", data=data or {})


def data_managers_only(*, data_manager=200, **options):
    """Pages for data managers only: unit staff of either unit get 403."""
    return Route(other=403, owner=403, data_manager=data_manager, **options)


def get_on_post_only():
    """A POST-only view that names no record: a GET is refused with 405 whoever asks."""
    return Route(other=405, owner=405)


# Texts of A's records that must not show on B's list pages.
GROUP = lambda records: records.group.name  # noqa: E731
TASK = lambda records: records.task.title  # noqa: E731
PARCEL = lambda records: records.parcel.number  # noqa: E731
PLAN = lambda records: str(records.plan.year)  # noqa: E731
SCHEME = lambda records: records.scheme.name  # noqa: E731
PHONE = lambda records: records.person.phone  # noqa: E731
IMPORT = lambda records: records.import_job.original_name  # noqa: E731
NOTICE = lambda records: records.notice.number  # noqa: E731
LINKED = lambda records: (records.group.name, records.task.title, records.scheme.name)  # noqa: E731

ROUTES = {
    # Site
    "home": Route(),
    "login": Route(
        owner=302,
        other=302,  # a signed-in user is sent on to the home page
        anonymous=200,
        public="the login page itself",
    ),
    "logout": Route(other=405, owner=405),  # POST only
    "password_change": Route(),
    "password_change_done": Route(),
    "health": Route(anonymous=200, public="monitoring asks it without an account; it names no record"),
    # Accounts: the second sign-in step sends a session that owes no code on to the home page; enrolling a second
    # factor and lifting lockouts are data managers' (a lockout out of their counties is 404, test_accounts_lockout).
    "accounts:verify": Route(other=302, owner=302, data_manager=302),
    "accounts:two_factor": data_managers_only(),
    "accounts:lockout_list": data_managers_only(),
    "accounts:lockout_unlock": data_managers_only(method="post", data_manager=404),  # no lockout named
    # Gazette: published acts of the county government, readable by every signed-in user (gazette/selectors.py).
    "gazette:issue_list": Route(),
    "gazette:issue_detail": Route(kwargs=pk("issue")),
    "gazette:document_list": Route(),
    "gazette:document_detail": Route(kwargs=pk("document"), hidden=LINKED),
    # Imports belong to whoever uploaded them (here a data manager), not to a unit: no unit staff sees them.
    "gazette:import_list": Route(
        data_manager=200, hidden=IMPORT, hidden_from=(OTHER_UNIT, OWNING_UNIT), shown_to=(DATA_MANAGER,)
    ),
    "gazette:import_upload": data_managers_only(),
    "gazette:import_detail": owned("import_job", owner=404, data_manager=200),
    "gazette:import_status": owned("import_job", owner=404, data_manager=200),
    # Land
    "land:plan_list": Route(hidden=PLAN),
    # A plan is county-wide (its figures sum the county's parcels): its county's data managers enter and change it;
    # the unit it names responsible reads it (tests/land/test_plan_access.py).
    "land:plan_create": data_managers_only(),
    "land:plan_detail": owned("plan"),
    "land:plan_edit": owned("plan", owner=403, data_manager=200),
    "land:plan_adopt": owned_post("plan", owner=403, data_manager=302),
    "land:plan_revise": owned_post("plan", owner=403, data_manager=302),
    "land:parcel_list": Route(hidden=PARCEL),
    "land:parcel_create": Route(),  # unit staff may add parcels, for their own unit
    "land:parcel_detail": owned("parcel"),
    "land:parcel_edit": owned("parcel"),
    "land:parcel_advance": owned_post("parcel", owner=200),  # the empty form comes back with its errors
    "land:approval_list": data_managers_only(),
    "land:quality_list": Route(hidden=PARCEL),
    # Compensation
    "compensation:scheme_list": Route(hidden=SCHEME),
    "compensation:scheme_detail": owned("scheme", owner=302),  # on to the scheme's current version
    "compensation:version_detail": owned("version"),
    "compensation:calculator": owned("version"),
    "compensation:calculator_export": owned("version", owner=302),  # no facts entered: back to the calculator
    "compensation:project_dashboard": owned("project"),
    "compensation:project_schedule_deadlines": owned_post("project", owner=302),
    "compensation:household_list": owned("project"),
    "compensation:household_create": owned("project"),
    "compensation:survey_import": owned("project"),
    "compensation:survey_import_confirm": owned_post("project", owner=302),  # nothing uploaded: back to the upload
    "compensation:survey_import_progress": owned("project", owner=302),  # nothing being read: back to the upload
    "compensation:survey_template": owned("project"),
    "compensation:project_statements_export": owned("project"),
    "compensation:rate_proposal_rule": data_managers_only(kwargs=lambda records: {"proposal_id": records.proposal.pk}),
    "compensation:household_detail": owned("household"),
    "compensation:household_edit": owned("household"),
    "compensation:household_advance": owned_post("household", owner=200),  # the empty form with its errors
    # A payment B's staff would record; A's household has not signed yet, so A's staff get the page back saying so.
    "compensation:household_payment": owned_post(
        "household", owner=200, data={"paid_on": "2025-01-02", "amount": "100.00"}
    ),
    "compensation:household_statement": owned("household"),
    "compensation:household_statement_export": owned("household"),
    # People and organisations: a directory every signed-in user reads; what is unit-held on the pages (contacts,
    # groups) shows only in scope.
    "org:person_list": Route(),
    "org:person_detail": Route(kwargs=pk("person"), hidden=PHONE),
    "org:organisation_tree": Route(),
    "org:organisation_detail": Route(kwargs=lambda records: {"pk": records.unit_a.pk}, hidden=GROUP),
    # Setting up counties and their units: their data managers' work (a county-level data manager gets 404 on another
    # county's pages, tests/org/test_onboarding.py); only data managers of every county add a county.
    # What an account did, for the data managers of its counties (tests/test_audit.py).
    "org:audit": data_managers_only(),
    "org:county_list": data_managers_only(),
    "org:county_create": data_managers_only(),
    "org:county_edit": data_managers_only(kwargs=pk("county")),
    "org:county_units": data_managers_only(kwargs=pk("county")),
    "org:unit_create": data_managers_only(kwargs=pk("county")),
    "org:unit_edit": data_managers_only(kwargs=lambda records: {"pk": records.county.pk, "unit_pk": records.unit_a.pk}),
    "org:unit_import": data_managers_only(kwargs=pk("county")),
    "org:unit_import_confirm": data_managers_only(kwargs=pk("county"), method="post", data_manager=302),  # nothing sent
    "org:unit_import_template": data_managers_only(kwargs=pk("county")),
    # A county's reminder settings and working days, beside its units (tests/projects/test_county_reminder_settings.py)
    "projects:county_reminders": data_managers_only(kwargs=pk("county")),
    "projects:county_workday_remove": data_managers_only(
        kwargs=lambda records: {"pk": records.county.pk, "day_pk": records.workday.pk}, method="post", data_manager=302
    ),
    # Groups
    "groups:group_list": Route(hidden=GROUP),
    "groups:group_create": Route(),  # unit staff may add groups, for their own unit
    "groups:group_detail": owned("group"),
    "groups:group_edit": owned("group"),
    # Tasks: entered and edited by supervisors and data managers; units report progress on theirs.
    "projects:task_list": Route(hidden=TASK),
    "projects:task_create": data_managers_only(),
    "projects:task_dashboard": Route(hidden=TASK),
    "projects:task_calendar": Route(hidden=TASK),
    # The 考核 scorecard ranks a county's units: for its supervisors and data managers (test_scorecard.py).
    "projects:scorecard": data_managers_only(),
    "projects:scorecard_xlsx": data_managers_only(),
    "projects:scorecard_print": data_managers_only(),
    "projects:task_import": data_managers_only(),
    "projects:task_import_confirm": get_on_post_only(),
    "projects:task_import_progress": data_managers_only(data_manager=302),  # nothing being read: to the import
    "projects:task_import_template": data_managers_only(),
    "projects:task_calendar_reset": get_on_post_only(),
    "projects:task_feed": Route(
        kwargs=lambda records: {"token": records.calendar_token},
        anonymous=200,
        public="a calendar program fetches it without a session; the secret token in the URL is the credential",
    ),
    "projects:reminder_overview": data_managers_only(),
    "projects:reminder_requeue": get_on_post_only(),
    "projects:reminder_mute": Route(
        kwargs=lambda records: {"token": records.mute_token},
        anonymous=200,
        public="the link in a reminder e-mail, whose recipient may have no account; the signed token is the key",
    ),
    "projects:task_detail": owned("task"),
    "projects:task_edit": owned("task", owner=403, data_manager=200),
    "projects:task_report": owned_post("task", owner=302, data={"date": "2025-01-03", "text": "进展", "percent": "50"}),
    # Evidence files: whoever may see the task downloads them (tests/projects/test_evidence.py).
    "projects:task_evidence": Route(
        kwargs=lambda records: {"pk": records.task.pk, "kind": "report", "item": records.report.pk},
        other=404,
        data_manager=200,
    ),
    "projects:task_request_closing": owned_post("task", owner=302),
    "projects:task_verify_closing": owned_post("task", owner=403, data_manager=302, data={"decision": "approve"}),
    "projects:task_set_status": owned_post("task", owner=403, data_manager=302, data={"status": "paused"}),
    # Units (and data managers) ask for extensions and answer instructions; supervisors and data managers decide
    # extensions and enter instructions.
    "projects:task_request_extension": owned_post(
        "task", owner=302, data_manager=302, data={"requested_due": LATER.isoformat(), "reason": "延期理由"}
    ),
    "projects:task_decide_extension": Route(
        kwargs=pending_extension, other=404, owner=403, data_manager=302, method="post", data={"decision": "approve"}
    ),
    "projects:task_add_instruction": owned_post(
        "task", owner=403, data_manager=302, data={"leader_name": "县长", "given_on": "2025-05-06", "text": "批示"}
    ),
    # A document's instructions are the county's: entered by supervisors and data managers only.
    "projects:document_instruction": data_managers_only(kwargs=pk("document")),
    "projects:task_answer_instruction": Route(
        kwargs=task_instruction, other=404, owner=302, data_manager=302, method="post", data={"answer": "答复"}
    ),
    # Notices (督办通知单, 催办函): supervisors and data managers issue them; the unit addressed reads them.
    "projects:task_notice": owned_post("task", owner=403, data_manager=302, data={"kind": "supervision"}),
    "projects:unit_notice": data_managers_only(
        kwargs=lambda records: {"pk": records.unit_a.pk}, method="post", data={"kind": "supervision"}, data_manager=302
    ),
    "projects:notice_list": Route(hidden=NOTICE),
    "projects:notice_detail": owned("notice"),
    # The roll-up compares whole counties: supervisors and data managers only.
    "rollup:rollup": data_managers_only(),
    "rollup:recount": data_managers_only(method="post", data_manager=302),
    # Gazette proposals: accepting writes into any unit's records, so only data managers review them.
    "intake:issue_proposals": data_managers_only(kwargs=pk("issue")),
    "intake:proposal_review": data_managers_only(kwargs=pk("proposal")),
    "intake:proposal_reject": data_managers_only(kwargs=pk("proposal"), method="post", data_manager=302),
    "intake:reject_proposals": data_managers_only(kwargs=pk("issue"), method="post", data_manager=302),
    "intake:proposal_reopen": data_managers_only(kwargs=pk("proposal"), method="post", data_manager=302),
    "intake:accept_units": data_managers_only(kwargs=pk("issue"), method="post", data_manager=302),
    "intake:create_unit": data_managers_only(kwargs=pk("proposal"), method="post", data_manager=302),
}


# The routes of the site


def site_routes(patterns=None, prefix="", namespace=""):
    """The name of every URL pattern (``namespace:name``), but the skipped ones; an unnamed pattern by its route."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(pattern, URLResolver):
            inner = ":".join(part for part in (namespace, pattern.namespace) if part)
            yield from site_routes(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern) and pattern.name not in SKIPPED_NAMES:
            name = pattern.name or f"<unnamed {route}>"
            yield f"{namespace}:{name}" if namespace else name


def test_every_route_is_in_the_map():
    """A new URL must say who may see it; an entry for a URL that is gone must go too."""
    routes = set(site_routes())
    assert not routes - set(ROUTES), "routes without an entry in ROUTES"
    assert not set(ROUTES) - routes, "entries in ROUTES for routes that are gone"


def test_the_walk_finds_the_ledger_and_skips_the_admin():
    routes = set(site_routes())
    assert {"home", "groups:group_detail", "compensation:household_detail", "intake:proposal_reopen"} <= routes
    assert not any(name.startswith("admin:") for name in routes)


def test_public_routes_say_why():
    for name, route in ROUTES.items():
        assert (route.anonymous != TO_LOGIN) == bool(route.public), name


# The ownership test


def cases():
    for name, route in ROUTES.items():
        for user in (ANONYMOUS, OTHER_UNIT, OWNING_UNIT, DATA_MANAGER):
            if route.expected(user) is None:
                continue
            marks = [pytest.mark.xfail(strict=True, reason=route.xfail[user])] if user in route.xfail else []
            yield pytest.param(name, user, marks=marks, id=f"{name}-{user}")


def database_state(records):
    """Row counts of every model (history tables included) and the fields of the records the POSTs aim at."""
    counts = {model._meta.label: model._default_manager.count() for model in apps.get_models()}
    aimed = [records.plan, records.parcel, records.project, records.household, records.task, records.proposal]
    rows = {f"{type(obj).__name__} {obj.pk}": model_to_dict(type(obj).objects.get(pk=obj.pk)) for obj in aimed}
    return counts, rows


@pytest.mark.parametrize(("name", "user"), list(cases()))
def test_who_gets_what(client, records, name, user):
    route = ROUTES[name]
    url = reverse(name, kwargs=route.kwargs(records))
    expected = route.expected(user)
    if user != ANONYMOUS:
        client.force_login(records.users[user])
    before = database_state(records) if route.method == "post" else None

    response = getattr(client, route.method)(url, route.data)

    if expected == TO_LOGIN:
        assert response.status_code == 302, url
        assert response["Location"] == redirect_to_login(url)["Location"]
        return
    assert response.status_code == expected, url
    if route.method == "post" and response.status_code >= 400:
        assert database_state(records) == before, "a refused POST changed the database"
    if route.hidden and response.status_code == 200:
        page = response_bytes(response).decode()
        markers = route.hidden(records)
        for marker in (markers,) if isinstance(markers, str) else markers:
            if user in route.hidden_from:
                assert marker not in page, f"{user} sees {marker!r}"
            if user in route.shown_to:
                assert marker in page, f"{marker!r} is not on the page: the check above proves nothing"


def test_the_calendar_feed_holds_only_the_tasks_its_tokens_user_may_see(client, records):
    """The feed is public by its token, so the token's user's scope is all that keeps A's tasks from B's calendar."""
    own = client.get(reverse("projects:task_feed", args=[records.calendar_token])).content.decode()
    other = task_services.calendar_token(records.users[OTHER_UNIT])
    others = client.get(reverse("projects:task_feed", args=[other])).content.decode()
    assert records.task.title in own
    assert records.task.title not in others
