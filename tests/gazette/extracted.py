"""The extractor run on the shared gazettes and on the invented samples, once per file for all tests."""

import functools
from pathlib import Path

from gazette.extraction import extract_gazette
from gazette.parsing import parse_gazette
from tests.shared import gazette_text

SAMPLES = Path(__file__).resolve().parent / "samples"
SHARED_FILES = ("xingxian-2021-2.txt", "xingxian-2022-2.txt", "xingxian-2023-4.txt")


@functools.cache
def _extracted(text):
    return extract_gazette(parse_gazette(text), text)


def shared(name):
    """Per document extraction of a shared gazette (the test is skipped where the gazettes are absent)."""
    return _extracted(gazette_text(name))


def sample(name):
    return _extracted((SAMPLES / name).read_text(encoding="utf-8"))


def by_document(extractions):
    return {extraction.document.key: extraction for extraction in extractions}


def all_of(extractions, kind):
    return [proposal for extraction in extractions for proposal in getattr(extraction, kind)]
