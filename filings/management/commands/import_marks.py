from django.core.management.base import BaseCommand, CommandError

from filings.services.register_import import InvalidRow, register_import_csv


class Command(BaseCommand):
    help = "Import (upsert by number) the trademark register from a CSV file."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--batch-size", type=int, default=5000)
        parser.add_argument("--quiet-progress", action="store_true")

    def handle(self, *args, file, batch_size, quiet_progress, **options):
        def progress(report):
            if not quiet_progress:
                self.stderr.write(
                    f"… {report.lines_read} lines read, {report.created_or_updated} saved, "
                    f"{len(report.rejected)} rejected"
                )

        def reject(line_number, reason):
            self.stderr.write(f"line {line_number}: rejected: {reason}")

        try:
            with open(file, encoding="utf-8-sig", newline="") as lines:
                report = register_import_csv(
                    lines=lines, batch_size=batch_size, on_progress=progress, on_reject=reject
                )
        except (OSError, InvalidRow, UnicodeDecodeError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{report.created_or_updated} marks imported or updated, "
            f"{len(report.rejected)} lines rejected, {report.lines_read} lines read."
        )
