from django.db import models
from django.utils.translation import gettext_lazy as _


class CountyFigures(models.Model):
    """A county's task figures as the roll-up shows them, counted by ``services.recount`` and kept: counting them
    for a province's 1,000,000 tasks takes over a second, reading them a millisecond. Figures of another day (the
    overdue ones change at midnight) or older than ``services.FRESH_FOR`` are counted again when asked for."""

    county = models.OneToOneField(
        "org.Organisation", on_delete=models.CASCADE, primary_key=True, related_name="+", verbose_name=_("county")
    )
    counted_on = models.DateField(_("counted for the day"))
    counted_at = models.DateTimeField(_("counted at"))
    tasks = models.PositiveIntegerField(_("tasks"), default=0)
    open = models.PositiveIntegerField(_("open tasks"), default=0)
    overdue = models.PositiveIntegerField(_("overdue"), default=0)
    closed_with_due = models.PositiveIntegerField(_("closed with a due date"), default=0)
    closed_on_time = models.PositiveIntegerField(_("closed on time"), default=0)
    without_reminders = models.PositiveIntegerField(_("open tasks without reminders"), default=0)

    class Meta:
        verbose_name = _("county figures")
        verbose_name_plural = _("county figures")

    def __str__(self):
        return f"{self.county_id} {self.counted_at:%Y-%m-%d %H:%M}"


# What a row counts, in the order of the roll-up's columns.
FIGURES = ("tasks", "open", "overdue", "closed_with_due", "closed_on_time", "without_reminders")
