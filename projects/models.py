from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from . import lights


class Organisation(models.Model):
    class Kind(models.TextChoices):
        COUNTY = "county", _("county government")
        DEPARTMENT = "department", _("county department")
        TOWNSHIP = "township", _("township")
        VILLAGE = "village", _("village or community")
        ENTERPRISE = "enterprise", _("enterprise")
        OTHER = "other", _("other")

    name = models.CharField(_("full name"), max_length=120)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent")
    )
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)
    reminder_contact = models.ForeignKey(
        "Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reminder contact"),
        help_text=_("Gets the reminders of this unit's tasks when an assignment names no contact person."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="organisation_unique_name_per_parent"),
        ]

    def __str__(self):
        return self.short_name or self.name

    def get_absolute_url(self):
        return reverse("projects:organisation_detail", args=[self.pk])


class OrganisationAlias(models.Model):
    """Another way the documents write an organisation's name (县卫体局 = 县卫生健康和体育局)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("organisation")
    )
    alias = models.CharField(_("alias"), max_length=120)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation alias")
        verbose_name_plural = _("organisation aliases")
        ordering = ["alias"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "alias"], name="alias_unique_per_organisation"),
        ]

    def __str__(self):
        return self.alias


class UnitAccess(models.Model):
    """Links a unit-staff account to an organisation whose records it may see and edit."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="unit_access", verbose_name=_("user")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="unit_access", verbose_name=_("organisation")
    )

    class Meta:
        verbose_name = _("unit access")
        verbose_name_plural = _("unit access")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="unit_access_unique")]

    def __str__(self):
        return f"{self.user} → {self.organisation}"


class Person(models.Model):
    """A person. Two people can share a name, so a person is never looked up by name alone."""

    name = models.CharField(_("name"), max_length=50, db_index=True)
    note = models.CharField(
        _("distinguishing note"), max_length=200, blank=True, help_text=_("Tells apart people of the same name.")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("user account"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name}（{self.note}）" if self.note else self.name

    def get_absolute_url(self):
        return reverse("projects:person_detail", args=[self.pk])


class Post(models.Model):
    """A person holding a title in an organisation for a period."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="posts", verbose_name=_("person"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="posts", verbose_name=_("organisation")
    )
    title = models.CharField(_("title"), max_length=120)
    start = models.DateField(_("from"), null=True, blank=True)
    end = models.DateField(_("until"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["organisation__sort_order", "organisation__name", "-start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="post_end_after_start",
                violation_error_message=_("A post cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.person.name} {self.organisation} {self.title}"


class LeadingGroup(models.Model):
    class Kind(models.TextChoices):
        LEADING_GROUP = "leading_group", _("leading group")
        LEADERSHIP_TEAM = "leadership_team", _("leadership team")
        COMMITTEE = "committee", _("committee")
        HEADQUARTERS = "headquarters", _("headquarters")
        JOINT_MEETING = "joint_meeting", _("joint meeting")
        TASK_FORCE = "task_force", _("task force")
        PREPARATORY = "preparatory", _("preparatory group")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        DISSOLVED = "dissolved", _("dissolved")
        SUPERSEDED = "superseded", _("superseded")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.LEADING_GROUP)
    county = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="county_groups",
        limit_choices_to={"kind": Organisation.Kind.COUNTY},
        verbose_name=_("county"),
    )
    source_document = models.ForeignKey(
        "gazette.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="leading_groups",
        verbose_name=_("source document"),
    )
    established = models.DateField(_("established"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    superseded_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supersedes",
        verbose_name=_("superseded by"),
    )
    member_change_rule = models.TextField(_("rule for member changes"), blank=True)
    office_host = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_group_offices",
        verbose_name=_("office host"),
    )
    office_host_text = models.CharField(_("office host as written"), max_length=200, blank=True)
    office_head = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="headed_group_offices",
        verbose_name=_("office head"),
    )
    office_head_text = models.CharField(_("office head as written"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("leading group")
        verbose_name_plural = _("leading groups")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="superseded") | Q(superseded_by__isnull=False),
                name="group_superseded_names_successor",
                violation_error_message=_("A superseded group must name the group that replaced it."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("projects:group_detail", args=[self.pk])


class Role(models.TextChoices):
    """Roster roles. Their order here is the order of a printed roster."""

    LEADER = "leader", _("leader")
    EXECUTIVE_DEPUTY_LEADER = "executive_deputy_leader", _("executive deputy leader")
    DEPUTY_LEADER = "deputy_leader", _("deputy leader")
    DIRECTOR = "director", _("director")
    EXECUTIVE_DEPUTY_DIRECTOR = "executive_deputy_director", _("executive deputy director")
    DEPUTY_DIRECTOR = "deputy_director", _("deputy director")
    COMMANDER = "commander", _("commander")
    EXECUTIVE_DEPUTY_COMMANDER = "executive_deputy_commander", _("executive deputy commander")
    DEPUTY_COMMANDER = "deputy_commander", _("deputy commander")
    CONVENER = "convener", _("convener")
    DEPUTY_CONVENER = "deputy_convener", _("deputy convener")
    MEMBER = "member", _("member")
    COMMITTEE_MEMBER = "committee_member", _("committee member")
    OFFICE_DIRECTOR = "office_director", _("office director")
    OFFICE_DEPUTY_DIRECTOR = "office_deputy_director", _("office deputy director")
    LIAISON = "liaison", _("liaison")


# Rank of each role in a roster: heads of every kind of body rank together, then deputies, members, office.
ROLE_RANK = {
    Role.LEADER: 10,
    Role.DIRECTOR: 10,
    Role.COMMANDER: 10,
    Role.CONVENER: 10,
    Role.EXECUTIVE_DEPUTY_LEADER: 20,
    Role.EXECUTIVE_DEPUTY_DIRECTOR: 20,
    Role.EXECUTIVE_DEPUTY_COMMANDER: 20,
    Role.DEPUTY_LEADER: 30,
    Role.DEPUTY_DIRECTOR: 30,
    Role.DEPUTY_COMMANDER: 30,
    Role.DEPUTY_CONVENER: 30,
    Role.MEMBER: 40,
    Role.COMMITTEE_MEMBER: 40,
    Role.OFFICE_DIRECTOR: 50,
    Role.OFFICE_DEPUTY_DIRECTOR: 60,
    Role.LIAISON: 70,
}
LEADER_ROLES = [role for role, rank in ROLE_RANK.items() if rank == 10]


class MembershipQuerySet(models.QuerySet):
    def in_roster_order(self):
        rank = models.Case(
            *[models.When(role=role, then=models.Value(rank)) for role, rank in ROLE_RANK.items()],
            default=models.Value(99),
            output_field=models.IntegerField(),
        )
        return self.annotate(role_rank=rank).order_by("role_rank", "position", "pk")


class Membership(models.Model):
    """One line of a roster: a named person, a position only, or a collective placeholder."""

    class MemberType(models.TextChoices):
        PERSON = "person", _("named person")
        POSITION = "position", _("position only")
        PLACEHOLDER = "placeholder", _("collective placeholder")

    group = models.ForeignKey(
        LeadingGroup, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("group")
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    position = models.PositiveSmallIntegerField(_("order within role"), default=0)
    member_type = models.CharField(
        _("member type"), max_length=20, choices=MemberType.choices, default=MemberType.PERSON
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="memberships", verbose_name=_("person")
    )
    title = models.CharField(
        _("title as written"),
        max_length=300,
        blank=True,
        help_text=_("The title as printed, the position, or the collective placeholder."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("unit represented"),
    )
    organisation_text = models.CharField(_("unit as written"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["group", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(member_type="person") & Q(person__isnull=False))
                | (~Q(member_type="person") & Q(person__isnull=True) & ~Q(title="")),
                name="membership_person_xor_title",
                violation_error_message=_(
                    "A named member needs a person; a position or placeholder needs its text and no person."
                ),
            ),
        ]

    def __str__(self):
        who = self.person.name if self.person_id else self.title
        return f"{self.get_role_display()} {who}"


# How the documents print each role and group kind; importers map printed labels through these.
ROLE_BY_PRINTED_LABEL = {
    "组长": Role.LEADER,
    "常务副组长": Role.EXECUTIVE_DEPUTY_LEADER,
    "副组长": Role.DEPUTY_LEADER,
    "主任": Role.DIRECTOR,
    "常务副主任": Role.EXECUTIVE_DEPUTY_DIRECTOR,
    "副主任": Role.DEPUTY_DIRECTOR,
    "指挥长": Role.COMMANDER,
    "常务副指挥长": Role.EXECUTIVE_DEPUTY_COMMANDER,
    "副指挥长": Role.DEPUTY_COMMANDER,
    "总召集人": Role.CONVENER,
    "副总召集人": Role.DEPUTY_CONVENER,
    "成员": Role.MEMBER,
    "委员": Role.COMMITTEE_MEMBER,
    "办公室主任": Role.OFFICE_DIRECTOR,
    "办公室副主任": Role.OFFICE_DEPUTY_DIRECTOR,
    "联络员": Role.LIAISON,
}
GROUP_KIND_BY_PRINTED_LABEL = {
    "领导小组": LeadingGroup.Kind.LEADING_GROUP,
    "领导组": LeadingGroup.Kind.LEADERSHIP_TEAM,
    "委员会": LeadingGroup.Kind.COMMITTEE,
    "指挥部": LeadingGroup.Kind.HEADQUARTERS,
    "联席会议": LeadingGroup.Kind.JOINT_MEETING,
    "工作专班": LeadingGroup.Kind.TASK_FORCE,
    "筹备组": LeadingGroup.Kind.PREPARATORY,
    "其他": LeadingGroup.Kind.OTHER,
}


# How each traffic light (projects.lights) is named to users.
LIGHT_CHOICES = [
    (lights.RED, _("overdue")),
    (lights.YELLOW, _("due soon or behind")),
    (lights.GREEN, _("on track")),
    (lights.HISTORICAL, _("late before entry")),
    (lights.NONE, _("no light")),
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
    """The reminder settings a data manager edits in the admin; one row."""

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
        ]

    def __str__(self):
        return str(_("reminder settings"))

    @classmethod
    def current(cls):
        return cls.objects.get_or_create(pk=1)[0]


class WorkdayException(models.Model):
    """A local exception to the national calendar: a day off the county adds, or a day it works."""

    date = models.DateField(_("date"), unique=True)
    is_workday = models.BooleanField(_("working day"), help_text=_("On: worked although a holiday; off: a day off."))
    note = models.CharField(_("note"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("local working-day exception")
        verbose_name_plural = _("local working-day exceptions")
        ordering = ["-date"]

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
    PENDING = "pending", _("pending")
    SENDING = "sending", _("sending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


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


class Proposal(models.Model):
    """A record the extractor read from a gazette document, waiting for a data manager to accept or reject it.

    Nothing enters the ledger unreviewed: accepting creates the record through the services and links it here.
    ``key`` fingerprints the proposal (document, kind, main text), so extracting again after a re-import updates
    pending proposals and leaves reviewed ones alone instead of duplicating them.
    """

    class Kind(models.TextChoices):
        ROSTER = "roster", _("roster")
        TASK = "task", _("task")
        PHASE = "phase", _("phase")
        PARCEL = "parcel", _("parcel")
        RATE = "rate", _("rate")
        PORTFOLIO = "portfolio", _("portfolio")

    class Status(models.TextChoices):
        PENDING = "pending", _("to review")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    # related_name "+": a pending proposal is not a ledger record, so it must not keep gazette from dropping a
    # document a re-import no longer finds (gazette.services._is_referenced looks at visible reverse relations).
    document = models.ForeignKey(
        "gazette.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    key = models.CharField(_("fingerprint"), max_length=64)
    label = models.CharField(_("label"), max_length=500)
    payload = models.JSONField(_("proposal"), encoder=DjangoJSONEncoder)
    span_start = models.PositiveIntegerField(_("first line in the source"))
    span_end = models.PositiveIntegerField(_("last line in the source"))
    position = models.PositiveIntegerField(_("order in document"), default=0)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("record type")
    )
    object_id = models.PositiveBigIntegerField(_("record id"), null=True, blank=True)
    accepted_object = GenericForeignKey("content_type", "object_id")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reopened by"),
    )
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["document", "kind", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["document", "kind", "key"], name="proposal_unique_per_document"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="proposal_accepted_object")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.label}"

    def get_absolute_url(self):
        return reverse("projects:proposal_review", args=[self.pk])


class LeaderPortfolio(models.Model):
    """A leader's share of the government's work as a 领导工作分工 notice divides it.

    A newer notice replaces a leader's earlier portfolio: the earlier one is kept, no longer current, and points at
    the one that replaced it. Units the ledger does not know stay as written, like an assignment's.
    """

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="portfolios", verbose_name=_("person"))
    post = models.CharField(_("post as written"), max_length=120)
    fields_of_work = models.TextField(_("fields of work"), blank=True)
    supervised = models.ManyToManyField(
        Organisation, blank=True, related_name="supervising_portfolios", verbose_name=_("units supervised")
    )
    supervised_text = models.TextField(_("other units supervised, as written"), blank=True)
    liaised = models.ManyToManyField(
        Organisation, blank=True, related_name="liaising_portfolios", verbose_name=_("units liaised with")
    )
    liaised_text = models.TextField(_("other units liaised with, as written"), blank=True)
    source_document = models.ForeignKey(
        "gazette.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="leader_portfolios",
        verbose_name=_("source document"),
    )
    source_passage = models.TextField(_("passage in the source"), blank=True)
    effective = models.DateField(_("in effect from"), null=True, blank=True)
    is_current = models.BooleanField(_("current"), default=True)
    superseded_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supersedes",
        verbose_name=_("superseded by"),
    )
    history = HistoricalRecords(m2m_fields=[supervised, liaised])

    class Meta:
        verbose_name = _("leader's portfolio")
        verbose_name_plural = _("leaders' portfolios")
        ordering = ["person__name", "-effective", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(is_current=True),
                name="one_current_portfolio_per_person",
                violation_error_message=_("A person has one current portfolio."),
            ),
        ]

    def __str__(self):
        return f"{self.person.name} {self.post}"

    def get_absolute_url(self):
        return self.person.get_absolute_url()
