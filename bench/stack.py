"""Through the front cache: `python -m bench.stack` (or `make bench-stack`).

Starts the production shape (deploy.stack: Varnish, two gunicorn app servers with 2 workers
each, SeaweedFS, the worker) on free ports of 127.0.0.1, with a fresh PostgreSQL database
(`difference_bench_stack`, or BENCH_STACK_DATABASE_URL, which must name a local *bench*
database: it is dropped) and the demo content, then measures, each for --duration seconds from
--concurrency threads after 2 s of warm-up, through the same Varnish:

1. **cached page**: `/about/`, every request a hit;
2. **static file**: the site's main stylesheet (hashed, served by WhiteNoise, kept by Varnish);
3. **uncached page**: `/about/?n=<counter>`, a new URL each request, so every one is a miss that
   an app server renders;
4. **publish to fresh**: publishing a change to `/about/` and asking the cache every 5 ms until
   it shows (bench/publish_to_fresh.py), --rounds times after one uncounted warm-up round.

Targets: the cached page at least half the static file's requests per second, at least 20 times
the uncached page's, and publish-to-fresh under 1 s (every round). Results in
bench/results/stack.json; exit 1 if a target is missed. Everything is stopped and the database
dropped at the end, even on failure.
"""

import argparse
import itertools
import json
import os
import re
import signal
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from bench import load, run
from bench.run import LOOPBACK, RESULTS, ROOT, git_commit, say
from deploy.stack import Output, Ports, Stack

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/difference_bench_stack"
PAGE = "/about/"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.stack", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of load per case")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads")
    parser.add_argument("--rounds", type=int, default=5, help="publish-to-fresh rounds")
    args = parser.parse_args(argv)
    if not (0 < args.duration <= 60 and 0 < args.concurrency <= 64 and 1 <= args.rounds <= 20):
        parser.error("need 0 < --duration <= 60, 0 < --concurrency <= 64, 1 <= --rounds <= 20")
    return args


def database_url() -> str:
    url = os.environ.get("BENCH_STACK_DATABASE_URL", DEFAULT_DATABASE_URL)
    parts = urlsplit(url)
    if "bench" not in parts.path or (parts.hostname or "127.0.0.1") not in LOOPBACK:
        raise SystemExit(f"BENCH_STACK_DATABASE_URL must name a local *bench* database, not {url}")
    return url


def stylesheet(port: int) -> str:
    status, body, _ = load.fetch(port, PAGE)
    assert status == 200, status
    match = re.search(rb'href="(/static/css/main\.[0-9a-f]+\.css)"', body)
    assert match, "no hashed main stylesheet on the page"
    return match.group(1).decode()


def uncached_paths():
    counter = itertools.count()

    def path():
        return f"{PAGE}?n={next(counter)}"

    path.label = f"{PAGE}?n=<new each time>"
    return path


def publish_to_fresh(stack: Stack, rounds: int) -> dict:
    out = run.checked(
        [sys.executable, "-m", "bench.publish_to_fresh", stack.url, PAGE, str(rounds)],
        stack.env(),
        timeout=300,
        what="publish-to-fresh",
    )
    return json.loads(out.strip().splitlines()[-1])


def main(argv=None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": git_commit(),
        "machine": {"cores": os.cpu_count(), "load_average_at_start": os.getloadavg()[0]},
        "config": {
            "duration_s": args.duration,
            "concurrency": args.concurrency,
            "app_servers": 2,
            "gunicorn_workers_each": 2,
        },
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="difference-bench-stack-") as folder:
        folder = Path(folder)
        log = (folder / "stack.log").open("w")
        stack = Stack(
            data_dir=folder,
            ports=Ports.free(),
            database_url=database_url(),
            redis_url=os.environ.get("BENCH_STACK_REDIS_URL", "redis://127.0.0.1:6379/1"),
            output=Output(stream=log, colour=False),
        )
        port = stack.ports.public
        try:
            say("Starting the stack (fresh database, demo content)")
            stack.drop_database()
            stack.start(clear_cache=True)
            css = stylesheet(port)
            cases = {
                "cached page": (PAGE, 200),
                "static file": (css, 200),
                "uncached page": (uncached_paths(), 200),
            }
            rows = {}
            for name, (path, status) in cases.items():
                say(f"{name}: {args.duration:g} s, {args.concurrency} threads, through the cache")
                rows[name] = load.measure(port, path, status, args.duration, args.concurrency)
            say(f"Publish to fresh: {args.rounds} rounds")
            fresh = publish_to_fresh(stack, args.rounds)
        except BaseException:
            log.flush()
            print((folder / "stack.log").read_text()[-4000:], file=sys.stderr)
            raise
        finally:
            stack.stop()
            stack.drop_database()
            log.close()

    cached, static, uncached = (
        rows[k]["rps"] for k in ("cached page", "static file", "uncached page")
    )
    results |= {"load": rows, "publish_to_fresh_s": fresh}
    results["targets"] = {
        "cached_at_least_half_of_static": {
            "met": cached >= 0.5 * static,
            "figure": round(cached / static, 2),
        },
        "cached_at_least_20x_uncached": {
            "met": cached >= 20 * uncached,
            "figure": round(cached / uncached, 1),
        },
        "publish_to_fresh_under_1_s": {
            "met": max(fresh["seconds"]) < 1.0,
            "figure": fresh["seconds"],
        },
    }
    results["seconds"] = round(time.monotonic() - started, 1)
    out = RESULTS / "stack.json"
    out.write_text(json.dumps(results, indent=2) + "\n")

    print(f"\n{'case':<15}{'path':<34}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for name, row in rows.items():
        print(
            f"{name:<15}{row['path']:<34}{row['rps']:>9}{row['p50_ms']:>9}"
            f"{row['p99_ms']:>9}{row['errors']:>8}"
        )
    print(f"\nPublish to fresh page through the cache (s): {fresh['seconds']}")
    print(f"    of which the publish itself (revision, index, purge) (s): {fresh['publish_s']}")
    print("\nTargets:")
    for name, target in results["targets"].items():
        print(f"    {'met   ' if target['met'] else 'MISSED'} {name}: {target['figure']}")
    print(f"\nDone in {results['seconds']} s; figures in {out.relative_to(ROOT)}")
    return 0 if all(t["met"] for t in results["targets"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
