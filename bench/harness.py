"""What every benchmark shares: Django set up, and a throwaway database of its own.

Import this module before anything from the project.
"""

import contextlib
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402


@contextlib.contextmanager
def throwaway_database(name="ledger_bench"):
    """A fresh, migrated test database (``name`` on a database server) for the benchmark's data, dropped
    afterwards."""
    # As a production server runs: no query log, and templates not instrumented the way
    # setup_test_environment() instruments them for tests (it made template-heavy pages look slow).
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # A name of its own, so that a test run at the same time is left alone.
    if connection.vendor != "sqlite":
        connection.settings_dict["TEST"]["NAME"] = name
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def calibration_ms():
    """How long this machine takes for ten million empty loop turns, to compare figures across machines."""
    start = time.perf_counter()
    for _ in range(10_000_000):
        pass
    return (time.perf_counter() - start) * 1000


@contextlib.contextmanager
def kept_database(name):
    """Like ``throwaway_database``, but the database stays for the next run, which finds its data already there:
    building a province's million tasks takes minutes, measuring them seconds."""
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    if connection.vendor == "sqlite":
        raise SystemExit("A kept database needs a database server: set DATABASE_URL.")
    connection.settings_dict["TEST"]["NAME"] = name
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=True, serialize=False)
    yield connection


# Past any real issue number of a year, and small enough for 3,000 copies within PositiveSmallIntegerField.
ISSUE_NUMBER_STEP = 10


def copy_documents(originals, copy):
    """One more copy of each of ``originals`` (gazette documents), its title and number marked with ``copy``: the
    search benchmarks' way to many documents. Each copy goes into a copy of its issue, numbered on past the real
    ones, so that the documents spread over issues of fifty-odd each as a real archive's do: a search's first page
    is the newest issues' matches."""
    from gazette.models import Document, Issue

    issues = {}
    for original in Issue.objects.filter(pk__in={document.issue_id for document in originals}):
        assert original.number < ISSUE_NUMBER_STEP, "a copy's issue number would collide with a real one"
        issues[original.pk] = Issue.objects.create(
            gazette_id=original.gazette_id,
            year=original.year,
            number=original.number + ISSUE_NUMBER_STEP * (copy + 1),
            published=original.published,
            source_name=f"{original.source_name}（副本{copy}）",
        )
    Document.objects.bulk_create(
        Document(
            issue=issues[original.issue_id],
            title=f"{original.title}（副本{copy}）",
            number=f"{original.number}-{copy}" if original.number else "",
            raw_text=original.raw_text,
            signed=original.signed,
            order=original.order,
        )
        for original in originals
    )
