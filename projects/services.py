"""Writes to tasks, their units' parts, progress and calendar tokens. Each runs in one transaction and validates
first."""

import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from org.models import Organisation, Person
from org.selectors import OrganisationResolver, county_named, county_of

from . import selectors
from .deadlines import Deadline, parse_deadline
from .models import (
    Assignment,
    CalendarToken,
    ClosingRound,
    ExtensionRequest,
    Instruction,
    Notice,
    NoticeCounter,
    NoticeItem,
    ProgressReport,
    Task,
)
from .selectors import feed_signature
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
def request_closing(task, *, user, note="", attachment=None):
    """Put the task forward for closing (销号申请): a new closing round awaits the supervisors."""
    task.refresh_from_db(from_queryset=Task.objects.select_for_update())
    if task.status not in OPEN_STATUSES:
        raise ValidationError(_("Only an open task can be put forward for closing."))
    closing = ClosingRound(task=task, requested_by=user, note=note.strip())
    if attachment is not None:
        closing.attachment = attachment
    closing.full_clean()
    closing.save()
    task.status = Task.Status.CLOSING_REQUESTED
    task.save()
    return task


@transaction.atomic
def verify_closing(task, *, user, approve, on=None, reason=""):
    """A supervisor closes the task (销号) or sends it back to work (退回) with a reason; each round is kept.

    The task row is locked first, so of two supervisors deciding at once the second finds it decided."""
    task.refresh_from_db(from_queryset=Task.objects.select_for_update())
    if task.status != Task.Status.CLOSING_REQUESTED:
        raise ValidationError(_("This task has not been put forward for closing."))
    # Tasks put forward before closing rounds were recorded have none pending: their round starts here.
    closing = task.closing_rounds.filter(decision=ClosingRound.Decision.PENDING).first() or ClosingRound(task=task)
    closing.decided_by, closing.decided_at, closing.reason = user, timezone.now(), reason.strip()
    if approve:
        closing.decision = ClosingRound.Decision.APPROVED
        task.status, task.closed_by, task.closed_on = Task.Status.CLOSED, user, on or timezone.localdate()
    else:
        closing.decision = ClosingRound.Decision.SENT_BACK
        task.status = Task.Status.IN_PROGRESS
    closing.save()
    task.save()
    return task


# Extension requests (延期申请)


@transaction.atomic
def request_extension(task, *, user, requested_due, reason, attachment=None, unit=None):
    """A unit asks for a later due date. A recurring task's request moves the current period's due only: its next
    due date is found from the rule after the extended one, so the rhythm stays the rule's."""
    task.refresh_from_db(from_queryset=Task.objects.select_for_update())
    if task.status not in OPEN_STATUSES:
        raise ValidationError(_("Only an open task's deadline can be extended."))
    if task.due is None:
        raise ValidationError(_("The task has no due date to extend."))
    if requested_due <= task.due:
        raise ValidationError(_("The new due date must be later than the current one."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for the extension."))
    if task.extension_requests.filter(status=ExtensionRequest.Status.PENDING).exists():
        raise ValidationError(_("This task already has an extension request awaiting a decision."))
    extension = ExtensionRequest(
        task=task,
        unit=unit,
        requested_by=user,
        previous_due=task.due,
        requested_due=requested_due,
        reason=reason.strip(),
    )
    if attachment is not None:
        extension.attachment = attachment
    extension.full_clean()
    extension.save()
    return extension


APPROVE, SHORTEN, REFUSE = "approve", "shorten", "refuse"


@transaction.atomic
def decide_extension(extension, *, user, decision, granted_due=None, reason=""):
    """A supervisor approves the request, shortens it (a date after the current due and before the one asked) or
    refuses it; shortening and refusing need a reason. The task and the request are locked first, so of two
    supervisors deciding at once the second finds the request decided and nothing is applied twice."""
    task = Task.objects.select_for_update().get(pk=extension.task_id)
    extension.refresh_from_db(from_queryset=ExtensionRequest.objects.select_for_update())
    if extension.status != ExtensionRequest.Status.PENDING:
        raise ValidationError(_("This extension request has already been decided."))
    reason = reason.strip()
    if decision in (SHORTEN, REFUSE) and not reason:
        raise ValidationError(_("Give the reason for shortening or refusing the extension."))
    if decision == REFUSE:
        extension.status = ExtensionRequest.Status.REFUSED
    elif decision in (APPROVE, SHORTEN):
        if task.status not in OPEN_STATUSES:
            raise ValidationError(_("Only an open task's deadline can be extended."))
        if decision == APPROVE:
            granted_due = extension.requested_due
        elif granted_due is None or granted_due >= extension.requested_due:
            raise ValidationError(_("A shortened extension ends before the date asked for."))
        if task.due is not None and granted_due <= task.due:
            raise ValidationError(_("The new due date must be later than the current one."))
        extension.status = (
            ExtensionRequest.Status.APPROVED if decision == APPROVE else ExtensionRequest.Status.SHORTENED
        )
        extension.granted_due = granted_due
        if task.original_due is None:
            task.original_due = task.due
        task.due = granted_due
        task.save()
    else:
        raise ValidationError(_("Unknown decision."))
    extension.decided_by, extension.decided_at, extension.decision_reason = user, timezone.now(), reason
    extension.save()
    return extension


# Leaders' instructions (领导批示)


@transaction.atomic
def add_instruction(*, user, leader_name, given_on, text, task=None, document=None, leader=None):
    """Record a leader's instruction on a task or a document; the task's units are told by e-mail once it is saved."""
    if task is not None:
        county_id = task.county_id
    elif document is not None:
        county = county_named(document.issue.gazette.county)
        county_id = county.pk if county else None
    else:
        county_id = None
    if county_id is None:
        raise ValidationError(_("The instruction's county is not known."))
    if leader is not None and leader.county_id != county_id:
        raise ValidationError(_("The leader is not a person of the task's county."))
    instruction = Instruction(
        county_id=county_id,
        task=task,
        document=document,
        leader_name=leader_name.strip() or (leader.name if leader else ""),
        leader=leader,
        given_on=given_on,
        text=text.strip(),
        entered_by=user,
    )
    instruction.full_clean()
    instruction.save()
    if task is not None:
        from . import jobs

        transaction.on_commit(lambda: jobs.notify_instruction.delay(instruction.pk))
    return instruction


@transaction.atomic
def answer_instruction(instruction, *, user, answer):
    """A responsible unit answers the instruction; a later answer replaces it, the history keeps each one."""
    instruction.refresh_from_db(from_queryset=Instruction.objects.select_for_update())
    if not answer.strip():
        raise ValidationError(_("Write the answer."))
    instruction.answer, instruction.answered_by, instruction.answered_at = answer.strip(), user, timezone.now()
    instruction.save()
    return instruction


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
    """The token of the user's calendar-feed address: the stored secret, made on first use, signed with the password
    hash (``selectors.feed_signature``) so that a changed password ends the old address."""
    token, _created = CalendarToken.objects.get_or_create(user=user, defaults={"token": secrets.token_urlsafe(32)})
    return f"{token.token}.{feed_signature(user)}"


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


# Notices (督办通知单, 催办函)


def issue_notice(*, kind, recipient, tasks, user, reply_by=None, today=None):
    """Number and record a notice to ``recipient`` listing ``tasks`` (of the recipient's county), as they stand now.

    The number is the next of the county's series of that kind and year. Two people issuing at once wait for each
    other on the series' counter row (SELECT … FOR UPDATE), so no number is given twice; the unique constraint on the
    notice is the backstop.
    """
    tasks = list(tasks)
    today = today or timezone.localdate()
    county = county_of(recipient)
    if not tasks:
        raise ValidationError(_("There is no task to put in the notice."))
    if any(task.county_id != county.pk for task in tasks):
        raise ValidationError(_("A notice lists tasks of the recipient's county only."))
    reply_by = reply_by or selectors.default_reply_by(county, today)
    if reply_by < today:
        raise ValidationError(_("The reply deadline cannot be in the past."))
    with transaction.atomic():
        serial = _next_serial(county, kind, today.year)
        notice = Notice.objects.create(
            county=county,
            kind=kind,
            year=today.year,
            serial=serial,
            number=selectors.notice_number(selectors.notice_prefix(county), kind, today.year, serial),
            recipient=recipient,
            issuing_office=selectors.notice_office(county),
            reply_by=reply_by,
            issued_by=user,
            issued_at=timezone.now(),
        )
        NoticeItem.objects.bulk_create(
            NoticeItem(
                notice=notice,
                task=task,
                position=position,
                title=task.title,
                due=task.due,
                deadline_text=task.deadline_text,
                source=str(task.source_document) if task.source_document else "",
            )
            for position, task in enumerate(tasks, start=1)
        )
    return notice


def _next_serial(county, kind, year):
    """The next serial number of the county's series, its counter row locked until the transaction ends."""
    # get_or_create inserts in a savepoint: of two first issues of a year, the second finds the first one's row.
    NoticeCounter.objects.get_or_create(county=county, kind=kind, year=year)
    counter = NoticeCounter.objects.select_for_update().get(county=county, kind=kind, year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last
