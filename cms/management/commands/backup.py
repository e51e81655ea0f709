"""``manage.py backup <path>``: one archive with the database, the media files and a manifest."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from cms import backup


class Command(BaseCommand):
    help = (
        "Write ONE archive (.tar, or .tar.gz/.tgz compressed) with a pg_dump (custom format) of "
        "the database, every file of MEDIA_ROOT and a manifest (versions, migrations, SHA-256 "
        "checksums). PostgreSQL only; docs/operations.md explains restoring and testing a restore."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            help="the archive to write (it must not exist yet), or a folder to write a dated .tar.gz into",
        )
        parser.add_argument(
            "--database", default=DEFAULT_DB_ALIAS, help="the alias in settings.DATABASES (default: default)"
        )

    def handle(self, *args, path, database, **options):
        try:
            archive = backup.create_backup(path, using=database, log=self.stdout.write)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Backup complete: {archive}"))
