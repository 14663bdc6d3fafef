"""Access to the real gazettes in ../shared/gazettes/, which are not part of the repository."""

import re
from pathlib import Path

import pytest

GAZETTES = Path(__file__).resolve().parents[1].parent / "shared" / "gazettes"


def gazette_text(name):
    path = GAZETTES / name
    if not path.exists():
        pytest.skip(f"{path} is not here: the real gazettes live beside the repository, in ../shared/gazettes/")
    return path.read_text(encoding="utf-8")


def without_spaces(text):
    return re.sub(r"\s+", "", text)
