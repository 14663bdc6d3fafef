"""Counties, organisations and their aliases, people, posts, unit access and leaders' portfolios."""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history import register
from simple_history.models import HistoricalRecords


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
            # The county is the tenant: every unit hangs below exactly one county, which hangs below none.
            models.CheckConstraint(
                condition=Q(kind="county", parent__isnull=True) | (~Q(kind="county") & Q(parent__isnull=False)),
                name="organisation_below_one_county",
                violation_error_message=_("A county stands alone; every other unit belongs below a county."),
            ),
        ]

    def __str__(self):
        return self.short_name or self.name

    def get_absolute_url(self):
        return reverse("org:organisation_detail", args=[self.pk])


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
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit access")
        verbose_name_plural = _("unit access")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="unit_access_unique")]

    def __str__(self):
        return f"{self.user} → {self.organisation}"


class CountyProfile(models.Model):
    """What a county office sets up for its county besides its units: the 文号 prefixes its documents use."""

    county = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="profile",
        limit_choices_to={"kind": "county"},
        verbose_name=_("county"),
    )
    number_prefixes = models.CharField(
        _("document number prefixes"),
        max_length=300,
        blank=True,
        help_text=_("The series its documents are numbered in, separated by spaces or 、: 交政发 交政办发 交政函"),
    )
    notice_prefix = models.CharField(
        _("notice number prefix"),
        max_length=20,
        blank=True,
        help_text=_("Opens the numbers of its 督办 and 催办 letters: 兴 gives 兴督办〔2026〕1号. Empty: short name."),
    )
    notice_office = models.CharField(
        _("office issuing notices"),
        max_length=120,
        blank=True,
        help_text=_("Signs its 督办 and 催办 letters. Empty: the county government's 督查室."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("county settings")
        verbose_name_plural = _("county settings")

    def __str__(self):
        return str(self.county)

    @property
    def prefixes(self):
        return [prefix for prefix in re.split(r"[\s、，,；;]+", self.number_prefixes) if prefix]


class CountyAccess(models.Model):
    """A county whose records a data manager or supervisor works on. Those with none work on no county, unless their
    account may see every county (a prefecture or province office: the permission org.see_all_counties)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="county_access", verbose_name=_("user")
    )
    county = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="county_access",
        limit_choices_to={"kind": "county"},
        verbose_name=_("county"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("county access")
        verbose_name_plural = _("county access")
        constraints = [models.UniqueConstraint(fields=["user", "county"], name="county_access_unique")]
        permissions = [("see_all_counties", _("Can see every county (prefecture or province office)"))]

    def __str__(self):
        return f"{self.user} → {self.county}"


class Person(models.Model):
    """A person of one county. Two people can share a name, in one county or in two, so a person is never looked up
    by name alone, and only among their county's people."""

    county = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="county_people",
        limit_choices_to={"kind": "county"},
        verbose_name=_("county"),
    )
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
        return reverse("org:person_detail", args=[self.pk])


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


# Accounts and roles are changed in the admin; their history is kept here (the auth app has no migrations of ours).
# The password hash is left out: a history is read by people who must not hold it.
register(get_user_model(), app="org", m2m_fields=["groups", "user_permissions"], excluded_fields=["password"])
register(Group, app="org", m2m_fields=["permissions"])
