"""Recall@5 per kind of variant and false alarms of the trademark similarity search.

Builds a throwaway test database (on the embedded PostgreSQL, or DATABASE_URL's server),
imports the evaluation register plus synthetic distractors, runs every query of
bench/data/trademark_eval_queries.csv and prints the figures.

    .venv/bin/python bench/trademark_quality.py [--distractors 20000] [--show-misses]
"""

import argparse
import csv
import io
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.django_setup import setup  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--distractors", type=int, default=20000)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    setup()
    from django.db import connection

    from bench.marks_generator import synthetic_rows
    from filings.search.engine import marks_similar_to
    from filings.services.register_import import register_import_csv

    test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        with open(DATA / "trademark_eval_register.csv", encoding="utf-8") as lines:
            register_import_csv(lines=lines)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["number", "mark", "nice_classes", "owner", "status", "filing_date"])
        writer.writerows(synthetic_rows(args.distractors, seed=11))
        buffer.seek(0)
        register_import_csv(lines=buffer)

        found, total = defaultdict(int), defaultdict(int)
        false_alarms, misses = [], []
        with open(DATA / "trademark_eval_queries.csv", encoding="utf-8") as lines:
            for row in csv.DictReader(lines):
                classes = [int(c) for c in row["classes"].split()]
                results = marks_similar_to(row["query"], classes=classes, limit=5)
                if row["kind"] == "negative":
                    total["negative"] += 1
                    high = [m for m in results if m.risk == "high"]
                    if high:
                        false_alarms.append((row["query"], high[0].mark, high[0].score))
                    continue
                total[row["kind"]] += 1
                if any(m.number == row["expected"] for m in results):
                    found[row["kind"]] += 1
                else:
                    misses.append((row["kind"], row["query"], [(m.mark, m.score) for m in results]))
        print(f"register: 30 earlier marks + {args.distractors}")
        print(f"{'variant kind':<18} recall@5")
        positives = [k for k in total if k != "negative"]
        for kind in positives:
            print(f"{kind:<18} {found[kind]}/{total[kind]} = {found[kind] / total[kind]:.2f}")
        all_found = sum(found[k] for k in positives)
        all_total = sum(total[k] for k in positives)
        print(f"{'ALL':<18} {all_found}/{all_total} = {all_found / all_total:.2f}")
        print(
            f"false alarms (negative queries with a 'high' result): "
            f"{len(false_alarms)}/{total['negative']}"
        )
        for alarm in false_alarms:
            print("  false alarm:", alarm)
        if args.show_misses:
            for miss in misses:
                print("  miss:", miss)
    finally:
        connection.creation.destroy_test_db(test_db, verbosity=0)


if __name__ == "__main__":
    main()
