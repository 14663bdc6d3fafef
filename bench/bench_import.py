"""Parsing and importing the three shared gazettes.

Parses each file in ../shared/gazettes/ (pure Python, no database), then imports all of them into a
throwaway test database on the configured server, and prints per-file and total times and documents
per second. Medians over --runs parses.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/bench_import.py [--runs 5]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from gazette import services  # noqa: E402
from gazette.parsing import decode_gazette_bytes, parse_gazette  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    files = sorted(settings.SHARED_GAZETTES_DIR.glob("*.txt"))
    if not files:
        sys.exit(f"No gazettes in {settings.SHARED_GAZETTES_DIR}: this benchmark needs the shared files.")
    data = {path.name: path.read_bytes() for path in files}

    print(f"{'file':24} {'KB':>6} {'docs':>5} {'parse ms (median)':>18}")
    parse_total = 0.0
    for name, raw in data.items():
        times = []
        for _ in range(options.runs):
            start = time.perf_counter()
            parsed = parse_gazette(decode_gazette_bytes(raw))
            times.append(time.perf_counter() - start)
        parse_total += statistics.median(times)
        print(f"{name:24} {len(raw) // 1024:6d} {len(parsed.documents):5d} {statistics.median(times) * 1000:18.1f}")
    print(f"parse, all files: {parse_total * 1000:.1f} ms")

    setup_test_environment()
    if connection.vendor != "sqlite":
        connection.settings_dict["TEST"]["NAME"] = "ledger_bench"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        total_seconds, total_documents = 0.0, 0
        print(f"\nimport into {connection.vendor}:")
        for name, raw in data.items():
            start = time.perf_counter()
            result = services.import_gazette(raw, name=name)
            seconds = time.perf_counter() - start
            documents = result.issue.documents.count()
            total_seconds += seconds
            total_documents += documents
            print(f"{name:24} {documents:5d} documents {seconds * 1000:9.1f} ms {documents / seconds:8.1f} documents/s")
        print(f"import, all files: {total_seconds * 1000:.1f} ms, {total_documents / total_seconds:.1f} documents/s")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
