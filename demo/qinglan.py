"""Loads the second demo county, the invented 青岚县, so that every page is seen with two counties.

Its units, people, rosters and live tasks come from ``qinglan_data``; its gazette (demo/gazettes/qinglan-2024-1.txt,
a layout unlike 兴县's: no masthead, contents under 【…】 headings with `- 3 -` pages) is imported through the
gazette services after the county exists, so that its proposals resolve among 青岚县's units. Only the rosters the
loader enters are recorded as accepted; every other proposal waits for review. Running it twice changes nothing.
"""

import datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from gazette import services as gazette_services
from gazette.models import Document
from groups import services as group_services
from groups.models import GROUP_KIND_BY_PRINTED_LABEL, ROLE_BY_PRINTED_LABEL, LeadingGroup, Membership
from intake import services as proposal_services
from intake.models import Proposal
from org import services as org_services
from org.models import Organisation, Person
from org.selectors import OrganisationResolver
from projects import services as task_services
from projects.models import Assignment, Task
from projects.reminders import services as reminder_services
from projects.workdays import add_working_days

from . import data as xingxian_data
from . import qinglan_data as demo_data
from .xingxian import reminder_day

GAZETTE = Path(__file__).resolve().parent / "gazettes" / demo_data.GAZETTE_FILE


@transaction.atomic
def load_demo():
    """Create 青岚县 with its units, people, rosters and tasks, and import its gazette."""
    if Organisation.objects.filter(name=demo_data.COUNTY["name"], kind=Organisation.Kind.COUNTY).exists():
        return {"loaded": False}
    county = org_services.create_county(
        name=demo_data.COUNTY["name"],
        short_name=demo_data.COUNTY["short_name"],
        number_prefixes="青政发 青政办发 青政函 青政办函",
        aliases=demo_data.COUNTY["aliases"],
    )
    for order, entry in enumerate(demo_data.ORGANISATIONS, start=1):
        org_services.create_organisation(
            name=entry["name"],
            short_name=entry["short_name"],
            kind=entry["kind"],
            parent=county,
            aliases=entry["aliases"],
            sort_order=order,
        )
    # Settings of its own, so that the demo shows two counties reminding by different rules and calendars.
    policy = {"warning_days": 5, "reminder_days": 3, "escalation_days": 7, "include_historical": False}
    reminder_services.save_county_policy(county, own=True, values=policy)
    reminder_services.add_workday_exception(
        county, date=datetime.date(timezone.localdate().year + 1, 3, 18), is_workday=False, note="青岚县县庆"
    )
    resolve = OrganisationResolver(county)
    _set_reminder_contacts(resolve)
    people = _load_people(resolve)
    issue = gazette_services.import_gazette(GAZETTE.read_bytes(), name=GAZETTE.name, **demo_data.GAZETTE_ISSUE).issue
    for roster in demo_data.ROSTERS:
        _load_roster(roster, issue, resolve, people)
    proposal_services.accept_entered_rosters(Proposal.objects.filter(document__issue=issue))
    tasks = _load_live_tasks(resolve, people)
    return {
        "loaded": True,
        "county": county.short_name,
        "documents": issue.documents.filter(parent__isnull=True).count(),
        "organisations": Organisation.objects.filter(parent=county).count(),
        "people": Person.objects.filter(county=county).count(),
        "groups": LeadingGroup.objects.filter(county=county).count(),
        "tasks": tasks,
        "proposals": Proposal.objects.filter(document__issue=issue, status=Proposal.Status.PENDING).count(),
    }


def _mail(mailbox):
    return f"{mailbox}@{xingxian_data.DEMO_MAIL_DOMAIN}"


def _set_reminder_contacts(resolve):
    """Most units name the person who gets their reminders; the two without show the reminder blockers."""
    for entry in demo_data.ORGANISATIONS:
        if entry["contact"] is None:
            continue
        name, mailbox = entry["contact"]
        unit = resolve(entry["short_name"])
        contact = org_services.create_person(
            county=resolve.county, name=name, note=f"{unit.short_name}联络员", email=_mail(mailbox)
        )
        org_services.add_post(person=contact, organisation=unit, title="联络员")
        unit.reminder_contact = contact
        unit.full_clean()
        unit.save(update_fields=["reminder_contact"])


def _load_people(resolve):
    people = {}
    for entry in demo_data.PEOPLE:
        mailbox = entry.get("mailbox")
        person = org_services.create_person(
            county=resolve.county, name=entry["name"], email=_mail(mailbox) if mailbox else ""
        )
        org_services.add_post(person=person, organisation=resolve(entry["unit"]), title=entry["title"])
        people[entry["name"]] = person
    return people


def _load_roster(roster, issue, resolve, people):
    document = Document.objects.get(issue=issue, number=roster["document"])
    lines = []
    for member in roster["members"]:
        member_type = member.get("type", Membership.MemberType.PERSON)
        lines.append(
            group_services.RosterLine(
                role=ROLE_BY_PRINTED_LABEL[member["role"]],
                member_type=member_type,
                person=people[member["name"]] if member_type == Membership.MemberType.PERSON else None,
                title=member["title"],
                organisation=resolve(member["unit"]) if member.get("unit") else None,
            )
        )
    established = roster["established"]
    group_services.save_group(
        data={
            "name": roster["name"],
            "kind": GROUP_KIND_BY_PRINTED_LABEL[roster["kind"]],
            "county": resolve.county,
            "source_document": document,
            "established": datetime.date.fromisoformat(established) if established else None,
            "member_change_rule": roster["member_change_rule"],
            "office_host": resolve(roster["office_host"]),
            "office_host_text": "",
            "office_head": people.get(roster.get("office_head", "")),
            "office_head_text": roster.get("office_head_text", ""),
            "notes": "",
        },
        roster=lines,
    )


def _load_live_tasks(resolve, people):
    """Tasks due around the day the demo is loaded: some overdue, some due soon, one far off."""
    today = reminder_day()
    for item in demo_data.LIVE_TASKS:
        due = add_working_days(today, item["offset"])
        lead = task_services.AssignmentLine(
            role=Assignment.Role.LEAD, organisation=resolve(item["unit"]), contact=people.get(item.get("contact", ""))
        )
        supporting = [
            task_services.AssignmentLine(role=Assignment.Role.SUPPORTING, organisation=resolve(unit))
            for unit in item.get("supporting", ())
        ]
        task_services.create_task(
            title=item["title"],
            category=Task.Category.SUPERVISION,
            county=resolve.county,
            deadline_text=f"{due.year}年{due.month}月{due.day}日前",
            reference=today,
            # Entered a month before, so an overdue one is newly overdue, not late before entry.
            as_of=today - datetime.timedelta(days=30),
            assignments=[lead, *supporting],
        )
    return len(demo_data.LIVE_TASKS)
