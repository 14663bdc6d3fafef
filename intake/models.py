"""Proposals read from gazette documents, waiting for review."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


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
        PLAN = "plan", _("land supply plan")
        RATE = "rate", _("rate")
        PORTFOLIO = "portfolio", _("portfolio")
        UNIT = "unit", _("unit")

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
    rejection_reason = models.TextField(_("reason for rejecting"), blank=True)
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
        return f"{self.get_kind_display()} {self.display_label}"

    def get_absolute_url(self):
        return reverse("intake:proposal_review", args=[self.pk])

    @property
    def display_label(self):
        """The label, or one made from what the proposal holds when the extractor read no name (a roster printed
        without its group's name): the review list links every proposal by it, and an empty link cannot be clicked."""
        if self.label.strip():
            return self.label
        payload = self.payload if isinstance(self.payload, dict) else {}
        lines = _("lines %(start)s–%(end)s") % {"start": self.span_start, "end": self.span_end}
        parts = (self.get_kind_display(), self.document.number or self.document.title, _detail(self.kind, payload))
        return " · ".join(str(part) for part in (*parts, lines) if part)


def _detail(kind, payload):
    """A short text that tells this proposal from the document's others: a roster's office or first member, else the
    first of the payload's naming texts."""
    if kind == Proposal.Kind.ROSTER:
        if payload.get("office_host"):
            return _("office at %(unit)s") % {"unit": payload["office_host"]}
        for member in payload.get("members") or []:
            text = " ".join(part for part in (member.get("role"), member.get("name"), member.get("title")) if part)
            if text:
                return text
    for name in ("title", "label", "name", "item", "parcel_no", "project", "post", "description"):
        value = payload.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip().splitlines()[0][:60]
    return ""
