"""Speed of the leading-groups list and its export at county scale.

Builds, in a throwaway test database on the configured server, GROUPS groups with MEMBERS roster lines
each over 300 organisations, then times the list page (first page, a search, a unit's scoped view) and
the CSV/XLSX export of every row through the Django test client. Prints medians and query counts.

    .venv/bin/python bench/bench_groups.py [--groups 2000] [--members 20] [--runs 15]
"""

import argparse
import statistics
import time

from harness import throwaway_database  # first: it sets Django up

# isort: split
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def build(groups, members):
    from groups.models import LeadingGroup, Membership, Role
    from org import roles
    from org.models import Organisation, Person
    from tests.org.factories import UserFactory

    county = Organisation.objects.create(name="基准县人民政府", short_name="基准县", kind="county")
    units = Organisation.objects.bulk_create(
        Organisation(name=f"基准县第{n}局", short_name=f"县第{n}局", parent=county) for n in range(300)
    )
    people = Person.objects.bulk_create(Person(county=county, name=f"人员{n}") for n in range(groups * 2))
    created = LeadingGroup.objects.bulk_create(
        LeadingGroup(name=f"基准县第{n}项工作领导小组", county=county, office_host=units[n % 300])
        for n in range(groups)
    )
    roles_cycle = [Role.LEADER, Role.DEPUTY_LEADER] + [Role.MEMBER] * (members - 2)
    Membership.objects.bulk_create(
        Membership(
            group=group,
            role=role,
            position=index,
            person=people[(n * 7 + index) % len(people)],
            title="局长",
            organisation=units[(n + index) % 300],
        )
        for n, group in enumerate(created)
        for index, role in enumerate(roles_cycle)
    )
    manager = UserFactory(role=roles.DATA_MANAGER)
    unit_staff = UserFactory(role=roles.UNIT_STAFF, units=[units[0]])
    return manager, unit_staff


def measure(client, url, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        b"".join(response) if response.streaming else response.content
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), len(queries)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--groups", type=int, default=2000)
    parser.add_argument("--members", type=int, default=20)
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()

    with throwaway_database():
        start = time.perf_counter()
        manager, unit_staff = build(options.groups, options.members)
        print(
            f"database: {connection.vendor}; built {options.groups} groups × {options.members} members "
            f"in {time.perf_counter() - start:.1f} s"
        )
        as_manager, as_unit = Client(), Client()
        as_manager.force_login(manager)
        as_unit.force_login(unit_staff)
        cases = [
            ("list, first page", as_manager, "/groups/"),
            ("list, sorted by member count", as_manager, "/groups/?sort=-member_count"),
            ("list, search a member name", as_manager, "/groups/?q=人员17"),
            ("list, unit staff scope", as_unit, "/groups/"),
            ("group detail", as_manager, "/groups/1/"),
            ("export CSV, all rows", as_manager, "/groups/?_export=csv"),
            ("export XLSX, all rows", as_manager, "/groups/?_export=xlsx"),
        ]
        print(f"{'case':34} {'median ms':>10} {'queries':>8}")
        for label, client, url in cases:
            runs = max(3, options.runs // 5) if "export" in label else options.runs
            median, queries = measure(client, url, runs)
            print(f"{label:34} {median:10.1f} {queries:8d}")


if __name__ == "__main__":
    main()
