"""Leading groups (领导小组, 委员会, 指挥部…) and their rosters."""

import re

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from org.models import Organisation, Person


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
        return reverse("groups:group_detail", args=[self.pk])


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
    OFFICE_EXECUTIVE_DEPUTY_DIRECTOR = "office_exec_deputy_director", _("office executive deputy director")
    OFFICE_DEPUTY_DIRECTOR = "office_deputy_director", _("office deputy director")
    OFFICE_MEMBER = "office_member", _("office member")
    SECRETARY_GENERAL = "secretary_general", _("secretary-general")
    DEPUTY_SECRETARY_GENERAL = "deputy_secretary_general", _("deputy secretary-general")
    ADVISER = "adviser", _("adviser")
    LIAISON = "liaison", _("liaison")


# Rank of each role in a roster: heads of every kind of body rank together, then deputies, members, office.
ROLE_RANK = {
    Role.ADVISER: 5,
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
    Role.SECRETARY_GENERAL: 45,
    Role.DEPUTY_SECRETARY_GENERAL: 46,
    Role.OFFICE_DIRECTOR: 50,
    Role.OFFICE_EXECUTIVE_DEPUTY_DIRECTOR: 55,
    Role.OFFICE_DEPUTY_DIRECTOR: 60,
    Role.OFFICE_MEMBER: 65,
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
    """One line of a roster: a named person, a position only, a member unit (成员单位: the unit itself, linked to the
    county's unit when one is found, and as written), or a collective placeholder."""

    class MemberType(models.TextChoices):
        PERSON = "person", _("named person")
        POSITION = "position", _("position only")
        UNIT = "unit", _("member unit")
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
                | (
                    Q(member_type="unit")
                    & Q(person__isnull=True)
                    & (Q(organisation__isnull=False) | ~Q(organisation_text=""))
                )
                | (~Q(member_type__in=["person", "unit"]) & Q(person__isnull=True) & ~Q(title="")),
                name="membership_person_xor_title",
                violation_error_message=_(
                    "A named member needs a person; a member unit needs its unit; a position or placeholder needs its "
                    "text; only a named member has a person."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()} {self.who}"

    @property
    def who(self):
        """The person's name, the member unit's name, or the position or placeholder as written."""
        if self.person_id:
            return self.person.name
        if self.member_type == self.MemberType.UNIT:
            return self.organisation.name if self.organisation_id else self.organisation_text
        return self.title


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
    "办公室常务副主任": Role.OFFICE_EXECUTIVE_DEPUTY_DIRECTOR,
    "办公室副主任": Role.OFFICE_DEPUTY_DIRECTOR,
    "办公室成员": Role.OFFICE_MEMBER,
    "秘书长": Role.SECRETARY_GENERAL,
    "副秘书长": Role.DEPUTY_SECRETARY_GENERAL,
    "顾问": Role.ADVISER,
    "联络员": Role.LIAISON,
}


def role_for_label(label):
    """The role a roster label names, as printed: 组长, 办公室常务副主任, and variants (第一组长 leads, 执行副组长 is
    the executive deputy, 总指挥 commands, 主任委员 directs a committee); a member (成员, or 办公室成员 in the office)
    when it names none of them, so that no line is lost for its label."""
    label = re.sub(r"\s+", "", label or "")
    if label in ROLE_BY_PRINTED_LABEL:
        return ROLE_BY_PRINTED_LABEL[label]
    office = label.startswith("办公室")
    core = label.removeprefix("办公室").removeprefix("第一").replace("执行副", "常务副")
    core = {
        "总指挥": "指挥长",
        "指挥": "指挥长",
        "副总指挥": "副指挥长",
        "主任委员": "主任",
        "副主任委员": "副主任",
    }.get(core, core)
    core = {"召集人": "总召集人", "副召集人": "副总召集人", "常务副总召集人": "副总召集人"}.get(core, core)
    if office:
        return ROLE_BY_PRINTED_LABEL.get("办公室" + core.replace("组长", "主任"), Role.OFFICE_MEMBER)
    return ROLE_BY_PRINTED_LABEL.get(core, Role.MEMBER)


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
