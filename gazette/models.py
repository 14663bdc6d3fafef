from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .messages import warning_text


class Gazette(models.Model):
    """A county government's gazette (人民政府公报) as a publication."""

    name = models.CharField(_("name"), max_length=100)
    # The county as written; gazette/ knows nothing of projects.Organisation.
    county = models.CharField(_("county"), max_length=50)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gazette")
        verbose_name_plural = _("gazettes")
        ordering = ["county", "name"]
        constraints = [models.UniqueConstraint(fields=["county", "name"], name="gazette_unique_name_per_county")]

    def __str__(self):
        return self.name


class Issue(models.Model):
    gazette = models.ForeignKey(Gazette, on_delete=models.PROTECT, related_name="issues", verbose_name=_("gazette"))
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("issue number"))
    cumulative = models.PositiveIntegerField(_("cumulative number"), null=True, blank=True)
    published = models.DateField(_("publication date"), null=True, blank=True)
    source_name = models.CharField(_("source file name"), max_length=255, blank=True)
    source_hash = models.CharField(_("source file hash"), max_length=64, blank=True, db_index=True)
    source_text = models.TextField(_("source text"), blank=True)
    has_toc = models.BooleanField(_("has a table of contents"), default=False)
    toc = models.JSONField(_("table of contents"), default=list, blank=True)
    missing_from_body = models.JSONField(_("listed but not in the body"), default=list, blank=True)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    # The printed text and what parsing derives from it are the import's, kept on the issue; copying megabytes into
    # every historical row would tell nothing the import job does not.
    history = HistoricalRecords(excluded_fields=["source_text", "toc", "missing_from_body", "warnings"])

    class Meta:
        verbose_name = _("issue")
        verbose_name_plural = _("issues")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["gazette", "year", "number"], name="issue_unique_number_per_year"),
        ]

    def __str__(self):
        return _("%(gazette)s %(year)s No. %(number)s") % {
            "gazette": self.gazette.name,
            "year": self.year,
            "number": self.number,
        }

    def get_absolute_url(self):
        return reverse("gazette:issue_detail", args=[self.pk])


class Document(models.Model):
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="documents", verbose_name=_("issue"))
    number = models.CharField(_("document number"), max_length=60, blank=True, db_index=True)
    series = models.CharField(_("number series"), max_length=30, blank=True)
    year = models.PositiveSmallIntegerField(_("number year"), null=True, blank=True)
    sequence = models.PositiveIntegerField(_("sequence"), null=True, blank=True)
    issuer = models.CharField(_("issuer"), max_length=100, blank=True)
    number_raw = models.CharField(_("number as printed"), max_length=80, blank=True)
    title = models.CharField(_("title"), max_length=500)
    title_normalised = models.CharField(_("normalised title"), max_length=500, blank=True, db_index=True)
    kind = models.CharField(_("kind"), max_length=20, blank=True, help_text=_("Taken from the ending of the title."))
    addressee = models.TextField(_("addressee"), blank=True)
    signed = models.DateField(_("signed date"), null=True, blank=True)
    signed_raw = models.CharField(_("signed date as printed"), max_length=60, blank=True)
    is_public = models.BooleanField(_("public"), default=False)
    toc_page = models.PositiveSmallIntegerField(_("page in table of contents"), null=True, blank=True)
    raw_text = models.TextField(_("raw text"), blank=True)
    start_line = models.PositiveIntegerField(_("first line in the source"), null=True, blank=True)
    end_line = models.PositiveIntegerField(_("last line in the source"), null=True, blank=True)
    blocks = models.JSONField(_("body"), default=list, blank=True)
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    cited_numbers = models.JSONField(_("cited document numbers"), default=list, blank=True)
    order = models.PositiveSmallIntegerField(_("order in issue"), default=0)
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="instruments",
        verbose_name=_("issuing notice"),
        help_text=_("For an instrument attached to a 印发 notice: the notice that issues it."),
    )
    history = HistoricalRecords(excluded_fields=["raw_text", "blocks", "attachments"])

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        # Newest issue first (Issue.Meta.ordering); pk orders two counties' issues of the same year and number, so
        # that a page never repeats or skips a document (gazette.tables.NewestIssuesFirst relies on the order).
        ordering = ["issue", "order", "pk"]
        indexes = [
            models.Index(fields=["series", "year", "sequence"], name="document_number_parts"),
            models.Index(fields=["-signed", "-id"], name="document_newest_signed"),
        ]

    def __str__(self):
        return f"{self.title}（{self.number}）" if self.number else self.title

    def get_absolute_url(self):
        return reverse("gazette:document_detail", args=[self.pk])


def import_upload_path(job, filename):
    return f"imports/{job.created_by_id or 0}/{filename}"


class ImportJob(models.Model):
    """One uploaded gazette file and what importing it did."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        RUNNING = "running", _("importing")
        DONE = "done", _("imported")
        FAILED = "failed", _("failed")

    class Outcome(models.TextChoices):
        CREATED = "created", _("new issue")
        UPDATED = "updated", _("issue updated")
        UNCHANGED = "unchanged", _("already imported, nothing changed")

    file = models.FileField(_("file"), upload_to=import_upload_path)
    original_name = models.CharField(_("file name"), max_length=255)
    county = models.CharField(_("county"), max_length=50, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    number = models.PositiveSmallIntegerField(_("issue number"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    # Why it failed, as a message id and its values (``{"text", "params"}``), shown in the reader's language by
    # ``failure_text``; a plain string for a failure stored before failures were translated.
    failure = models.JSONField(_("error"), default=dict, blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    issue = models.ForeignKey(
        Issue, on_delete=models.SET_NULL, null=True, blank=True, related_name="import_jobs", verbose_name=_("issue")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("uploaded by")
    )
    created = models.DateTimeField(_("uploaded"), auto_now_add=True)
    started = models.DateTimeField(_("started"), null=True, blank=True)
    # Runs begun: a worker that died mid-import has its job delivered again, once.
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["report"])

    class Meta:
        verbose_name = _("gazette import")
        verbose_name_plural = _("gazette imports")
        ordering = ["-created", "-pk"]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("gazette:import_detail", args=[self.pk])

    def failure_text(self):
        """Why the import failed, in the active language; empty when it did not."""
        return warning_text(self.failure) if self.failure else ""
