"""Synthetic tasks at county scale, for benchmarks and load checks. Never part of the demo data."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from common.forms import forget_choices
from org.models import Organisation
from projects.models import Assignment, ProgressReport, Task

ROLES = [Assignment.Role.LEAD, Assignment.Role.RESPONSIBLE, Assignment.Role.SUPPORTING]
STATUSES = [Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS] * 4 + [Task.Status.CLOSING_REQUESTED, Task.Status.PAUSED]


@transaction.atomic
def generate_tasks(count, *, organisations=300, seed=1, batch=5000):
    """``count`` tasks over ``organisations`` synthetic units of a new county, each with 1–3 assignments and 0–2
    reports; returns the units (their parent is the county)."""
    rng = random.Random(seed)
    today = timezone.localdate()
    county = Organisation.objects.create(name=f"生成县人民政府{seed}", short_name=f"生成县{seed}", kind="county")
    units = Organisation.objects.bulk_create(
        Organisation(name=f"生成县第{n}单位", short_name=f"第{n}单位", parent=county) for n in range(organisations)
    )
    forget_choices()  # a bulk write sends no signal: the drop-downs list the new units
    created = 0
    while created < count:
        size = min(batch, count - created)
        reports = [
            sorted(
                (today - datetime.timedelta(days=rng.randrange(60)), rng.randrange(101))
                for _report in range(rng.randrange(3))
            )
            for _n in range(size)
        ]
        tasks = Task.objects.bulk_create(
            Task(
                county=county,
                title=f"生成任务{created + n}：推进第{rng.randrange(1000)}项重点工作",
                status=rng.choice(STATUSES),
                due=today + datetime.timedelta(days=rng.randrange(-200, 400)),
                deadline_text="年底前",
                precision=Task.Precision.DAY,
                as_of=today - datetime.timedelta(days=rng.randrange(200, 400)),
                latest_report=reports[n][-1][0] if reports[n] else None,
                latest_percent=reports[n][-1][1] if reports[n] else None,
            )
            for n in range(size)
        )
        Assignment.objects.bulk_create(
            Assignment(task=task, organisation=unit, role=role, position=position)
            for task in tasks
            for position, (unit, role) in enumerate(zip(rng.sample(units, rng.randint(1, 3)), ROLES, strict=False))
        )
        ProgressReport.objects.bulk_create(
            ProgressReport(task=task, date=date, text="进展顺利", percent=percent)
            for task, task_reports in zip(tasks, reports, strict=True)
            for date, percent in task_reports
        )
        created += size
    return units
