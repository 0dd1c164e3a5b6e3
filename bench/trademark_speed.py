"""Latency of the similarity search at 1,000,000 marks on PostgreSQL, against brute force.

    .venv/bin/python bench/trademark_speed.py [--marks 1000000] [--queries 300] [--brute 60]
        [--reuse]   # skip generation and import when the bench database is already loaded
    BENCH_DB=carres_h6_bench .venv/bin/python bench/trademark_speed.py ...  # another database

Generates a synthetic register (with the evaluation register planted in it), imports it with
the same service as `import_marks` into the database carres_i5_bench (or $BENCH_DB), then
times the indexed search. The brute-force baseline scores every mark with rapidfuzz (visual and
phonetic keys), keeps the best 200 and reranks them with the same scorer; recall@5 of both is
measured on queries whose intended earlier mark is known.
"""

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_NAME = os.environ.get("BENCH_DB", "carres_i5_bench")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
os.environ["DATABASE_URL"] = f"{PG}/{DB_NAME}"

from bench.django_setup import setup  # noqa: E402
from bench.marks_generator import synthetic_rows  # noqa: E402

MUTATIONS = [
    lambda w, r: w.replace("C", "K", 1) if "C" in w else w.replace("K", "C", 1),
    lambda w, r: w.replace("F", "PH", 1) if "F" in w else w.replace("PH", "F", 1),
    lambda w, r: w + " MAROC",
    lambda w, r: "PREMIUM " + w,
    lambda w, r: w.replace("O", "0", 1) if "O" in w else w.replace("I", "1", 1),
    lambda w, r: _swap(w, r),
    lambda w, r: w[: len(w) // 2] + "-" + w[len(w) // 2 :],
    lambda w, r: w.replace("OU", "W", 1) if "OU" in w else w + w[-1],
]


def _swap(word, rng):
    if len(word) < 4:
        return word + word[-1]
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def psql(sql, db="postgres"):
    subprocess.run(["psql", f"{PG}/{db}", "-q", "-c", sql], check=True)


def build(marks: int, csv_path: Path):
    print(f"generating {marks} marks into {csv_path} …", flush=True)
    with open(csv_path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["number", "mark", "nice_classes", "owner", "status", "filing_date"])
        with open(ROOT / "bench/data/trademark_eval_register.csv", encoding="utf-8") as planted:
            next(planted)
            for row in csv.reader(planted):
                writer.writerow(row)
        writer.writerows(synthetic_rows(marks - 30, seed=2026))
    psql(f"DROP DATABASE IF EXISTS {DB_NAME}")
    psql(f"CREATE DATABASE {DB_NAME}")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from filings.services.register_import import register_import_csv

    started = time.perf_counter()

    def progress(report):
        if report.lines_read % 100000 < 5000:
            print(
                f"  … {report.lines_read} lines, {time.perf_counter() - started:.0f} s", flush=True
            )

    with open(csv_path, encoding="utf-8", newline="") as lines:
        report = register_import_csv(lines=lines, batch_size=5000, on_progress=progress)
    print(
        f"imported {report.created_or_updated} marks in {time.perf_counter() - started:.0f} s "
        f"({len(report.rejected)} rejected)",
        flush=True,
    )
    psql("VACUUM ANALYZE filings_registermark", db=DB_NAME)


def make_queries(count: int, rng: random.Random):
    from filings.models import RegisterMark

    queries = []
    with open(ROOT / "bench/data/trademark_eval_queries.csv", encoding="utf-8") as lines:
        for row in csv.DictReader(lines):
            if row["kind"] != "negative":
                queries.append(
                    (row["query"], [int(c) for c in row["classes"].split()], row["expected"])
                )
    max_id = RegisterMark.objects.order_by("-id").values_list("id", flat=True).first()
    while len(queries) < count:
        mark = RegisterMark.objects.filter(id__gte=rng.randint(1, max_id)).order_by("id").first()
        if mark.script != "latin":
            continue
        variant = rng.choice(MUTATIONS)(mark.mark, rng)
        queries.append((variant, mark.class_list[:1], mark.number))
    return queries


def brute_force_search(query, classes, keys_cache, rows):
    from rapidfuzz import fuzz, process

    from filings.search.engine import score_candidate
    from filings.search.normalize import mark_keys, script_of

    keys = mark_keys(query)
    visual_list, phonetic_list = keys_cache
    best = set()
    for needle, haystack in ((keys.visual, visual_list), (keys.phonetic_sorted, phonetic_list)):
        for _, _, index in process.extract(needle, haystack, scorer=fuzz.WRatio, limit=200):
            best.add(index)
    script = script_of(query)
    matches = [m for i in best if (m := score_candidate(keys, script, rows[i], classes))]
    matches.sort(key=lambda m: (-m.score, m.mark, m.number))
    return matches[:5]


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--marks", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--brute", type=int, default=60)
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args()
    setup()
    from django.db import connection

    from filings.search.engine import _COLUMNS, marks_similar_to

    if not args.reuse:
        build(args.marks, ROOT / "var" / "bench_marks.csv")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM filings_registermark")
        total = cursor.fetchone()[0]
    rng = random.Random(7)
    queries = make_queries(args.queries, rng)
    marks_similar_to("WARMUP", classes=[1])

    latencies, cpu_times, indexed_hits = [], [], []
    for query, classes, expected in queries:
        started, cpu_started = time.perf_counter(), time.process_time()
        results = marks_similar_to(query, classes=classes, limit=5)
        latencies.append((time.perf_counter() - started) * 1000)
        cpu_times.append((time.process_time() - cpu_started) * 1000)
        indexed_hits.append(any(m.number == expected for m in results))
    p50, p95 = pct(latencies, 50), pct(latencies, 95)
    print(f"register: {total} marks on PostgreSQL ({DB_NAME}); {os.cpu_count()} CPUs shared")
    print(
        f"indexed search, {len(latencies)} queries: p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
        f"mean {statistics.mean(latencies):.1f} ms, max {max(latencies):.1f} ms; "
        f"Python CPU p50 {pct(cpu_times, 50):.1f} ms, p95 {pct(cpu_times, 95):.1f} ms",
        flush=True,
    )
    print(
        f"recall@5 indexed, all {len(queries)} queries: "
        f"{sum(indexed_hits)}/{len(indexed_hits)} = {sum(indexed_hits) / len(indexed_hits):.2f}",
        flush=True,
    )
    for (query, _classes, expected), hit in zip(queries, indexed_hits, strict=True):
        if not hit:
            print(f"  indexed miss: {query!r} (expected {expected})")
    if not args.brute:
        return

    print(f"loading {total} marks for brute force …", flush=True)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {_COLUMNS} FROM filings_registermark")  # noqa: S608
        rows = cursor.fetchall()
    keys_cache = ([r[5] for r in rows], [r[7] for r in rows])
    brute_sample = rng.sample(range(len(queries)), min(args.brute, len(queries)))
    brute_latencies, brute_hits, indexed_on_sample = [], [], []
    for i in brute_sample:
        query, classes, expected = queries[i]
        started = time.perf_counter()
        results = brute_force_search(query, classes, keys_cache, rows)
        brute_latencies.append((time.perf_counter() - started) * 1000)
        brute_hits.append(any(m.number == expected for m in results))
        indexed_on_sample.append(indexed_hits[i])

    b50, b95 = pct(brute_latencies, 50), pct(brute_latencies, 95)
    print(
        f"brute force (rapidfuzz over all marks), {len(brute_latencies)} queries: "
        f"p50 {b50:.0f} ms, p95 {b95:.0f} ms"
    )
    print(f"ratio brute force / indexed: p50 x{b50 / p50:.0f}, p95 x{b95 / p95:.0f}")
    print(
        f"recall@5 on the {len(brute_sample)} brute-forced queries: indexed "
        f"{sum(indexed_on_sample)}/{len(brute_sample)}, brute force "
        f"{sum(brute_hits)}/{len(brute_sample)}"
    )


if __name__ == "__main__":
    main()
