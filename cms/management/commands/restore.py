"""``manage.py restore <path>``: check an archive of ``manage.py backup`` and restore it."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from cms import backup


class Command(BaseCommand):
    help = (
        "Restore an archive of 'manage.py backup' into the configured (empty) PostgreSQL database "
        "and put its media files back into MEDIA_ROOT. Checks every checksum and refuses an "
        "archive made by newer migrations than this code has, before anything changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the archive (.tar, .tar.gz or .tgz) written by manage.py backup")
        parser.add_argument(
            "--force",
            action="store_true",
            help="restore into a database that is not empty: drop everything in its public schema first",
        )
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="the alias in settings.DATABASES (default: default)"
        )

    def handle(self, *args, path, force, database, **options):
        try:
            backup.restore_backup(path, using=database, force=force, log=self.stdout.write)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Restore complete: {path}"))
