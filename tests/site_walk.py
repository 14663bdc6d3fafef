"""Every route of the site (``ROUTES`` of tests/test_ownership.py) asked by one signed-in data manager against
whatever the database holds, then every static file those pages name.

Not a test module: tests/test_production.py runs it in production settings (hashed static files from a manifest,
WhiteNoise) and tests/test_backup_restore.py against a restored database, each in a process of its own:

    python manage.py shell -c "from tests.site_walk import main; main('manager')"

It prints one line per failure and exits non-zero when there is one: an exception (a static file missing from the
manifest raises while the page renders), a 5xx, a 403/404 (which a data manager of every county never gets where the
URL names a record that exists: the page was not reached), or, in production mode, a static file a page names that is
not served.
"""

import re
import sys

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from compensation.models import CompensationScheme, ExpropriationProject, Household, SchemeVersion
from gazette.models import Document, ImportJob
from groups.models import LeadingGroup
from intake.models import Proposal
from land.models import LandSupplyPlan, Parcel
from org.models import Organisation, Person
from projects import selectors as task_selectors
from projects import services as task_services
from projects.models import Notice, ProgressReport, Task, WorkdayException
from projects.reminders import selectors as reminder_selectors
from tests.test_ownership import DATA_MANAGER, ROUTES, Records, pending_rate_proposal

STATIC_REFERENCE = re.compile(r'(?:src|href)="(/static/[^"]+)"')


def first(queryset, what):
    found = queryset.order_by("pk").first()
    if found is None:
        raise SystemExit(f"The database holds no {what}: the walk would not reach its pages.")
    return found


def records_from_database(user):
    """One record of each kind the routes name, from the data in the database (the demo's)."""
    workday = first(WorkdayException.objects.filter(county__isnull=False).select_related("county"), "county day off")
    county = workday.county
    document = first(Document.objects.select_related("issue"), "gazette document")
    import_job = ImportJob.objects.order_by("pk").first() or ImportJob.objects.create(
        file="imports/walk.txt",
        original_name="walk.txt",
        county=county.short_name,
        issue=document.issue,
        status=ImportJob.Status.DONE,
        created_by=user,
    )
    task = first(Task.objects.filter(assignments__isnull=False).distinct(), "task with a unit")
    return Records(
        county=county,
        unit_a=first(Organisation.objects.filter(parent=county), "unit of the county"),
        unit_b=None,
        users={DATA_MANAGER: user},
        group=first(LeadingGroup.objects.all(), "leading group"),
        person=first(Person.objects.filter(posts__isnull=False).distinct(), "person with a post"),
        task=task,
        report=_report(task, user),
        plan=first(LandSupplyPlan.objects.all(), "land-supply plan"),
        parcel=first(Parcel.objects.all(), "parcel"),
        project=first(ExpropriationProject.objects.all(), "expropriation project"),
        scheme=first(CompensationScheme.objects.all(), "compensation scheme"),
        version=first(SchemeVersion.objects.filter(rules__isnull=False).distinct(), "scheme version with rules"),
        household=first(Household.objects.all(), "household"),
        issue=document.issue,
        document=document,
        import_job=import_job,
        proposal=_rate_proposal(document),
        workday=workday,
        notice=Notice.objects.order_by("pk").first() or _notice(user),
        calendar_token=task_services.calendar_token(user),
        mute_token=reminder_selectors.mute_token(user.email or "walk@example.gov.cn"),
    )


def _report(task, user):
    """A progress report of the task with its evidence file, made when the task has none (the demo's have none)."""
    report = ProgressReport.objects.filter(task=task).exclude(attachment="").order_by("pk").first()
    if report is None:
        report = ProgressReport.objects.create(task=task, date=timezone.localdate(), text="走查进展", reporter=user)
        report.attachment.save("走查佐证.pdf", ContentFile(b"%PDF-1.4 walk evidence"))
    return report


def _rate_proposal(document):
    """A pending rate proposal, made on the first document when none waits (a demo without the real gazettes)."""
    pending = Proposal.objects.filter(kind=Proposal.Kind.RATE, status=Proposal.Status.PENDING).order_by("pk").first()
    return pending or pending_rate_proposal(document)


def _notice(user):
    """A notice on the first task with a unit, to that unit, when the database holds none yet."""
    task = first(Task.objects.filter(assignments__organisation__isnull=False).distinct(), "task with a mapped unit")
    recipient = task_selectors.notice_units(task)[0]
    return task_services.issue_notice(kind=Notice.Kind.SUPERVISION, recipient=recipient, tasks=[task], user=user)


def walk(username):
    """(pages asked, static files fetched, failures)."""
    user = get_user_model().objects.get(username=username)
    records = records_from_database(user)
    host = next((name.lstrip(".") for name in settings.ALLOWED_HOSTS if name != "*"), "testserver")
    anonymous, signed_in = Client(HTTP_HOST=host), Client(HTTP_HOST=host)
    signed_in.force_login(user)
    requests = [("login (anonymous)", anonymous, "get", reverse("login"), {}, 200)]
    requests += [
        (name, signed_in, route.method, reverse(name, kwargs=route.kwargs(records)), route.data, route.data_manager)
        for name, route in ROUTES.items()
    ]
    failures, static = [], set()
    for name, client, method, url, data, expected in requests:
        try:
            response = getattr(client, method)(url, data, secure=True)
        except Exception as error:  # the walk reports every page that fails, not only the first
            failures.append(f"{name} {url}: {type(error).__name__}: {error}")
            continue
        # A 403/404 is a failure unless ROUTES expects it of a data manager (an unlock that names no lockout).
        if response.status_code >= 500 or (response.status_code in (403, 404) and response.status_code != expected):
            failures.append(f"{name} {url}: {response.status_code}")
        elif response.get("Content-Type", "").startswith("text/html"):
            static.update(STATIC_REFERENCE.findall(response.content.decode()))
    # Only production serves static files itself (WhiteNoise, from collectstatic's folder).
    for url in sorted(static) if settings.PRODUCTION else []:
        response = anonymous.get(url, secure=True)
        if response.status_code != 200:
            failures.append(f"static file {url}: {response.status_code}")
    return len(requests), len(static), failures


def main(username):
    pages, static, failures = walk(username)
    print(f"walked {pages} pages and {static} static files")
    for failure in failures:
        print("FAILED", failure)
    if failures:
        sys.exit(1)
