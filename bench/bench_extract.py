"""Extraction accuracy and speed on the three shared gazettes (goals: roster lines and groups ≥ 99%, phases, parcels
and rates 100%; all three files in under two seconds).

Compares the extractor's proposals with the fixtures typed from reading the gazettes (tests/gazette/expected/) and
prints precision and recall per category; then times parsing and extracting all three files, --runs times, and
prints the median and the best. Pure Python: no database.

    .venv/bin/python bench/bench_extract.py --runs 5
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# isort: split
from gazette.extraction import extract_gazette  # noqa: E402
from gazette.parsing import parse_gazette  # noqa: E402
from tests.gazette.expected.scoring import scores  # noqa: E402

GAZETTES = ROOT.parent / "shared" / "gazettes"
FILES = ("xingxian-2021-2.txt", "xingxian-2022-2.txt", "xingxian-2023-4.txt")


def extract_all(texts):
    return {name: extract_gazette(parse_gazette(text), text) for name, text in texts.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    texts = {name: (GAZETTES / name).read_text(encoding="utf-8") for name in FILES}
    print(f"{'category':44} {'matched':>8} {'expected':>8} {'found':>6} {'recall':>8} {'precision':>9}")
    for score in scores(extract_all(texts)):
        print(
            f"{score.category:44} {score.matched:8} {score.expected:8} {score.found:6} "
            f"{score.recall:8.1%} {score.precision:9.1%}"
        )
    timings, extract_only = [], []
    parsed = {name: parse_gazette(text) for name, text in texts.items()}
    for _ in range(runs):
        start = time.perf_counter()
        extract_all(texts)
        timings.append(time.perf_counter() - start)
        start = time.perf_counter()
        for name, text in texts.items():
            extract_gazette(parsed[name], text)
        extract_only.append(time.perf_counter() - start)
    print(
        f"parse + extract, three files: median {statistics.median(timings) * 1000:.0f} ms, "
        f"best {min(timings) * 1000:.0f} ms ({runs} runs)"
    )
    print(
        f"extract only (already parsed): median {statistics.median(extract_only) * 1000:.0f} ms, "
        f"best {min(extract_only) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
