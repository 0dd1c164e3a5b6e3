from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore a backup archive into an empty database and the file storages."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)

    def handle(self, *args, archive, **options):
        try:
            result = backup_restore(archive_path=archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"restored {result['database']} and {result['files']} files")
