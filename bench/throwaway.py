"""What every benchmark shares: Django set up, and a throwaway database of its own.

Import this module before anything from the project.
"""

import contextlib
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


@contextlib.contextmanager
def throwaway_database():
    """A fresh, migrated test database for the benchmark's data, dropped afterwards."""
    setup_test_environment()
    # A name of its own, so that a test run at the same time is left alone.
    if connection.vendor != "sqlite":
        connection.settings_dict["TEST"]["NAME"] = "ledger_bench"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
