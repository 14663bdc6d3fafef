"""Parsing and importing the three shared gazettes.

Parses each file in ../shared/gazettes/ (pure Python, no database), then imports all of them into a
throwaway test database on the configured server, and prints per-file and total times and documents
per second. Medians over --runs parses.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/bench_import.py [--runs 5]
"""

import argparse
import statistics
import sys
import time

from harness import throwaway_database  # first: it sets Django up

# isort: split
from django.conf import settings
from django.db import connection

from gazette import selectors, services
from gazette.models import Document
from gazette.parsing import decode_gazette_bytes, parse_gazette


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", type=int, default=100, help="copies of the imported documents to search over")
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

    with throwaway_database():
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
        search(options.copies, options.runs)


def search(copies, runs):
    """Search titles and bodies over many documents: the imported ones, copied ``copies`` times."""
    originals = list(Document.objects.all())
    for copy in range(copies):
        Document.objects.bulk_create(
            Document(
                issue_id=original.issue_id,
                title=f"{original.title}（副本{copy}）",
                number=f"{original.number}-{copy}" if original.number else "",
                raw_text=original.raw_text,
                order=original.order,
            )
            for original in originals
        )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE gazette_document")
    total = Document.objects.count()
    print(f"\nsearch over {total} documents ({connection.vendor}):")
    for word in ("农民工工资", "宗地", "不存在的词语组合"):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            queryset = selectors.search_documents(Document.objects.all(), word)
            found = queryset.count()
            list(queryset.order_by("-signed", "pk")[:50])
            times.append(time.perf_counter() - start)
        print(f"  “{word}”: {found:6d} found, {statistics.median(times) * 1000:8.1f} ms (search, count, first page)")


if __name__ == "__main__":
    main()
