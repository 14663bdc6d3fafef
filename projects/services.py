"""Writes to organisations, people and leading groups. Each runs in one transaction and validates first."""

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import roles
from .deadlines import Deadline, parse_deadline
from .models import (
    Assignment,
    CalendarToken,
    LeadingGroup,
    Membership,
    Organisation,
    OrganisationAlias,
    Person,
    Post,
    ProgressReport,
    Task,
    UnitAccess,
)
from .names import normalise_name
from .selectors import OrganisationResolver
from .task_sheet import split_units

# Apps whose models data managers manage in full; "auth" so that they also keep the accounts.
LEDGER_APPS = ("projects", "gazette", "compensation")
DATA_MANAGER_APPS = (*LEDGER_APPS, "auth")
UNIT_STAFF_RIGHTS = (
    "add_leadinggroup",
    "change_leadinggroup",
    "add_membership",
    "change_membership",
    "delete_membership",
)


def ensure_role_groups():
    """Create the three role groups with their permissions; safe to run after every migrate."""
    ledger_permissions = Permission.objects.filter(content_type__app_label__in=LEDGER_APPS)
    view_permissions = ledger_permissions.filter(codename__startswith="view_")
    data_manager, _created = Group.objects.get_or_create(name=roles.DATA_MANAGER)
    data_manager.permissions.set(Permission.objects.filter(content_type__app_label__in=DATA_MANAGER_APPS))
    supervisor, _created = Group.objects.get_or_create(name=roles.SUPERVISOR)
    supervisor.permissions.set(view_permissions)
    unit_staff, _created = Group.objects.get_or_create(name=roles.UNIT_STAFF)
    unit_staff.permissions.set(
        view_permissions | ledger_permissions.filter(content_type__app_label="projects", codename__in=UNIT_STAFF_RIGHTS)
    )


@transaction.atomic
def create_account(*, username, password, role, organisations=(), person=None, email=""):
    """A login for one of the three roles; unit staff are linked to their organisations."""
    if role not in roles.ROLE_LABELS:
        raise ValidationError(_("Unknown role %(role)s.") % {"role": role})
    if role == roles.UNIT_STAFF and not organisations:
        raise ValidationError(_("A unit-staff account must be linked to at least one organisation."))
    user = get_user_model().objects.create_user(
        username=username, password=password, email=email, is_staff=role == roles.DATA_MANAGER
    )
    user.groups.add(Group.objects.get(name=role))
    for organisation in organisations:
        UnitAccess.objects.create(user=user, organisation=organisation)
    if person is not None:
        person.user = user
        person.save(update_fields=["user"])
    return user


# Organisations


@transaction.atomic
def create_organisation(*, name, kind, parent=None, short_name="", aliases=(), sort_order=0):
    organisation = Organisation(name=name, short_name=short_name, kind=kind, parent=parent, sort_order=sort_order)
    organisation.full_clean()
    organisation.save()
    for alias in aliases:
        add_alias(organisation, alias)
    return organisation


def _county_of(organisation):
    node = organisation
    while node is not None and node.kind != Organisation.Kind.COUNTY:
        node = node.parent
    return node


@transaction.atomic
def add_alias(organisation, alias):
    """Add another written form of the organisation's name; refuse one that already names another unit."""
    alias = normalise_name(alias)
    if not alias:
        raise ValidationError(_("An alias cannot be empty."))
    existing = OrganisationResolver(_county_of(organisation))(alias)
    if existing is not None and existing.pk != organisation.pk:
        raise ValidationError(
            _("“%(alias)s” already names %(other)s; an alias must name one organisation only.")
            % {"alias": alias, "other": existing.name}
        )
    obj, _created = OrganisationAlias.objects.get_or_create(organisation=organisation, alias=alias)
    return obj


# People and posts


@transaction.atomic
def create_person(*, name, note="", phone="", email=""):
    person = Person(name=normalise_name(name), note=note, phone=phone, email=email)
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def update_person(person, **fields):
    for name, value in fields.items():
        setattr(person, name, value)
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def add_post(*, person, organisation, title, start=None, end=None):
    post = Post(person=person, organisation=organisation, title=title, start=start, end=end)
    post.full_clean()
    post.save()
    return post


@transaction.atomic
def end_post(post, end):
    if post.start and end < post.start:
        raise ValidationError(_("A post cannot end before it starts."))
    post.end = end
    post.save(update_fields=["end"])
    return post


# Leading groups


@dataclass
class RosterLine:
    """One line of a roster to save. ``pk`` names an existing membership to update."""

    role: str
    member_type: str = Membership.MemberType.PERSON
    person: Person | None = None
    title: str = ""
    organisation: Organisation | None = None
    organisation_text: str = ""
    pk: int | None = None
    delete: bool = False


GROUP_FIELDS = (
    "name",
    "kind",
    "county",
    "source_document",
    "established",
    "status",
    "superseded_by",
    "member_change_rule",
    "office_host",
    "office_host_text",
    "office_head",
    "office_head_text",
    "notes",
)


@transaction.atomic
def save_group(*, group=None, data, roster=None):
    """Create or update a group and, when given, its whole roster, in one transaction.

    Roster lines keep their given order within each role. Lines not mentioned are left alone;
    lines marked ``delete`` are removed. History records who did it through the request middleware.
    """
    group = group or LeadingGroup()
    for name in GROUP_FIELDS:
        if name in data:
            setattr(group, name, data[name])
    group.full_clean()
    group.save()
    if roster is not None:
        _save_roster(group, roster)
    return group


def _save_roster(group, lines):
    existing = {membership.pk: membership for membership in group.memberships.all()}
    positions = {}
    for line in lines:
        membership = existing.get(line.pk) if line.pk else Membership(group=group)
        if membership is None:
            raise ValidationError(_("A roster line belongs to another group."))
        if line.delete:
            if membership.pk:
                membership.delete()
            continue
        if line.member_type != Membership.MemberType.PERSON:
            line.person = None
        values = {
            "role": line.role,
            "member_type": line.member_type,
            "person": line.person,
            "title": line.title.strip(),
            "organisation": line.organisation,
            "organisation_text": line.organisation_text.strip(),
            "position": positions.get(line.role, 0),
        }
        positions[line.role] = values["position"] + 1
        if membership.pk and all(getattr(membership, name) == value for name, value in values.items()):
            continue  # unchanged: saving would only add an empty entry to the history
        for name, value in values.items():
            setattr(membership, name, value)
        membership.full_clean(exclude=["group"])
        membership.save()


# Tasks


@dataclass
class AssignmentLine:
    """A unit's part in a task: an organisation, or its name as written when none matches."""

    role: str
    organisation: Organisation | None = None
    organisation_text: str = ""
    contact: Person | None = None

    @property
    def role_label(self):
        return Assignment.Role(self.role).label


def _one_line_per_unit(lines):
    """A unit named twice (牵头 and again among the 责任单位) keeps its first, strongest, part."""
    seen = set()
    for line in lines:
        if line.organisation is not None:
            if line.organisation.pk in seen:
                continue
            seen.add(line.organisation.pk)
        yield line


TASK_FIELDS = (
    "title",
    "description",
    "category",
    "deadline_text",
    "source_document",
    "parent",
    "group",
    "quantity",
    "quantity_unit",
    "responsible_person",
    "responsible_text",
)


@transaction.atomic
def save_task(*, task=None, data, assignments):
    """Create a task entered by hand, or change one, with its whole list of units, in one transaction.

    A new or changed deadline phrase is parsed again, counting from the source document's signing date
    (else today). The units given replace the task's units; a unit named twice keeps its first role.
    """
    data = {name: data[name] for name in TASK_FIELDS if name in data}
    document = data.get("source_document")
    reference = (document.signed if document is not None else None) or timezone.localdate()
    if task is None:
        deadline_text = data.pop("deadline_text", "")
        return create_task(
            deadline_text=deadline_text, reference=reference, assignments=assignments, origin=Task.Origin.MANUAL, **data
        )
    # Compared with the stored phrase: a ModelForm has already put the new one on the instance. An unchanged
    # phrase keeps its due date, which reports may have moved on (recurring tasks).
    stored = Task.objects.values_list("deadline_text", flat=True).get(pk=task.pk)
    phrase = data.pop("deadline_text", stored).strip()
    if phrase != stored:
        deadline = parse_deadline(phrase, reference)
        task.deadline_text, task.due, task.start = phrase, deadline.due, deadline.start
        task.precision, task.ongoing = deadline.precision or "", deadline.ongoing
        task.recurrence = deadline.recurrence or ""
    for name, value in data.items():
        setattr(task, name, value.strip() if isinstance(value, str) else value)
    task.full_clean()
    task.save()
    task.assignments.all().delete()
    _add_assignments(task, assignments)
    return task


# A task that can still be reported on and put forward for closing.
OPEN_STATUSES = {Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS}


@transaction.atomic
def create_task(*, title, assignments=(), deadline_text="", reference=None, as_of=None, **fields):
    """Create a task with its units and its deadline parsed from the phrase as written.

    ``reference`` dates a phrase without a year (normally the source document's signed date);
    ``as_of`` is the day the task enters the ledger (today by default).
    """
    as_of = as_of or timezone.localdate()
    deadline = parse_deadline(deadline_text, reference or as_of)
    task = Task(
        title=title.strip(),
        deadline_text=deadline_text.strip(),
        due=deadline.due,
        start=deadline.start,
        precision=deadline.precision or "",
        ongoing=deadline.ongoing,
        recurrence=deadline.recurrence or "",
        as_of=as_of,
        **fields,
    )
    task.full_clean()
    task.save()
    _add_assignments(task, assignments)
    return task


def _add_assignments(task, assignments):
    for position, line in enumerate(_one_line_per_unit(assignments)):
        assignment = Assignment(
            task=task,
            role=line.role,
            organisation=line.organisation,
            organisation_text="" if line.organisation else line.organisation_text.strip(),
            contact=line.contact,
            position=position,
        )
        assignment.full_clean()
        assignment.save()


@transaction.atomic
def report_progress(task, *, user, date, text, percent=None, attachment=None):
    """Record progress; a task not yet started is now in progress, and a recurring one moves to its next due date."""
    if task.status not in OPEN_STATUSES:
        raise ValidationError(_("Progress can only be reported on a task that is open."))
    report = ProgressReport(task=task, reporter=user, date=date, text=text.strip(), percent=percent)
    if attachment is not None:
        report.attachment = attachment
    report.full_clean()
    report.save()
    if task.latest_report is None or date >= task.latest_report:
        task.latest_report, task.latest_percent = date, percent
    if task.status == Task.Status.NOT_STARTED:
        task.status = Task.Status.IN_PROGRESS
    if task.recurrence:
        # The report settles the period it falls in: the next due date comes after both it and the current one.
        task.due = _deadline_of(task).next_due(max(task.due, date) if task.due else date)
    task.save()
    return report


@transaction.atomic
def request_closing(task, *, user):
    if task.status not in OPEN_STATUSES:
        raise ValidationError(_("Only an open task can be put forward for closing."))
    task.status = Task.Status.CLOSING_REQUESTED
    task.save()
    return task


@transaction.atomic
def verify_closing(task, *, user, approve, on=None):
    """A supervisor closes the task (销号) or sends it back to work."""
    if task.status != Task.Status.CLOSING_REQUESTED:
        raise ValidationError(_("This task has not been put forward for closing."))
    if approve:
        task.status, task.closed_by, task.closed_on = Task.Status.CLOSED, user, on or timezone.localdate()
    else:
        task.status = Task.Status.IN_PROGRESS
    task.save()
    return task


@transaction.atomic
def set_task_status(task, status):
    """Pause, stop or resume a task; closing goes through request_closing and verify_closing."""
    if status in {Task.Status.CLOSED, Task.Status.CLOSING_REQUESTED}:
        raise ValidationError(_("A task is closed by request and verification."))
    task.status = status
    task.save()
    return task


def _deadline_of(task):
    return Deadline(
        text=task.deadline_text,
        due=task.due,
        start=task.start,
        precision=task.precision or None,
        ongoing=task.ongoing,
        recurrence=task.recurrence or None,
    )


def calendar_token(user):
    """The user's calendar-feed token, made on first use."""
    token, _created = CalendarToken.objects.get_or_create(user=user, defaults={"token": secrets.token_urlsafe(32)})
    return token.token


@transaction.atomic
def reset_calendar_token(user):
    """A new secret address; the old one stops working (for when it leaked)."""
    CalendarToken.objects.filter(user=user).delete()
    return calendar_token(user)


# Excel import of task lists


@dataclass
class TaskRowPreview:
    """What one sheet row would become, with what is wrong (blocking) and what is doubtful (not blocking)."""

    number: int
    title: str
    assignments: list
    person: str
    deadline: Deadline
    note: str
    errors: list
    warnings: list


def preview_task_rows(rows, *, reference):
    """Check every row without writing anything: the preview a data manager confirms."""
    resolve = OrganisationResolver()
    previews = []
    for row in rows:
        values = row.values
        errors, warnings, assignments = [], [], []
        title = values.get("任务", "")
        if not title:
            errors.append(_("The task is empty."))
        for column, role in (("牵头单位", Assignment.Role.LEAD), ("责任单位", Assignment.Role.RESPONSIBLE)):
            for written in split_units(values.get(column, "")):
                organisation = resolve(written)
                if organisation is None:
                    warnings.append(_("“%(unit)s” matches no organisation; kept as written.") % {"unit": written})
                assignments.append(AssignmentLine(role=role, organisation=organisation, organisation_text=written))
        if not assignments:
            errors.append(_("No lead or responsible unit."))
        deadline = parse_deadline(values.get("完成时限", ""), reference)
        if values.get("完成时限") and deadline.due is None and not deadline.ongoing:
            warnings.append(
                _("The deadline “%(text)s” was not understood; kept as written.") % {"text": values["完成时限"]}
            )
        previews.append(
            TaskRowPreview(
                number=row.number,
                title=title,
                assignments=assignments,
                person=values.get("责任人", ""),
                deadline=deadline,
                note=values.get("备注", ""),
                errors=errors,
                warnings=warnings,
            )
        )
    return previews


@transaction.atomic
def import_task_rows(previews, *, reference):
    """Create a task per row, all or nothing; refuses when any row has an error."""
    if any(preview.errors for preview in previews):
        raise ValidationError(_("Some rows have errors; nothing was imported."))
    return [
        create_task(
            title=preview.title,
            description=preview.note,
            responsible_text=preview.person,
            deadline_text=preview.deadline.text,
            reference=reference,
            origin=Task.Origin.EXCEL,
            assignments=preview.assignments,
        )
        for preview in previews
    ]
