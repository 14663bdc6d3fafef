import csv
import datetime
import io

import pytest

from demo.generator import generate_tasks
from projects.models import Task
from tests.helpers import response_bytes

pytestmark = pytest.mark.django_db


def test_the_csv_export_streams_every_filtered_row_in_the_list_order(login, supervisor):
    generate_tasks(2500, organisations=4, batch=1000)  # more rows than one export chunk
    response = login(supervisor).get("/tasks/?_export=csv&status=in_progress&sort=-due")
    assert response.streaming
    rows = list(csv.reader(io.StringIO(response_bytes(response).decode("utf-8-sig"))))
    expected = list(Task.objects.filter(status="in_progress").order_by("-due", "pk").values_list("title", flat=True))
    titles = [row[1] for row in rows[1:]]
    assert len(titles) == len(expected) and sorted(titles) == sorted(expected)
    assert rows[0][1] == "任务"
    due = rows[0].index("完成时限")
    dues = [datetime.date.fromisoformat(row[due]) for row in rows[1:]]
    assert dues == sorted(dues, reverse=True)


def test_an_empty_export_still_has_its_header(login, supervisor):
    response = login(supervisor).get("/tasks/?_export=csv&q=不存在")
    assert list(csv.reader(io.StringIO(response_bytes(response).decode("utf-8-sig"))))[0][1] == "任务"
