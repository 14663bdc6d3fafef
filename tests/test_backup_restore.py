"""Backups and the restore drill: what backup_site writes comes back whole with restore_site, and the site runs on
it."""

import datetime
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, transaction

from common import backups
from demo import compensation, land, qinglan, xingxian
from projects.models import ProgressReport, Task

ROOT = Path(__file__).resolve().parent.parent
ON_POSTGRES = "postgresql" in settings.DATABASES["default"]["ENGINE"]


# Backups on SQLite, whatever the test database: a file of its own.


def sqlite_database(path, rows):
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE item (name TEXT)")
        db.executemany("INSERT INTO item VALUES (?)", [(f"item {n}",) for n in range(rows)])
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}


def at(hour):
    return datetime.datetime(2025, 1, 2, hour, tzinfo=datetime.UTC)


def test_a_sqlite_backup_restores_the_file_and_the_uploaded_files(tmp_path):
    database = sqlite_database(tmp_path / "db.sqlite3", rows=3)
    (tmp_path / "media" / "imports").mkdir(parents=True)
    (tmp_path / "media" / "imports" / "公报.txt").write_text("兴县人民政府公报", encoding="utf-8")

    folder = backups.backup(database, tmp_path / "media", tmp_path / "backups", keep=3, now=at(2))
    restored = backups.restore(folder, database, tmp_path / "restored.sqlite3", tmp_path / "restored-media")

    with sqlite3.connect(restored["NAME"]) as db:
        assert db.execute("SELECT count(*) FROM item").fetchone() == (3,)
    assert (tmp_path / "restored-media" / "imports" / "公报.txt").read_text(encoding="utf-8") == "兴县人民政府公报"


def test_backups_beyond_the_number_kept_are_removed_oldest_first_and_a_partial_one_is_not_counted(tmp_path):
    database = sqlite_database(tmp_path / "db.sqlite3", rows=1)
    (tmp_path / "backups" / ".ledger-20250102T000000Z.partial").mkdir(parents=True)
    for hour in (1, 2, 3):
        backups.backup(database, tmp_path / "media", tmp_path / "backups", keep=2, now=at(hour))
    assert [path.name for path in backups.backups(tmp_path / "backups")] == [
        "ledger-20250102T020000Z",
        "ledger-20250102T030000Z",
    ]


def test_a_backup_that_fails_leaves_no_folder_behind(tmp_path):
    missing = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "absent.sqlite3")}
    with pytest.raises(backups.BackupError):
        backups.backup(missing, tmp_path / "media", tmp_path / "backups", keep=2)
    assert list((tmp_path / "backups").iterdir()) == []


def test_a_restore_refuses_to_write_over_files_or_an_existing_database(tmp_path):
    database = sqlite_database(tmp_path / "db.sqlite3", rows=1)
    folder = backups.backup(database, tmp_path / "media", tmp_path / "backups", keep=1)
    (tmp_path / "in-use" / "file.txt").parent.mkdir()
    (tmp_path / "in-use" / "file.txt").write_text("kept")
    with pytest.raises(backups.BackupError, match="in-use"):
        backups.restore(folder, database, tmp_path / "new.sqlite3", tmp_path / "in-use")
    with pytest.raises(backups.BackupError, match="db.sqlite3"):
        backups.restore(folder, database, tmp_path / "db.sqlite3", tmp_path / "new-media")
    assert (tmp_path / "in-use" / "file.txt").read_text() == "kept"


def test_a_backup_of_one_database_kind_is_not_restored_into_another(tmp_path):
    database = sqlite_database(tmp_path / "db.sqlite3", rows=1)
    folder = backups.backup(database, tmp_path / "media", tmp_path / "backups", keep=1)
    postgres = {"ENGINE": "django.db.backends.postgresql", "NAME": "ledger"}
    with pytest.raises(backups.BackupError, match="sqlite"):
        backups.restore(folder, postgres, "ledger_restored", tmp_path / "new-media")


# The drill on PostgreSQL


def table_fingerprints(cursor, tables):
    """Per table: its row count and an md5 of its rows in a fixed order."""
    found = {}
    for table in tables:
        cursor.execute(
            f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table}\" t"
        )
        found[table] = cursor.fetchone()
    return found


def sequence_values(cursor):
    cursor.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'")
    return dict(cursor.fetchall())


def load_demo_data():
    with transaction.atomic():
        xingxian.load_demo()
        qinglan.load_demo()
        land.load_demo()
        compensation.load_demo()
        compensation.load_demo_households()
        xingxian.ensure_demo_accounts()
    # An uploaded file, for the media half of the backup.
    ProgressReport.objects.create(
        task=Task.objects.order_by("pk").first(),
        date=datetime.date(2025, 1, 2),
        text="进展",
        percent=10,
        attachment=ContentFile("附件内容".encode(), name="附件.txt"),
    )


@pytest.mark.skipif(not ON_POSTGRES, reason="the drill restores a pg_dump: it needs DATABASE_URL=postgres://…")
@pytest.mark.django_db(transaction=True)
def test_restore_drill_brings_back_every_table_and_the_site_answers_on_it(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo_data()
    attachment = ProgressReport.objects.get().attachment.name
    call_command("backup_site", dir=str(tmp_path / "backups"), keep=2)
    [folder] = backups.backups(tmp_path / "backups")

    target = f"ledger_drill_{os.getpid()}"
    call_command("restore_site", str(folder), database=target, media_root=str(tmp_path / "restored-media"))
    source = connection.settings_dict
    restored = {"dbname": target, "host": source["HOST"], "port": source["PORT"] or None, "user": source["USER"]}
    try:
        tables = connection.introspection.table_names()
        with connection.cursor() as cursor:
            expected, sequences = table_fingerprints(cursor, tables), sequence_values(cursor)
        with psycopg.connect(**restored, password=source["PASSWORD"] or None) as copy, copy.cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            assert sorted(row[0] for row in cursor.fetchall()) == sorted(tables)
            assert table_fingerprints(cursor, tables) == expected
            # New rows in the restored database must not collide with the ids it holds.
            assert sequence_values(cursor) == sequences
        assert expected["projects_task"][0] > 0 and expected["groups_membership"][0] > 0
        restored_file = tmp_path / "restored-media" / attachment
        assert restored_file.read_text(encoding="utf-8") == "附件内容"

        password = f":{quote(source['PASSWORD'], safe='')}" if source["PASSWORD"] else ""
        url = (
            f"postgres://{quote(source['USER'], safe='')}{password}@{source['HOST']}:{source['PORT'] or 5432}/{target}"
        )
        env = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
        walked = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", "from tests.site_walk import main; main('manager')"],
            cwd=ROOT,
            env={
                **env,
                "DATABASE_URL": url,
                "MEDIA_ROOT": str(tmp_path / "restored-media"),
                "VAR_DIR": str(tmp_path / "var"),
                "DJANGO_MODE": "demo",
            },
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert walked.returncode == 0, walked.stdout + walked.stderr[-3000:]
        assert "walked" in walked.stdout
    finally:
        subprocess.run(
            ["dropdb", "--if-exists", "--force", target],
            env=backups.libpq_env(source),
            check=True,
        )


@pytest.mark.skipif(not ON_POSTGRES, reason="restores into PostgreSQL databases: it needs DATABASE_URL=postgres://…")
def test_a_restore_refuses_a_postgres_database_that_holds_tables(tmp_path, db):
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / backups.MANIFEST).write_text('{"database": "postgresql", "created": "20250102T000000Z"}')
    source = connection.settings_dict
    with pytest.raises(backups.BackupError, match=source["NAME"]):
        backups.restore(tmp_path / "backup", source, source["NAME"], tmp_path / "media")
