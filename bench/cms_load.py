"""Load-test the public site against a bare Django view, on this machine, loopback only.

Serves the project with gunicorn on 127.0.0.1, then for each URL runs wrk for a bounded time
and prints requests per second, p50/p95 latency, the server's CPU time per request (from
/proc, summed over the gunicorn master and workers) and the ratio to the bare view.

Cached rows: what an anonymous visitor gets. Uncached rows add a query string, which the page
cache never serves, so the page is routed and rendered from the database on every request.

    DJANGO_ENV=development DEBUG=0 REDIS_URL=redis://127.0.0.1:6379/2 \\
        .venv/bin/python bench/cms_load.py [--duration 8] [--connections 8] [--port 8093]

Needs `wrk` (apt-get install -y wrk) and the demo data (manage.py load_demo).
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

PAGES = [
    ("bare Django view", "/bench/bare"),
    ("home (cached)", "/fr/"),
    ("hub page (cached)", "/fr/carres/carre-cst/"),
    ("guide (cached)", "/fr/guides/creer-son-entreprise/"),
    ("home (uncached)", "/fr/?bench=uncached"),
    ("hub page (uncached)", "/fr/carres/carre-cst/?bench=uncached"),
    ("guide (uncached)", "/fr/guides/creer-son-entreprise/?bench=uncached"),
]

# wrk prints the percentiles we need in a parseable line.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("BENCH requests=%d errors=%d p50=%d p95=%d\\n",
    summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout,
    latency:percentile(50), latency:percentile(95)))
end
"""


def _descendants(pid: int) -> list[int]:
    pids = [pid]
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        pids.extend(_descendants(int(child)))
    return pids


def _cpu_seconds(pid: int) -> float:
    total = 0
    for proc in _descendants(pid):
        try:
            fields = Path(f"/proc/{proc}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / CLOCK_TICKS


def _wait_until_up(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback http)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer on {url}")


def _run(url: str, *, duration: int, connections: int, script: str, pid: int) -> dict:
    urllib.request.urlopen(url, timeout=10).read()  # noqa: S310  warm the caches and the worker
    urllib.request.urlopen(url, timeout=10).read()  # noqa: S310
    cpu_before = _cpu_seconds(pid)
    output = subprocess.run(
        ["wrk", "-t", "1", "-c", str(connections), "-d", f"{duration}s", "-s", script, url],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 30,
    ).stdout
    cpu = _cpu_seconds(pid) - cpu_before
    match = re.search(r"BENCH requests=(\d+) errors=(\d+) p50=(\d+) p95=(\d+)", output)
    requests, errors, p50, p95 = (int(v) for v in match.groups())
    return {
        "rps": requests / duration,
        "errors": errors,
        "p50_ms": p50 / 1000,
        "p95_ms": p95 / 1000,
        "cpu_ms": 1000 * cpu / max(requests, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8093)
    parser.add_argument("--duration", type=int, default=8, help="seconds per URL (bounded)")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    env = {**os.environ, "DEBUG": os.environ.get("DEBUG", "0"), "LOG_LEVEL": "WARNING"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--access-logfile",
            "/dev/null",
            "--error-logfile",
            "-",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{args.port}"
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    try:
        _wait_until_up(base + "/bench/bare")
        results = []
        for name, path in PAGES:
            results.append(
                (
                    name,
                    path,
                    _run(
                        base + path,
                        duration=args.duration,
                        connections=args.connections,
                        script=script.name,
                        pid=server.pid,
                    ),
                )
            )
        bare_rps = results[0][2]["rps"]
        cache = "Redis" if os.environ.get("REDIS_URL") else "database cache"
        database = "DATABASE_URL" if os.environ.get("DATABASE_URL") else "embedded PostgreSQL"
        print(
            f"\ngunicorn {args.workers} sync workers, wrk 1 thread {args.connections} "
            f"connections, {args.duration}s per URL, DB {database}, cache {cache}, "
            f"{os.cpu_count()} CPUs\n"
        )
        print(
            f"{'page':<22} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'CPU ms/req':>11} "
            f"{'vs bare':>8} {'errors':>7}"
        )
        for name, _path, r in results:
            print(
                f"{name:<22} {r['rps']:>8.0f} {r['p50_ms']:>8.2f} {r['p95_ms']:>8.2f} "
                f"{r['cpu_ms']:>11.2f} {r['rps'] / bare_rps:>7.0%} {r['errors']:>7}"
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
        os.unlink(script.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
