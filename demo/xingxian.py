"""Loads the demo county (兴县) from ``demo_data`` through the services, and creates demo accounts.

Demo only: the command refuses to run in production mode. Running it twice changes nothing.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from gazette import services as gazette_services
from gazette.models import Document, Gazette, Issue
from groups import services as group_services
from groups.models import GROUP_KIND_BY_PRINTED_LABEL, ROLE_BY_PRINTED_LABEL, LeadingGroup, Membership
from intake import services as proposal_services
from intake.models import Proposal
from org import roles
from org import services as org_services
from org.models import Organisation, Person
from org.selectors import OrganisationResolver, county_named
from projects import services as task_services
from projects.models import Assignment, Task
from projects.reminders import selectors as reminder_selectors
from projects.reminders import services as reminder_services
from projects.workdays import add_working_days

from . import data as demo_data

# The three shared issues: (year, number) → cumulative number and publication date, as printed on their mastheads.
DEMO_ISSUES = {
    "2021-2": (2, None),
    "2022-2": (4, datetime.date(2022, 7, 1)),
    "2023-4": (10, datetime.date(2023, 12, 28)),
}
SAMPLE_GAZETTE = Path(gazette_services.__file__).resolve().parent / "samples" / "sample-gazette.txt"
NUMBER = re.compile(r"^(?P<series>.+?)〔(?P<year>\d{4})〕(?P<sequence>\d+)号$")


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    units: tuple = ()
    # The county a data manager or supervisor works on; None: every county (a prefecture office).
    county: str | None = None


DEMO_ACCOUNTS = (
    DemoAccount("manager", "ledger-demo-manager", roles.DATA_MANAGER),
    DemoAccount("supervisor", "ledger-demo-supervisor", roles.SUPERVISOR),
    DemoAccount("unit", "ledger-demo-unit", roles.UNIT_STAFF, ("县人社局",)),
    DemoAccount("qinglan", "ledger-demo-qinglan", roles.DATA_MANAGER, county="青岚县"),
)


def demo_gazette_files():
    """The three shared gazettes where ../shared/gazettes/ exists, else the small sample kept in the repository."""
    shared = sorted(settings.SHARED_GAZETTES_DIR.glob("*.txt")) if settings.SHARED_GAZETTES_DIR.is_dir() else []
    return shared or [SAMPLE_GAZETTE]


@transaction.atomic
def load_demo():
    """Import the demo gazettes; create the demo county, its organisations, people and rosters."""
    if Organisation.objects.filter(name=demo_data.COUNTY["name"], kind=Organisation.Kind.COUNTY).exists():
        return {"loaded": False}
    imported = [
        gazette_services.import_gazette(path.read_bytes(), name=path.name).issue for path in demo_gazette_files()
    ]
    county = org_services.create_county(
        name=demo_data.COUNTY["name"],
        short_name=demo_data.COUNTY["short_name"],
        number_prefixes="兴政发 兴政办发 兴政函 兴政办函",
        aliases=demo_data.COUNTY["aliases"],
    )
    for order, entry in enumerate(demo_data.ORGANISATIONS, start=1):
        org_services.create_organisation(
            name=entry["name"],
            short_name=entry.get("short_name", ""),
            kind=entry["kind"],
            parent=county,
            aliases=entry.get("aliases", ()),
            sort_order=order,
        )
    resolve = OrganisationResolver(county)
    gazette, _created = Gazette.objects.get_or_create(county=county.short_name, name="兴县人民政府公报")
    people = {}
    for roster in demo_data.ROSTERS:
        _load_roster(roster, county, gazette, resolve, people)
    _load_tasks(gazette, resolve, people)
    _load_live_tasks(resolve)
    # The gazettes' roster proposals were stored on import, before the rosters above were entered.
    proposal_services.accept_entered_rosters(Proposal.objects.filter(document__issue__in=imported))
    return {
        "loaded": True,
        "issues": len(imported),
        "documents": Document.objects.count(),
        "organisations": Organisation.objects.count(),
        "people": Person.objects.count(),
        "groups": LeadingGroup.objects.count(),
        "memberships": Membership.objects.count(),
        "tasks": Task.objects.count(),
    }


def _document(gazette, spec):
    year, number = (int(part) for part in spec["issue"].split("-"))
    cumulative, published = DEMO_ISSUES[spec["issue"]]
    issue, _created = Issue.objects.get_or_create(
        gazette=gazette, year=year, number=number, defaults={"cumulative": cumulative, "published": published}
    )
    if spec["number"] and (imported := issue.documents.filter(number=spec["number"]).first()):
        return imported
    match = NUMBER.match(spec["number"] or "")
    document, _created = Document.objects.get_or_create(
        issue=issue,
        title=spec["title"],
        defaults={
            "number": spec["number"] or "",
            "series": match["series"] if match else "",
            "year": int(match["year"]) if match else None,
            "sequence": int(match["sequence"]) if match else None,
            "issuer": spec.get("issuer", ""),
            "kind": spec.get("kind", ""),
            "signed": datetime.date.fromisoformat(spec["signed"]) if spec.get("signed") else None,
            "is_public": True,
            "order": issue.documents.count() + 1,
        },
    )
    return document


def _person(member, people, county):
    """One person per name, except the namesakes the demo data lists, who are told apart by their unit."""
    name = member["name"]
    if name not in demo_data.NAMESAKES:
        key, note = name, ""
    else:
        key, note = (name, member.get("unit")), member.get("unit") or ""
    if key not in people:
        people[key] = org_services.create_person(county=county, name=name, note=note)
    return people[key]


def _load_roster(roster, county, gazette, resolve, people):
    document = _document(gazette, roster["document"])
    established = roster.get("established")
    lines = []
    for member in roster["members"]:
        member_type = member.get("type", Membership.MemberType.PERSON)
        unit = resolve(member["unit"]) if member.get("unit") else None
        person = _person(member, people, county) if member_type == Membership.MemberType.PERSON else None
        if person is not None and unit is not None and not person.posts.filter(organisation=unit).exists():
            org_services.add_post(person=person, organisation=unit, title=member["title"])
        lines.append(
            group_services.RosterLine(
                role=ROLE_BY_PRINTED_LABEL[member["role"]],
                member_type=member_type,
                person=person,
                title=member["title"],
                organisation=unit,
                organisation_text="" if unit else member.get("unit") or "",
            )
        )
    office_head = people.get(roster.get("office_head_name") or "")
    group = group_services.save_group(
        data={
            "name": roster["name"],
            "kind": GROUP_KIND_BY_PRINTED_LABEL[roster["kind"]],
            "county": county,
            "source_document": document,
            "established": datetime.date.fromisoformat(established) if established else None,
            "member_change_rule": roster.get("member_change_rule", ""),
            "office_host": resolve(roster["office_host"]) if roster.get("office_host") else None,
            "office_host_text": roster.get("office_host_text", ""),
            "office_head": office_head,
            "office_head_text": roster.get("office_head_text", ""),
            "notes": "",
        },
        roster=lines,
    )
    if roster.get("supersedes"):
        earlier = LeadingGroup.objects.get(name=roster["name"], source_document__number=roster["supersedes"])
        group_services.save_group(
            group=earlier, data={"status": LeadingGroup.Status.SUPERSEDED, "superseded_by": group}
        )


def _load_tasks(gazette, resolve, people):
    """The county entered these items when the document came out, so their deadlines count from then."""
    document = _document(gazette, {**demo_data.TASK_DOCUMENT, "title": "", "signed": None})
    entered = document.signed or datetime.date(2023, 11, 29)
    for item in demo_data.TASKS:
        township = resolve(item["township"])
        task_services.create_task(
            title=f"{item['township']}基本农田“{item['kind']}”问题整改",
            category=Task.Category.RECTIFICATION,
            county=resolve.county,
            source_document=document,
            quantity=Decimal(item["area"]),
            quantity_unit="亩",
            responsible_text=item["person"],
            origin=Task.Origin.GAZETTE,
            deadline_text=item["deadline"],
            reference=entered,
            as_of=entered,
            assignments=[
                task_services.AssignmentLine(
                    role=Assignment.Role.RESPONSIBLE,
                    organisation=township,
                    contact=_demo_contact(people, item["person"], f"demo-{township.pk}", resolve.county),
                )
            ],
        )


def _demo_contact(people, name, mailbox, county):
    """A roster person where the name is on one (else a new one), with a demo address if they have none."""
    person = people.get(name) or org_services.create_person(county=county, name=name)
    people[name] = person
    if not person.email:
        org_services.update_person(person, email=f"{mailbox}@{demo_data.DEMO_MAIL_DOMAIN}")
    return person


def _load_live_tasks(resolve):
    today = reminder_day()
    for item in demo_data.LIVE_TASKS:
        due = add_working_days(today, item["offset"])
        unit = resolve(item["unit"])
        contact = org_services.create_person(
            county=resolve.county,
            name=f"{unit.short_name}联络员",
            email=f"{item['contact']}@{demo_data.DEMO_MAIL_DOMAIN}",
        )
        task_services.create_task(
            title=item["title"],
            category=Task.Category.SUPERVISION,
            county=resolve.county,
            deadline_text=f"{due.year}年{due.month}月{due.day}日前",
            reference=today,
            # Entered a month before, so an overdue one is newly overdue, not late before entry.
            as_of=today - datetime.timedelta(days=30),
            assignments=[task_services.AssignmentLine(role=Assignment.Role.LEAD, organisation=unit, contact=contact)],
        )


@transaction.atomic
def ensure_demo_accounts():
    """The demo logins, created once; returns them so the command can print them."""
    users = get_user_model().objects
    for account in DEMO_ACCOUNTS:
        if users.filter(username=account.username).exists():
            continue
        resolve = OrganisationResolver(county_named(demo_data.COUNTY["short_name"]))
        units = [resolve(unit) for unit in account.units]
        counties = None if account.county is None else [county for county in [county_named(account.county)] if county]
        org_services.create_account(
            username=account.username,
            password=account.password,
            role=account.role,
            organisations=[unit for unit in units if unit is not None],
            counties=counties,
            email=f"{account.username}@{demo_data.DEMO_MAIL_DOMAIN}",
        )
    return DEMO_ACCOUNTS


def reminder_day():
    """Today, or on a day off the working day before: the day the demo's reminders are for."""
    calendar = reminder_selectors.reminder_settings().default.calendar
    day = timezone.localdate()
    return day if calendar.is_workday(day) else calendar.add_working_days(day, -1)


def send_demo_reminders():
    """The reminders of the demo tasks, into var/mail/ unless an SMTP server is configured."""
    day = reminder_day()
    reminder_services.sweep(day=day, trigger="demo")
    sent, _failed = reminder_services.send_due_digests()
    return day, sent
