"""Parsing and extraction time on generated gazettes of n, 2n and 4n items, with the 4n/n ratio.

The shapes (tests/gazette/scaling_inputs.py): many task items, long rosters, many parcels, long tables, deep
brackets, very long lines, many contents lines, plans, portfolios, phases. Each run parses, extracts the drafts and
then the units they name. Linear work shows as a 4n/n ratio near 4. Prints the median of --runs for each size.
Pure Python: no database.

    .venv/bin/python bench/bench_scaling.py --n 1000 --runs 3
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# isort: split
from gazette.extraction import extract_gazette, extract_units  # noqa: E402
from gazette.parsing import GazetteParseError, parse_gazette  # noqa: E402
from tests.gazette.scaling_inputs import SHAPES  # noqa: E402


def parse_and_extract(text):
    try:
        extract_units(extract_gazette(parse_gazette(text), text))
    except GazetteParseError:
        pass  # contents_only is refused, after parsing all of it


def median_seconds(text, runs):
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        parse_and_extract(text)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("shapes", nargs="*", help=f"some of {', '.join(SHAPES)}; all when none is named")
    args = parser.parse_args()
    unknown = set(args.shapes) - set(SHAPES)
    if unknown:
        parser.error(f"unknown shapes: {', '.join(sorted(unknown))}")
    sizes = (args.n, 2 * args.n, 4 * args.n)
    print(f"{'shape':16} {'KB at 4n':>9} " + " ".join(f"{f'ms n={n}':>12}" for n in sizes) + f" {'4n/n':>6}")
    for name in args.shapes or SHAPES:
        medians = [median_seconds(SHAPES[name](n), args.runs) for n in sizes]
        kilobytes = len(SHAPES[name](sizes[-1]).encode()) // 1024
        row = " ".join(f"{seconds * 1000:12.0f}" for seconds in medians)
        print(f"{name:16} {kilobytes:9} {row} {medians[-1] / medians[0]:6.1f}", flush=True)


if __name__ == "__main__":
    main()
