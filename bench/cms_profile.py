"""CPU time of an uncached page render, in-process, without a server or a load generator.

    DEBUG=0 .venv/bin/python bench/cms_profile.py [--repeat 200] [--profile /fr/]

For each page it prints the process CPU time per request (median of batches) and the SQL
queries made; requests carry a query string, so the anonymous page cache never serves them
(the same "uncached" as bench/cms_load.py). `--profile URL` prints a cProfile of that page.
Less noisy than wall-clock on a shared machine; the load test remains the reference.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DEBUG", "0")

from bench.django_setup import setup  # noqa: E402

PAGES = [
    "/fr/",
    "/fr/carres/carre-cst/",
    "/ar/marakiz/markaz-cst/",
    "/fr/carres/",
    "/fr/guides/creer-son-entreprise/",
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--profile", default=None)
    parser.add_argument("pages", nargs="*", default=PAGES)
    args = parser.parse_args()
    setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()

    def get(url):
        response = client.get(url, {"bench": "uncached"})
        assert response.status_code == 200, (url, response.status_code)
        return response

    if args.profile:
        for _ in range(20):
            get(args.profile)
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for _ in range(args.repeat):
            get(args.profile)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(60)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
        return
    for url in args.pages:
        for _ in range(20):
            get(url)
        with CaptureQueriesContext(connection) as captured:
            get(url)
        queries = len(captured.captured_queries)
        batches = []
        batch = max(1, args.repeat // 10)
        for _ in range(10):
            started = time.process_time()
            for _ in range(batch):
                get(url)
            batches.append((time.process_time() - started) * 1000 / batch)
        print(
            f"{url:<40} CPU ms/request median {statistics.median(batches):6.2f} "
            f"min {min(batches):6.2f}   queries {queries}"
        )


if __name__ == "__main__":
    main()
