"""The task generator behind generate_demo and the benchmarks (demo/generator.py)."""

import pytest

from demo.generator import generate_tasks
from projects.models import Assignment, Task

pytestmark = pytest.mark.django_db


def test_the_generator_builds_tasks_with_units_for_benchmarks():
    generate_tasks(120, organisations=5, batch=50)
    assert Task.objects.count() == 120
    assert not Task.objects.filter(assignments__isnull=True).exists()
    assert Assignment.objects.filter(role=Assignment.Role.LEAD).count() == 120
