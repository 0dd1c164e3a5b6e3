from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from core.backup import backup_create


class Command(BaseCommand):
    help = "Back up the database and every uploaded file into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="archive path (default: var/backups/carres-<timestamp>.tar.gz)",
        )

    def handle(self, *args, output=None, **options):
        stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
        output = output or settings.VAR_DIR / "backups" / f"carres-{stamp}.tar.gz"
        manifest = backup_create(output=output)
        self.stdout.write(f"{output}: database (PostgreSQL), {len(manifest['files'])} files")
        for name in manifest.get("missing", []):
            self.stderr.write(f"missing from storage, not in the backup: {name}")
