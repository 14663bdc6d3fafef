import functools

import django_tables2 as tables
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .lights import RED, days_overdue
from .models import LIGHT_CHOICES, Task
from .selectors import task_lights


class TaskTable(tables.Table):
    light = tables.Column(verbose_name=_("Light"), empty_values=(), orderable=False)
    # The title heads the row's card on a phone (static/css/ledger.css), above the light.
    title = tables.Column(verbose_name=_("Task"), linkify=True, attrs={"td": {"class": "card-title"}})
    category = tables.Column(verbose_name=_("Category"))
    status = tables.Column(verbose_name=_("Status"))
    units = tables.Column(verbose_name=_("Units"), empty_values=(), orderable=False)
    due = tables.DateColumn(verbose_name=_("Due"), format="Y年n月j日")
    deadline_text = tables.Column(verbose_name=_("Deadline as written"))
    latest_percent = tables.Column(verbose_name=_("Progress %"))
    latest_report = tables.DateColumn(verbose_name=_("Latest report"), format="Y年n月j日")
    source_document = tables.Column(verbose_name=_("Source document"), accessor="source_document__number")

    class Meta:
        model = Task
        default = ""
        fields = (
            "light",
            "title",
            "category",
            "status",
            "units",
            "due",
            "deadline_text",
            "latest_percent",
            "latest_report",
            "source_document",
        )
        attrs = {"class": "data-table tasks"}

    def value_light(self, record):
        return str(dict(LIGHT_CHOICES)[self._light(record)])

    def render_light(self, record):
        light = self._light(record)
        label = dict(LIGHT_CHOICES)[light]
        late = days_overdue(light=light, due=record.due, today=self._today)
        if not late:
            return format_html('<span class="light light-{}">{}</span>', light, label)
        days = ngettext("overdue %(days)d day", "overdue %(days)d days", late) % {"days": late}
        if light == RED:  # "overdue" says no more than the days do
            return format_html('<span class="light light-red days-overdue">{}</span>', days)
        shown = format_html('<span class="light light-{}">{}</span>', light, label)
        return format_html('{} <span class="days-overdue">{}</span>', shown, days)

    def _light(self, record):
        return self._lights(record, percent=record.latest_percent)

    @functools.cached_property
    def _today(self):
        return timezone.localdate()

    @functools.cached_property
    def _lights(self):
        return task_lights()  # once per table, not once per row

    def value_units(self, record):
        return "、".join(
            f"{assignment.organisation or assignment.organisation_text}（{assignment.get_role_display()}）"
            for assignment in record.assignments.all()
        )

    def render_units(self, record):
        return self.value_units(record)
