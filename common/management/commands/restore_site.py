from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext as _

from common import backups


class Command(BaseCommand):
    help = (
        "Restore a backup into a new database (PostgreSQL: a new database on the same server; SQLite: a new file) "
        "and its uploaded files into an empty folder. Nothing existing is overwritten; point DATABASE_URL and "
        "MEDIA_ROOT at what it restored."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", nargs="?", help="A backup's folder (default: the newest in BACKUP_DIR).")
        parser.add_argument(
            "--database",
            help="The new database's name (SQLite: its file). Default: the current one's name with the backup's time.",
        )
        parser.add_argument("--media-root", help="An empty or new folder for the files (default: MEDIA_ROOT).")

    def handle(self, *args, **options):
        folder = Path(options["backup"]) if options["backup"] else self._newest()
        database = connection.settings_dict
        try:
            stamp = backups.read_manifest(folder)["created"].lower()
            target = options["database"] or self._default_target(database, stamp)
            restored = backups.restore(folder, database, target, options["media_root"] or settings.MEDIA_ROOT)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Restored %(backup)s into the database %(database)s and the files into %(media)s.")
            % {"backup": folder, "database": restored["NAME"], "media": options["media_root"] or settings.MEDIA_ROOT}
        )

    def _newest(self):
        found = backups.backups(settings.BACKUP_DIR)
        if not found:
            raise CommandError(_("No backup in %(path)s.") % {"path": settings.BACKUP_DIR})
        return found[-1]

    def _default_target(self, database, stamp):
        if backups.vendor(database) == "sqlite":
            current = Path(database["NAME"])
            return current.with_name(f"{current.stem}-{stamp}{current.suffix}")
        return f"{database['NAME']}_{stamp}"
