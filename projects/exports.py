"""The task list's export read without model instances (issue 19): building a Task, its source document and the
prefetched assignments with their organisations cost most of an export of 100,000 tasks."""

from collections import defaultdict

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from .models import Assignment

# What a row of the export shows, and what its light is decided from (``selectors.task_lights``).
TASK_FIELDS = (
    "pk",
    "county_id",
    "title",
    "category",
    "status",
    "due",
    "as_of",
    "start",
    "deadline_text",
    "latest_percent",
    "latest_report",
    "source_document__number",
)


def task_rows(tasks, chunk_size):
    """Each task of the queryset ``tasks``, in its order, as a named tuple of ``TASK_FIELDS`` with its units: a list
    of (unit's name, role) in the order the task lists them. Two queries for every ``chunk_size`` tasks, whatever
    the queryset prefetches."""
    rows = tasks.prefetch_related(None).values_list(*TASK_FIELDS, named=True).iterator(chunk_size=chunk_size)
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == chunk_size:
            yield from _with_units(chunk)
            chunk = []
    yield from _with_units(chunk)


def _with_units(chunk):
    if not chunk:
        return
    units = defaultdict(list)
    parts = (
        _parts_of([row.pk for row in chunk])
        .order_by("task_id", "position", "pk")
        .values_list(
            "task_id", "organisation_id", "organisation__short_name", "organisation__name", "organisation_text", "role"
        )
    )
    for task_id, organisation_id, short_name, name, text, role in parts:
        # As str(assignment.organisation or assignment.organisation_text) names it.
        units[task_id].append((short_name or name if organisation_id is not None else text, role))
    for row in chunk:
        yield row, units.get(row.pk, ())


def _parts_of(task_ids):
    if connection.vendor == "postgresql":
        # One array parameter rather than 2,000 placeholders, each of which Django and psycopg handle in Python.
        where = RawSQL(f'"{Assignment._meta.db_table}"."task_id" = ANY(%s)', (task_ids,), output_field=BooleanField())
        return Assignment.objects.filter(where)
    return Assignment.objects.filter(task_id__in=task_ids)
