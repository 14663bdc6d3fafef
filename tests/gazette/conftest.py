"""Fixtures of the gazette tests. Helpers shared with other apps' tests live in tests/shared.py (the demo sample's
path, the real gazettes) and tests/gazette/extracted.py (the invented samples, parsed and extracted once)."""

import pytest

from tests.shared import SAMPLE


@pytest.fixture
def demo_sample():
    """The demo gazette shipped with the app (gazette/samples/sample-gazette.txt), as a path."""
    return SAMPLE
