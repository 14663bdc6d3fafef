"""Parsing and importing the three shared gazettes.

Parses each file in ../shared/gazettes/ (pure Python, no database), then imports all of them into a
throwaway test database on the configured server, and prints per-file and total times and documents
per second. Medians over --runs parses. Then copies the imported documents until there are --documents of them
and times searches through the document list as a data manager sees it (the first page of 50, with where the
words matched), with the plan PostgreSQL chose by itself, against the Django admin's changelist of the documents.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/bench_import.py \
        [--runs 5] [--documents 200000]
"""

import argparse
import statistics
import sys
import time
from urllib.parse import urlencode

from harness import calibration_ms, copy_documents, throwaway_database  # first: it sets Django up

# isort: split
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from gazette import selectors, services
from gazette.models import Document
from gazette.parsing import decode_gazette_bytes, parse_gazette
from org import roles
from tests.org.factories import UserFactory


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--documents", type=int, default=20000, help="documents to search over (copies)")
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
        search(options.documents, options.runs)


WORDS = (
    ("农民工工资", "five characters"),
    ("宗地", "two, in approvals of land"),
    ("工作", "two, in nearly every document"),
    ("E镇", "a Latin letter and a character"),
    ("不存在的词语组合", "nothing"),
)


def search(documents, runs):
    """Search titles and bodies over many documents: the imported ones, copied until there are ``documents``."""
    originals = list(Document.objects.all())
    copies = max(0, -(-(documents - len(originals)) // len(originals)))
    start = time.perf_counter()
    for copy in range(copies):
        copy_documents(originals, copy)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE gazette_document")
    print(f"\n{Document.objects.count()} documents written (and indexed) in {time.perf_counter() - start:.0f} s")
    measure(runs)


def measure(runs):
    """The searches, over whatever documents the database holds."""
    total = Document.objects.count()
    calibration = calibration_ms()
    print(f"calibration: 10,000,000 empty loop turns in {calibration:.0f} ms")
    manager = UserFactory(role=roles.DATA_MANAGER, username="bench-search")  # of the whole site: every document
    client = Client()
    client.force_login(manager)
    admin = timed(client, "/admin/gazette/document/", runs)
    print(f"search over {total} documents ({connection.vendor}): the document list, first page of 50")
    print(f"  {'query':34} {'found':>7} {'median ms':>10} {'queries':>8} {'÷ admin':>8} {'÷ calib.':>8}  plan")
    for word, what in WORDS:
        median, queries = timed(client, f"/gazette/documents/?{urlencode({'q': word})}", runs)
        found = selectors.search_documents(selectors.document_list(manager), word)
        plan = found.explain() if connection.vendor == "postgresql" else ""
        index = "pair index" if "gazette_document_search_bigrams" in plan else "no index"
        label = f"“{word}” ({what})"
        print(
            f"  {label:34} {found.count():7d} {median:10.1f} {queries:8d} {median / admin[0]:8.2f} "
            f"{median / calibration:8.2f}  {index if plan else ''}"
        )
    print(f"  {'Django admin changelist, 100 rows':34} {total:7d} {admin[0]:10.1f} {admin[1]:8d} {1:8.2f}")


def timed(client, url, runs):
    """(median ms, queries) of asking for the page ``runs`` times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), len(queries)


if __name__ == "__main__":
    main()
