"""The supervision ledger: tasks, the units' parts in them, progress, calendar tokens and reminders."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from groups.models import LeadingGroup
from org.models import Organisation, Person

from . import lights

# How each traffic light (projects.lights) is named to users.
LIGHT_CHOICES = [
    (lights.RED, _("overdue")),
    (lights.YELLOW, _("due soon or behind")),
    (lights.GREEN, _("on track")),
    (lights.HISTORICAL, _("late before entry")),
    (lights.UNDATED, _("no deadline")),
    (lights.NONE, _("closed or on hold")),
]


class Task(models.Model):
    """A task, rectification item or indicator the county's documents assigned, with its deadline."""

    class Category(models.TextChoices):
        RECTIFICATION = "rectification", _("rectification item")
        SUPERVISION = "supervision", _("supervision item")
        WORK = "work", _("work task")
        INDICATOR = "indicator", _("indicator")

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("not started")
        IN_PROGRESS = "in_progress", _("in progress")
        CLOSING_REQUESTED = "closing_requested", _("closing requested")
        CLOSED = "closed", _("closed")
        PAUSED = "paused", _("paused")
        STOPPED = "stopped", _("stopped")

    class Origin(models.TextChoices):
        MANUAL = "manual", _("entered by hand")
        EXCEL = "excel", _("Excel import")
        GAZETTE = "gazette", _("gazette")

    class Precision(models.TextChoices):
        DAY = "day", _("day")
        MONTH = "month", _("month")
        QUARTER = "quarter", _("quarter")
        HALF = "half", _("half-year")
        YEAR = "year", _("year")

    county = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="county_tasks",
        limit_choices_to={"kind": Organisation.Kind.COUNTY},
        verbose_name=_("county"),
        help_text=_("The county whose ledger the task is in; its units are chosen among this county's."),
    )
    title = models.CharField(_("title"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, default=Category.WORK)
    source_document = models.ForeignKey(
        "gazette.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("source document"),
    )
    source_passage = models.TextField(_("passage in the source"), blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("parent task")
    )
    group = models.ForeignKey(
        LeadingGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("overseeing group"),
    )
    quantity = models.DecimalField(_("quantity"), max_digits=18, decimal_places=4, null=True, blank=True)
    quantity_unit = models.CharField(_("unit of quantity"), max_length=20, blank=True)
    responsible_person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_tasks",
        verbose_name=_("responsible person"),
    )
    responsible_text = models.CharField(_("responsible person as written"), max_length=100, blank=True)
    origin = models.CharField(_("created from"), max_length=20, choices=Origin.choices, default=Origin.MANUAL)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    deadline_text = models.CharField(_("deadline as written"), max_length=200, blank=True)
    due = models.DateField(_("due"), null=True, blank=True, db_index=True)
    # The due date before the first approved extension (延期): the scorecard may count a task against it.
    original_due = models.DateField(_("due before extensions"), null=True, blank=True)
    start = models.DateField(_("start"), null=True, blank=True)
    precision = models.CharField(_("precision of the due date"), max_length=10, choices=Precision.choices, blank=True)
    ongoing = models.BooleanField(_("ongoing"), default=False)
    recurrence = models.CharField(_("recurrence"), max_length=30, blank=True)
    as_of = models.DateField(
        _("entered on"),
        help_text=_("The day the task entered the ledger: a deadline already past then was late before."),
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closing verified by"),
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    # The newest progress report's figures, kept by services.report_progress (the only writer of reports)
    # so that lists, lights and the dashboard need no subquery per task.
    latest_percent = models.PositiveSmallIntegerField(_("latest reported percent"), null=True, blank=True)
    latest_report = models.DateField(_("latest report"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["due", "pk"]
        # The task list's sorts (projects/tables.py), read backwards for a descending one.
        indexes = [
            models.Index(fields=[field, "id"], name=f"task_{field}_sort")
            for field in ("due", "title", "category", "status", "deadline_text", "latest_percent", "latest_report")
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="closed") | Q(closed_on__isnull=False),
                name="task_closed_has_date",
                violation_error_message=_("A closed task needs the day its closing was verified."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:task_detail", args=[self.pk])

    @property
    def historically_late(self):
        """Entered after its deadline had passed: late before the ledger knew of it, not newly overdue."""
        return self.due is not None and self.due < self.as_of


class Assignment(models.Model):
    """One organisation's part in a task."""

    class Role(models.TextChoices):
        LEAD = "lead", _("lead unit")
        RESPONSIBLE = "responsible", _("responsible unit")
        SUPPORTING = "supporting", _("supporting unit")
        IMPLEMENTING = "implementing", _("implementing unit")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("task"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.RESPONSIBLE)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assignments",
        verbose_name=_("organisation"),
    )
    organisation_text = models.CharField(_("unit as written"), max_length=200, blank=True)
    contact = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="task_contacts",
        verbose_name=_("contact person"),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["task", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | ~Q(organisation_text=""),
                name="assignment_names_a_unit",
                violation_error_message=_("An assignment needs an organisation or the unit's name as written."),
            ),
            models.UniqueConstraint(
                fields=["task", "organisation"],
                name="one_part_per_unit",
                violation_error_message=_("A unit has one part in a task; choose its strongest role."),
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()} {self.organisation or self.organisation_text}"


def report_upload_path(report, filename):
    return f"reports/{report.task_id}/{filename}"


class ProgressReport(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reports", verbose_name=_("task"))
    date = models.DateField(_("date"))
    text = models.TextField(_("progress"))
    percent = models.PositiveSmallIntegerField(
        _("percent done"), validators=[MaxValueValidator(100)], null=True, blank=True
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("reporter")
    )
    attachment = models.FileField(_("attachment"), upload_to=report_upload_path, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.task} {self.date}"


def extension_upload_path(request, filename):
    return f"extensions/{request.task_id}/{filename}"


class ExtensionRequest(models.Model):
    """A unit's request (延期申请) for a later due date, and the supervisor's decision on it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting decision")
        APPROVED = "approved", _("approved")
        SHORTENED = "shortened", _("approved with a shorter extension")
        REFUSED = "refused", _("refused")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="extension_requests", verbose_name=_("task"))
    unit = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requesting unit"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    previous_due = models.DateField(_("due date when requested"), null=True, blank=True)
    requested_due = models.DateField(_("requested due date"))
    reason = models.TextField(_("reason"))
    attachment = models.FileField(_("attachment"), upload_to=extension_upload_path, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    granted_due = models.DateField(_("granted due date"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("extension request")
        verbose_name_plural = _("extension requests")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            # One open request per task: a second approval can never apply twice.
            models.UniqueConstraint(
                fields=["task"],
                condition=Q(status="pending"),
                name="extension_one_pending_per_task",
                violation_error_message=_("This task already has an extension request awaiting a decision."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=["approved", "shortened"], granted_due__isnull=False)
                | Q(~Q(status__in=["approved", "shortened"]), granted_due__isnull=True),
                name="extension_granted_due_iff_granted",
                violation_error_message=_("An approved extension needs its new due date, and only it has one."),
            ),
        ]

    def __str__(self):
        return f"{self.task} → {self.requested_due}"


def closing_upload_path(round_, filename):
    return f"closings/{round_.task_id}/{filename}"


class ClosingRound(models.Model):
    """One request to close a task (销号申请) and the supervisor's decision: closed, or sent back (退回) with a
    reason."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("awaiting verification")
        APPROVED = "approved", _("closed")
        SENT_BACK = "sent_back", _("sent back")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="closing_rounds", verbose_name=_("task"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("requested by")
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    note = models.TextField(_("what was done"), blank=True)
    attachment = models.FileField(_("attachment"), upload_to=closing_upload_path, blank=True)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(_("reason for sending back"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("closing round")
        verbose_name_plural = _("closing rounds")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["task"],
                condition=Q(decision="pending"),
                name="closing_one_pending_per_task",
                violation_error_message=_("This task has already been put forward for closing."),
            ),
        ]

    def __str__(self):
        return f"{self.task} {self.get_decision_display()}"


class Instruction(models.Model):
    """A leader's instruction (领导批示) on a task or on a gazette document, and the answer of the units."""

    county = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("county"))
    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, null=True, blank=True, related_name="instructions", verbose_name=_("task")
    )
    document = models.ForeignKey(
        "gazette.Document",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="instructions",
        verbose_name=_("document"),
    )
    leader_name = models.CharField(_("leader as written"), max_length=100)
    leader = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("leader")
    )
    given_on = models.DateField(_("given on"))
    text = models.TextField(_("instruction"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("entered by")
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now_add=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("leader's instruction")
        verbose_name_plural = _("leaders' instructions")
        ordering = ["-given_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(task__isnull=False, document__isnull=True) | Q(task__isnull=True, document__isnull=False),
                name="instruction_on_task_or_document",
                violation_error_message=_("An instruction is given on a task or on a document, exactly one."),
            ),
        ]

    def __str__(self):
        return f"{self.leader_name}（{self.given_on}）：{self.text[:40]}"

    def get_absolute_url(self):
        if self.task_id:
            return self.task.get_absolute_url() + "#instructions"
        return self.document.get_absolute_url()


class ScorecardRules(models.Model):
    """What the 考核 scorecard counts as on time: the site's defaults (the row without a county) and a county's own,
    which replace the defaults for that county. Data managers change them in the admin."""

    county = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="scorecard_rules",
        limit_choices_to={"kind": Organisation.Kind.COUNTY},
        verbose_name=_("county"),
        help_text=_("Empty: the defaults, for every county without rules of its own."),
    )
    grace_days = models.PositiveSmallIntegerField(
        _("days of grace"),
        default=0,
        validators=[MaxValueValidator(90)],
        help_text=_("A task closed this many days after its deadline still counts as closed on time."),
    )
    against_original_due = models.BooleanField(
        _("count against the deadline before extensions"),
        default=False,
        help_text=_("On: an approved extension does not move the deadline the scorecard counts against."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("scorecard rules")
        verbose_name_plural = _("scorecard rules")
        constraints = [
            models.UniqueConstraint(
                Coalesce("county", Value(0)),
                name="one_scorecard_rules_per_county",
                violation_error_message=_("These rules exist already."),
            ),
        ]

    def __str__(self):
        if self.county_id is None:
            return str(_("default scorecard rules"))
        return _("scorecard rules of %(county)s") % {"county": self.county}


class CalendarToken(models.Model):
    """The secret in a user's calendar-feed address; calendar programs cannot log in, so the address is the key."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token", verbose_name=_("user")
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar token")
        verbose_name_plural = _("calendar tokens")

    def __str__(self):
        return str(self.user)


# Reminders. The database decides what is due, claims it and records what was sent; Celery only schedules.


class ReminderPolicy(models.Model):
    """Reminder settings: the site's defaults (the row without a county) and a county's own, which replace the
    defaults for that county's tasks. Retries are the mail server's affair and are read from the defaults only."""

    county = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminder_policy",
        limit_choices_to={"kind": Organisation.Kind.COUNTY},
        verbose_name=_("county"),
        help_text=_("Empty: the defaults, for every county without settings of its own."),
    )
    warning_days = models.PositiveSmallIntegerField(
        _("warn this many working days ahead"), default=3, help_text=_("预警: due within this many working days.")
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("remind up to this many working days overdue"),
        default=3,
        help_text=_("提醒: overdue by 1 to this many working days; 催办 after that."),
    )
    escalation_days = models.PositiveSmallIntegerField(
        _("escalate after this many working days overdue"),
        default=7,
        help_text=_("通报: overdue by more than this many working days; also sent to the supervisors."),
    )
    include_historical = models.BooleanField(
        _("remind of historically late tasks"),
        default=False,
        help_text=_("Tasks entered after their deadline had passed are left out unless this is on."),
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts before giving up"), default=5, validators=[MaxValueValidator(20)]
    )
    retry_minutes = models.PositiveSmallIntegerField(
        _("first retry after (minutes)"), default=5, help_text=_("Each further retry waits twice as long.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reminder settings")
        verbose_name_plural = _("reminder settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(reminder_days__lte=F("escalation_days")),
                name="reminder_before_escalation",
                violation_error_message=_("Escalation must come no earlier than the last plain reminder."),
            ),
            # NULLs are distinct in a unique index: count the defaults' missing county as 0 to allow one row.
            models.UniqueConstraint(
                Coalesce("county", Value(0)),
                name="one_reminder_policy_per_county",
                violation_error_message=_("These settings exist already."),
            ),
        ]

    def __str__(self):
        if self.county_id is None:
            return str(_("default reminder settings"))
        return _("reminder settings of %(county)s") % {"county": self.county}

    @classmethod
    def current(cls):
        """The defaults' row, created on first use."""
        return cls.objects.get_or_create(county=None)[0]


class WorkdayException(models.Model):
    """A local exception to the national calendar: a day off, or a day worked. Without a county it holds for every
    county (a provincial day off); a county's own exception on the same date wins over it."""

    county = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="workday_exceptions",
        limit_choices_to={"kind": Organisation.Kind.COUNTY},
        verbose_name=_("county"),
        help_text=_("Empty: every county."),
    )
    date = models.DateField(_("date"))
    is_workday = models.BooleanField(_("working day"), help_text=_("On: worked although a holiday; off: a day off."))
    note = models.CharField(_("note"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("local working-day exception")
        verbose_name_plural = _("local working-day exceptions")
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(
                Coalesce("county", Value(0)),
                "date",
                name="one_workday_exception_per_county_and_date",
                violation_error_message=_("This day has an exception already."),
            ),
        ]

    def __str__(self):
        return f"{self.date} {self.note}"


class ReminderMute(models.Model):
    """An address whose owner muted 预警 mails (催办 and 通报 cannot be muted)."""

    email = models.EmailField(_("e-mail"), unique=True)
    created = models.DateTimeField(_("muted on"), auto_now_add=True)

    class Meta:
        verbose_name = _("muted early warning")
        verbose_name_plural = _("muted early warnings")

    def __str__(self):
        return self.email


class ReminderSweep(models.Model):
    """One run of the daily sweep: when, for which day, and what it found."""

    day = models.DateField(_("day"))
    started = models.DateTimeField(_("started"), auto_now_add=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    day_off = models.BooleanField(_("day off"), default=False)
    reminders = models.PositiveIntegerField(_("new reminders"), default=0)
    digests = models.PositiveIntegerField(_("digests"), default=0)
    without_email = models.PositiveIntegerField(_("contacts without e-mail"), default=0)

    class Trigger(models.TextChoices):
        BEAT = "beat", _("schedule")
        CATCH_UP = "catch-up", _("catch-up")
        COMMAND = "command", _("command line")
        DEMO = "demo", _("demo data")
        MANUAL = "manual", _("by hand")

    trigger = models.CharField(_("started by"), max_length=20, choices=Trigger.choices, default=Trigger.MANUAL)

    class Meta:
        verbose_name = _("reminder sweep")
        verbose_name_plural = _("reminder sweeps")
        ordering = ["-started"]
        get_latest_by = "started"

    def __str__(self):
        return f"{self.day} {self.started:%H:%M}"


class SendStatus(models.TextChoices):
    """pending → claimed (a sender took it) → sending (its SMTP transaction started) → sent, or back to pending to
    retry, or failed after the last attempt. A sender that dies leaves "claimed" (nothing went out: pending again
    after a lease) or "sending" (it may have gone out: "in doubt", for a data manager to decide)."""

    PENDING = "pending", _("pending")
    CLAIMED = "claimed", _("claimed by a sender")
    SENDING = "sending", _("sending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")
    DOUBT = "doubt", _("in doubt")


class JobHeartbeat(models.Model):
    """When a scheduled job last ran: the frequent reminder tick writes it, so that /health/ sees beat or the
    worker stop."""

    job = models.CharField(_("job"), max_length=200, unique=True)
    last = models.DateTimeField(_("last run"))

    class Meta:
        verbose_name = _("job heartbeat")
        verbose_name_plural = _("job heartbeats")

    def __str__(self):
        return f"{self.job} {self.last}"


class ReminderDigest(models.Model):
    """The one e-mail a recipient gets on a day, listing all of their reminders; the unit that is sent."""

    email = models.EmailField(_("e-mail"))
    name = models.CharField(_("addressee"), max_length=120, blank=True)
    day = models.DateField(_("day"))
    status = models.CharField(_("status"), max_length=10, choices=SendStatus.choices, default=SendStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt = models.DateTimeField(_("next attempt"), null=True, blank=True)
    claimed = models.DateTimeField(_("claimed"), null=True, blank=True)
    # Which sender's UPDATE moved the digest to "sending": that sender alone sends it.
    claim = models.CharField(_("claim"), max_length=32, blank=True, editable=False)
    sent = models.DateTimeField(_("sent"), null=True, blank=True)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("reminder e-mail")
        verbose_name_plural = _("reminder e-mails")
        ordering = ["-day", "email"]
        constraints = [models.UniqueConstraint(fields=["email", "day"], name="one_digest_per_recipient_per_day")]
        indexes = [models.Index(fields=["status", "next_attempt"], name="digest_due_idx")]

    def __str__(self):
        return f"{self.day} {self.name} <{self.email}>"


class Reminder(models.Model):
    """One task's reminder to one recipient on one day, at one tier: never made, nor sent, twice."""

    class Tier(models.TextChoices):
        ESCALATE = "escalate", _("escalation")
        URGE = "urge", _("urging")
        REMINDER = "reminder", _("overdue reminder")
        DUE = "due", _("due today")
        WARNING = "warning", _("early warning")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("task"))
    digest = models.ForeignKey(
        ReminderDigest, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("reminder e-mail")
    )
    email = models.EmailField(_("e-mail"))
    name = models.CharField(_("addressee"), max_length=120, blank=True)
    unit = models.CharField(_("unit"), max_length=120, blank=True)
    tier = models.CharField(_("tier"), max_length=10, choices=Tier.choices)
    day = models.DateField(_("day"))
    overdue_days = models.PositiveSmallIntegerField(_("working days overdue"), default=0)
    escalated = models.BooleanField(_("escalation copy"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=SendStatus.choices, default=SendStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-day", "task", "email"]
        constraints = [
            models.UniqueConstraint(fields=["task", "email", "tier", "day"], name="one_reminder_per_task_recipient_day")
        ]

    def __str__(self):
        return f"{self.get_tier_display()} {self.task} → {self.email}"


class Notice(models.Model):
    """A numbered letter to one unit: a 督办通知单 for its tasks, or a 催办函 for those overdue. Its items are copied
    from the tasks when it is issued, so that reprinting it gives the paper that was sent."""

    class Kind(models.TextChoices):
        SUPERVISION = "supervision", _("supervision notice")
        URGING = "urging", _("urging letter")

    county = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="notices",
        limit_choices_to={"kind": Organisation.Kind.COUNTY},
        verbose_name=_("county"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    serial = models.PositiveIntegerField(_("serial number"))
    number = models.CharField(_("number"), max_length=60)
    recipient = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="notices_received", verbose_name=_("recipient unit")
    )
    issuing_office = models.CharField(_("issuing office"), max_length=120)
    reply_by = models.DateField(_("reply by"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    issued_at = models.DateTimeField(_("issued at"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            # The backstop of NoticeCounter: a number is never given twice in a county's series.
            models.UniqueConstraint(fields=["county", "kind", "year", "serial"], name="notice_unique_number"),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("projects:notice_detail", args=[self.pk])


class NoticeItem(models.Model):
    """One task as the notice states it: its title, deadline and source document when the notice was issued."""

    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="items", verbose_name=_("notice"))
    task = models.ForeignKey(
        Task, on_delete=models.SET_NULL, null=True, blank=True, related_name="notice_items", verbose_name=_("task")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=500)
    due = models.DateField(_("due"), null=True, blank=True)
    deadline_text = models.CharField(_("deadline as written"), max_length=200, blank=True)
    source = models.CharField(_("source document"), max_length=600, blank=True)

    class Meta:
        verbose_name = _("notice item")
        verbose_name_plural = _("notice items")
        ordering = ["notice", "position", "pk"]

    def __str__(self):
        return self.title


class NoticeCounter(models.Model):
    """The last serial number given in a county's series of one kind and year; issuing locks its row."""

    county = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+", verbose_name=_("county"))
    kind = models.CharField(_("kind"), max_length=20, choices=Notice.Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    last = models.PositiveIntegerField(_("last serial number"), default=0)

    class Meta:
        verbose_name = _("notice number series")
        verbose_name_plural = _("notice number series")
        constraints = [models.UniqueConstraint(fields=["county", "kind", "year"], name="notice_counter_unique")]

    def __str__(self):
        return f"{self.county} {self.get_kind_display()} {self.year}: {self.last}"
