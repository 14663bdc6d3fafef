"""Backups of the site and their restore.

A backup is one folder ``ledger-<UTC time>`` in the backup directory holding the database (PostgreSQL: ``pg_dump``'s
custom format; SQLite: a consistent copy of the file), a tar of the uploaded files (``MEDIA_ROOT``) and a manifest.
It is written under a hidden ``.partial`` name and renamed when complete, so a backup that died half-way is never
taken for one (nor counted when old ones are pruned).

A restore never writes over a database or a media folder: it creates a new database (or SQLite file), or fills an
empty one created for it, and an empty folder; the operator then points ``DATABASE_URL`` (and ``MEDIA_ROOT``) at
them. Works on Django's connection settings and the folders it is given; knows no app.
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from contextlib import closing
from pathlib import Path

import psycopg
from django.utils.translation import gettext as _

PREFIX = "ledger-"
POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_TAR = "media.tar.gz"
MANIFEST = "manifest.json"
STAMP = "%Y%m%dT%H%M%SZ"


class BackupError(Exception):
    pass


def vendor(database):
    engine = database["ENGINE"]
    if "postgresql" in engine:
        return "postgresql"
    if "sqlite3" in engine:
        return "sqlite"
    raise BackupError(_("Backups know PostgreSQL and SQLite, not %(engine)s.") % {"engine": engine})


def libpq_env(database):
    """The PostgreSQL client tools' environment for Django's connection settings (the password never on the
    command line, where other users of the machine could read it)."""
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if database.get(key):
            env[name] = str(database[key])
    if database.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = database["OPTIONS"]["sslmode"]
    return env


def _run(command, database):
    try:
        subprocess.run(command, env=libpq_env(database), check=True, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(
            _("%(command)s is not installed (Debian: apt-get install postgresql-client).") % {"command": command[0]}
        ) from error
    except subprocess.CalledProcessError as error:
        raise BackupError(
            _("%(command)s failed: %(error)s") % {"command": command[0], "error": error.stderr.strip()}
        ) from error


def _postgres_tables(database, name):
    """How many tables the database ``name`` holds on the server of ``database``; None when it does not exist.
    An empty one, created beforehand by the server's administrator, spares the site's role the right to create
    databases."""
    server = {"host": database.get("HOST") or None, "port": database.get("PORT") or None}
    server |= {"user": database.get("USER") or None, "password": database.get("PASSWORD") or None}
    server["sslmode"] = database.get("OPTIONS", {}).get("sslmode")
    server = {key: value for key, value in server.items() if value is not None}
    with psycopg.connect(dbname=database["NAME"], autocommit=True, **server) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return None
    with psycopg.connect(dbname=name, autocommit=True, **server) as connection:
        return connection.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0]


def backups(backup_dir):
    """The complete backups in ``backup_dir``, oldest first."""
    backup_dir = Path(backup_dir)
    if not backup_dir.is_dir():
        return []
    return sorted(path for path in backup_dir.iterdir() if path.is_dir() and path.name.startswith(PREFIX))


def backup(database, media_root, backup_dir, keep, now=None):
    """Write a backup of ``database`` (Django connection settings) and ``media_root`` into ``backup_dir``, then keep
    only the newest ``keep`` backups there. Returns the new backup's folder."""
    if keep < 1:
        raise BackupError(_("Keep at least one backup."))
    kind = vendor(database)
    stamp = (now or datetime.datetime.now(datetime.UTC)).strftime(STAMP)
    backup_dir = Path(backup_dir)
    final = backup_dir / f"{PREFIX}{stamp}"
    if final.exists():
        raise BackupError(_("%(path)s exists already.") % {"path": final})
    partial = backup_dir / f".{PREFIX}{stamp}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        if kind == "postgresql":
            dump = partial / POSTGRES_DUMP
            command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"]
            _run([*command, database["NAME"]], database)
        else:
            _copy_sqlite(Path(database["NAME"]), partial / SQLITE_COPY)
        with tarfile.open(partial / MEDIA_TAR, "w:gz") as tar:
            if Path(media_root).is_dir():
                tar.add(media_root, arcname=".")
        manifest = {"created": stamp, "database": kind, "name": str(database["NAME"]), "media_root": str(media_root)}
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    for old in backups(backup_dir)[:-keep]:
        shutil.rmtree(old)
    return final


def _copy_sqlite(source, target):
    # SQLite's backup API copies a consistent state even while the site writes; copying the file might not.
    if not source.is_file():
        raise BackupError(_("No SQLite database at %(path)s.") % {"path": source})
    with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def read_manifest(folder):
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise BackupError(_("%(path)s is not a backup: it has no manifest.json.") % {"path": folder})
    return json.loads(path.read_text(encoding="utf-8"))


def restore(folder, database, target, media_root):
    """Restore the backup in ``folder`` into a new database ``target`` (PostgreSQL: a database name on the server of
    ``database``, the current connection settings; SQLite: a file path) and its files into ``media_root``, which must
    be empty or absent. Returns the restored database's connection settings."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    kind = vendor(database)
    if manifest["database"] != kind:
        raise BackupError(
            _("This backup holds a %(backup)s database; the site runs on %(site)s.")
            % {"backup": manifest["database"], "site": kind}
        )
    media_root = Path(media_root)
    if media_root.exists() and any(media_root.iterdir()):
        raise BackupError(_("%(path)s is not empty: give an empty or new folder for the files.") % {"path": media_root})
    restored = {**database, "NAME": str(target)}
    if kind == "postgresql":
        tables = _postgres_tables(database, str(target))
        if tables:
            raise BackupError(_("The database %(name)s exists and holds tables.") % {"name": target})
        if tables is None:
            # template0: an empty database, whatever was added to template1 on this server.
            _run(["createdb", "--template=template0", "--encoding=UTF8", str(target)], database)
        try:
            command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", f"--dbname={target}"]
            _run([*command, str(folder / POSTGRES_DUMP)], database)
        except BackupError:
            if tables is None:
                _run(["dropdb", str(target)], database)
            raise
    else:
        target = Path(target)
        if target.exists():
            raise BackupError(_("%(path)s exists: restore into a new file.") % {"path": target})
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / SQLITE_COPY, target)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / MEDIA_TAR, "r:gz") as tar:
        tar.extractall(media_root, filter="data")
    return restored
