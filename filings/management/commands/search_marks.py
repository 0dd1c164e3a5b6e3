import csv
import json

from django.core.management.base import BaseCommand, CommandError

from filings.search.engine import marks_similar_to


def _classes(values) -> list[int]:
    try:
        classes = [int(v) for v in values]
    except ValueError:
        raise CommandError("classes are numbers from 1 to 45") from None
    if any(not 1 <= c <= 45 for c in classes):
        raise CommandError("classes are numbers from 1 to 45")
    return classes


class Command(BaseCommand):
    help = "Search the trademark register for marks similar to a proposed one."

    def add_arguments(self, parser):
        parser.add_argument("mark", nargs="?")
        parser.add_argument("--classes", nargs="*", default=[])
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--format", choices=["json", "jsonl", "table"], default="table")
        parser.add_argument("--batch", help="CSV file with columns query,classes")

    def handle(self, *args, mark, classes, limit, format, batch, **options):
        if batch:
            self._batch(batch, limit)
            return
        if not mark:
            raise CommandError("give a mark to search, or --batch FILE.csv")
        classes = _classes(classes)
        matches = marks_similar_to(mark, classes=classes, limit=limit)
        if format == "table":
            self.stdout.write(f"{'number':<14} {'mark':<32} {'classes':<12} score risk   reasons")
            for m in matches:
                self.stdout.write(
                    f"{m.number:<14} {m.mark[:32]:<32} "
                    f"{' '.join(map(str, m.nice_classes))[:12]:<12} {m.score:>5} "
                    f"{m.risk:<6} {', '.join(m.reasons)}"
                )
        elif format == "jsonl":
            for m in matches:
                self.stdout.write(json.dumps(m.as_dict(), ensure_ascii=False))
        else:
            payload = {
                "query": mark,
                "classes": classes,
                "results": [m.as_dict() for m in matches],
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))

    def _batch(self, path, limit):
        try:
            with open(path, encoding="utf-8-sig", newline="") as lines:
                reader = csv.DictReader(lines)
                if not reader.fieldnames or "query" not in reader.fieldnames:
                    raise CommandError("the batch file needs the columns query,classes")
                for row in reader:
                    query = (row.get("query") or "").strip()
                    classes = _classes((row.get("classes") or "").split())
                    results = marks_similar_to(query, classes=classes, limit=limit)
                    line = {
                        "query": query,
                        "classes": classes,
                        "results": [m.as_dict() for m in results],
                    }
                    self.stdout.write(json.dumps(line, ensure_ascii=False))
        except OSError as error:
            raise CommandError(str(error)) from error
