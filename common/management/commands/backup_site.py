from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext as _

from common import backups


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump, custom format; or the SQLite file) and the uploaded files (a tar of "
        "MEDIA_ROOT) into a timestamped folder in BACKUP_DIR, keeping the newest BACKUP_KEEP."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="Folder of the backups (default: BACKUP_DIR).")
        parser.add_argument("--keep", type=int, help="How many backups to keep (default: BACKUP_KEEP).")

    def handle(self, *args, **options):
        try:
            folder = backups.backup(
                connection.settings_dict,
                settings.MEDIA_ROOT,
                options["dir"] or settings.BACKUP_DIR,
                options["keep"] or settings.BACKUP_KEEP,
            )
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(_("Backup written to %(path)s") % {"path": folder})
