import functools

import django_tables2 as tables
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import exports
from .lights import RED, days_overdue
from .models import LIGHT_CHOICES, Assignment, Task
from .selectors import task_lights

CHINESE_DATE = "Y年n月j日"


class TaskTable(tables.Table):
    light = tables.Column(verbose_name=_("Light"), empty_values=(), orderable=False)
    # The title heads the row's card on a phone (static/css/ledger.css), above the light.
    # Each sort ends on the id, so that pages neither repeat nor skip tasks of equal values, and has an index on
    # the two (projects/models.py): a province's 1,000,000 tasks sorted without one took a second a page.
    title = tables.Column(
        verbose_name=_("Task"), linkify=True, attrs={"td": {"class": "card-title"}}, order_by=("title", "pk")
    )
    category = tables.Column(verbose_name=_("Category"), order_by=("category", "pk"))
    status = tables.Column(verbose_name=_("Status"), order_by=("status", "pk"))
    units = tables.Column(verbose_name=_("Units"), empty_values=(), orderable=False)
    due = tables.DateColumn(verbose_name=_("Due"), format=CHINESE_DATE, order_by=("due", "pk"))
    deadline_text = tables.Column(verbose_name=_("Deadline as written"), order_by=("deadline_text", "pk"))
    latest_percent = tables.Column(verbose_name=_("Progress %"), order_by=("latest_percent", "pk"))
    latest_report = tables.DateColumn(
        verbose_name=_("Latest report"), format=CHINESE_DATE, order_by=("latest_report", "pk")
    )
    source_document = tables.Column(
        verbose_name=_("Source document"),
        accessor="source_document__number",
        order_by=("source_document__number", "pk"),
    )

    # The task fields a row reads, those an export reads (its cells and its light), and the document it comes from:
    # the list fetches no more, leaving the description and the source passage, often a task's longest texts, behind.
    fields_read = ("source_document", *exports.TASK_FIELDS)

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
        return self._label("light", self._light(record))

    def render_light(self, record):
        light = self._light(record)
        label = self._labels["light"][light]
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

    def export_rows(self, tasks, names, chunk_size):
        """The rows of the queryset ``tasks``, each a list of the columns ``names``, equal to what ``as_values``
        gives (tests/projects/test_task_exports.py compares the two) without its per-cell machinery or model
        instances: exports of 100,000 tasks (issue 19)."""
        labels = self._labels
        lights, categories, statuses, roles = labels["light"], labels["category"], labels["status"], labels["role"]
        light_of = self._lights
        dates = _IsoDates()
        for task, units in exports.task_rows(tasks, chunk_size):
            light = light_of(task, percent=task.latest_percent)
            values = {
                "light": lights.get(light, light),
                "title": _value(task.title),
                "category": _value(categories.get(task.category, task.category)),
                "status": _value(statuses.get(task.status, task.status)),
                "units": "、".join(f"{name}（{roles.get(role, role)}）" for name, role in units),
                "due": dates[task.due],
                "deadline_text": _value(task.deadline_text),
                "latest_percent": _value(task.latest_percent),
                "latest_report": dates[task.latest_report],
                "source_document": _value(task.source_document__number),
            }
            yield [values[name] for name in names]

    def row_cells(self, record):
        """What django-tables2 renders for each of this table's columns of ``record`` (BoundRow.items(), which
        common/templatetags/ledger.table_cells otherwise asks), without its per-cell machinery: a third of the task
        list's time went to resolving accessors and looking columns up by name for every cell.
        tests/projects/test_task_list_cells.py compares the two over tasks in every state."""
        cells = {
            "light": lambda: self.render_light(record),
            "title": lambda: (
                format_html('<a href="{}">{}</a>', record.get_absolute_url(), record.title) if record.title else ""
            ),
            "category": lambda: self._label("category", record.category),
            "status": lambda: self._label("status", record.status),
            "units": lambda: self.render_units(record),
            "due": lambda: self.render_due(record.due),
            "deadline_text": lambda: record.deadline_text or "",
            "latest_percent": lambda: "" if record.latest_percent is None else record.latest_percent,
            "latest_report": lambda: self.render_latest_report(getattr(record, "latest_report", None)),
            "source_document": lambda: (record.source_document and record.source_document.number) or "",
        }
        return [cells[name]() for name in self._shown]

    @functools.cached_property
    def _shown(self):
        # Asked at the first row, once the view has hidden what it hides: django-tables2 walks every column's
        # visibility again on each iteration, twice a row.
        return [column.name for column in self.columns]

    def value_units(self, record):
        return "、".join(
            f"{part.organisation or part.organisation_text}（{self._label('role', part.role)}）"
            for part in record.assignments.all()
        )

    def _label(self, kind, value):
        """The label of a choice, as get_FOO_display() gives it (the value itself when it is not a choice)."""
        return self._labels[kind].get(value, value)

    @functools.cached_property
    def _labels(self):
        # Once per table, in the reader's language: get_FOO_display() hashes the field's choices again for every
        # call, a third of an export's time.
        choices = {
            "light": LIGHT_CHOICES,
            "category": Task._meta.get_field("category").flatchoices,
            "status": Task._meta.get_field("status").flatchoices,
            "role": Assignment._meta.get_field("role").flatchoices,
        }
        return {kind: {value: str(label) for value, label in pairs} for kind, pairs in choices.items()}

    def render_units(self, record):
        return self.value_units(record)

    # The dates formatted directly: a DateColumn renders a template for every cell (an empty one too), a fifth of
    # the list's time; and each date once a page, as a page's tasks share a few dozen.
    def render_due(self, value):
        return self._chinese_dates[value]

    def render_latest_report(self, value):
        return self._chinese_dates[value]

    @functools.cached_property
    def _chinese_dates(self):
        return _ChineseDates()

    # What the DateColumns gave as values, which the render methods above would otherwise replace.
    def value_due(self, value):
        return value.isoformat() if value else ""

    def value_latest_report(self, value):
        return value.isoformat() if value else ""


def _value(value):
    """A cell's exported value as django-tables2 gives it: nothing for an empty one."""
    return None if value in (None, "") else value


class _ChineseDates(dict):
    """A date as the list shows it, what ``dateformat.format(date, CHINESE_DATE)`` gives (2026年3月31日) at a tenth
    of its cost, made once per distinct date; nothing for no date."""

    def __missing__(self, date):
        self[date] = value = f"{date.year:04d}年{date.month}月{date.day}日" if date else ""
        return value


class _IsoDates(dict):
    """A date column's exported value as django-tables2's DateColumn gives it, made once per distinct date: ISO
    8601, and an empty text (the table's default) for no date, since a DateColumn renders its template even then."""

    def __missing__(self, date):
        self[date] = value = date.isoformat() if date else ""
        return value
