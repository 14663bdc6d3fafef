"""Access to the real gazettes in ../shared/gazettes/, which are not part of the repository, and to the demo sample.

``LEDGER_SHARED_GAZETTES`` names another directory to look in instead: pointed at an empty one
(``LEDGER_SHARED_GAZETTES=/tmp/none pytest tests/gazette -rs``) it shows what runs on a fresh clone, where only the
full-size tests on the real gazettes skip; every layout they check is also checked on an invented sample in
tests/gazette/samples/.

``SAMPLE`` is the demo gazette shipped with the app (gazette/samples/sample-gazette.txt).
"""

import os
import re
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
SAMPLE = REPOSITORY / "gazette" / "samples" / "sample-gazette.txt"
GAZETTES = Path(os.environ.get("LEDGER_SHARED_GAZETTES") or REPOSITORY.parent / "shared" / "gazettes")


def gazette_text(name):
    path = GAZETTES / name
    if not path.exists():
        pytest.skip(f"{path} is not here: the real gazettes live beside the repository, in ../shared/gazettes/")
    return path.read_text(encoding="utf-8")


def without_spaces(text):
    return re.sub(r"\s+", "", text)


def loaded_once_per_module(load):
    """A fixture that loads data once for a whole test module, inside a transaction rolled back at its end.

    Each test still runs in its own savepoint (pytest-django's ``db``), so it sees the loaded data and
    leaves it as it found it. Loading the demo county takes seconds; once per module, not per test.
    """

    @pytest.fixture(scope="module")
    def fixture(django_db_setup, django_db_blocker):
        from django.db import transaction

        with django_db_blocker.unblock(), transaction.atomic():
            yield load()
            transaction.set_rollback(True)

    return fixture
