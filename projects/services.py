"""Writes to tasks, their units' parts, progress and calendar tokens. Each runs in one transaction and validates
first."""

import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from org.models import Organisation, Person
from org.selectors import OrganisationResolver, county_of

from .deadlines import Deadline, parse_deadline
from .models import Assignment, CalendarToken, ProgressReport, Task
from .task_sheet import split_units

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
    "county",
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
        if line.organisation is not None and county_of(line.organisation) != task.county:
            raise ValidationError(
                _("%(unit)s is not a unit of %(county)s: a task's units belong to its county.")
                % {"unit": line.organisation, "county": task.county}
            )
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


def preview_task_rows(rows, *, reference, county):
    """Check every row without writing anything: the preview a data manager confirms. Units are looked up among
    ``county``'s units only."""
    resolve = OrganisationResolver(county)
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
def import_task_rows(previews, *, reference, county):
    """Create a task of ``county`` per row, all or nothing; refuses when any row has an error."""
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
            county=county,
        )
        for preview in previews
    ]
