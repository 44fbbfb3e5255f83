"""Run the benchmarks end to end: `python -m bench.run` from the repository root.

1. A fresh PostgreSQL database (BENCH_DATABASE_URL, default difference_bench on 127.0.0.1),
   migrated, with the demo content and collectstatic, under the production settings.
2. CPU per request in units of fixed template work, warm and cache-cleared, in-process through
   the WSGI handler with Redis as the cache (bench.cpu), with the demo content.
3. SQL queries per page, in-process (bench.queries), with 1 and then --siblings extra pages,
   then with thousands of articles and hundreds of case studies; the CPU per request again.
4. gunicorn (2 workers) on a free port of 127.0.0.1, a bounded load on each page
   (bench.load), and the page weight and third-party check (bench.weight).
5. The figures as tables and in bench/results/latest.json.

With --lighthouse, steps 2 to 4 give way to Lighthouse runs (bench.lighthouse) against the
same gunicorn setup. gunicorn is stopped and the database dropped at the end, even on failure.
"""

import argparse
import json
import os
import platform
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from aiosmtpd.controller import Controller

from bench import PAGES, casestudies, cpu, hub, load, weight

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/difference_bench"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
# Settings read from the environment that must not leak in from the caller's shell: a Redis or
# mail server elsewhere would send traffic off this machine.
UNSET = ["REDIS_URL", "EMAIL_HOST", "SECURE_SSL_REDIRECT", "DB_CONN_MAX_AGE", "LOG_LEVEL"]
TARGETS = {"max_queries_uncached": 15, "max_standard_page_gzip_kb": 60}
FEATURING = ["home", "partner"]  # pages that show other apps' featured content
STANDARD_PAGE = "/about/"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--siblings", type=int, default=100, help="extra pages under home")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of load per page")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads")
    parser.add_argument("--lighthouse", action="store_true", help="run Lighthouse instead")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median)")
    args = parser.parse_args(argv)
    if not (args.siblings >= 1 and 0 < args.duration <= 60 and 0 < args.concurrency <= 64):
        parser.error("need --siblings >= 1, 0 < --duration <= 60, 0 < --concurrency <= 64")
    if not 1 <= args.runs <= 9:
        parser.error("need 1 <= --runs <= 9")
    return args


def git_commit() -> str:
    """The commit measured, "+changes" when the site's files differ from it (the bench, the
    tests and the documentation aside: they do not change what is measured)."""
    git = ["git", "-C", str(ROOT)]
    try:
        commit = subprocess.run(
            [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        )
        dirty = subprocess.run(
            [*git, "status", "--porcelain", "--", ".", ":!bench", ":!tests", ":!docs", ":!*.md"],
            capture_output=True,
            text=True,
        )
    except OSError:
        return "unknown"
    return commit.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


# --- the database ------------------------------------------------------------------------


def database_url() -> str:
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    # The bench drops this database: refuse anything that does not look like a bench database,
    # and anything that is not on this machine.
    if "bench" not in name or (parts.hostname or "127.0.0.1") not in LOOPBACK:
        raise SystemExit(f"BENCH_DATABASE_URL must name a local *bench* database, not {url}")
    return url


def _maintenance(url: str):
    """An autocommit connection to the server's `postgres` database, and the bench db name."""
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    return psycopg.connect(admin, autocommit=True), parts.path.lstrip("/")


def drop_database(url: str) -> None:
    conn, name = _maintenance(url)
    with conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def create_database(url: str) -> None:
    drop_database(url)
    conn, name = _maintenance(url)
    with conn:
        conn.execute(f'CREATE DATABASE "{name}"')


# --- processes ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(db_url: str, port: int, tmp: Path, siblings: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in UNSET}
    return env | {
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": db_url,
        "MEDIA_ROOT": str(tmp / "media"),
        # The demo Site and absolute URLs point at the gunicorn the bench starts.
        "DEMO_SITE_HOSTNAME": "127.0.0.1",
        "DEMO_SITE_PORT": str(port),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        # Production needs a mail server. Nothing listens here: no page sends mail while it is
        # served (form emails wait in the database), and the bench that sends them starts
        # `smtp_sink()` and points EMAIL_PORT at it.
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": "9",
        "EMAIL_USE_TLS": "0",
        "BENCH_PORT": str(port),
        "BENCH_SIBLINGS": str(siblings),
    }


class SinkHandler:
    """Accepts every message and counts it."""

    def __init__(self):
        self.messages = 0

    async def handle_DATA(self, server, session, envelope):
        self.messages += 1
        return "250 Message accepted"


@contextmanager
def smtp_sink():
    """A mail server on a free port of 127.0.0.1 that keeps nothing: (port, handler)."""
    handler = SinkHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller.port, handler
    finally:
        controller.stop()


def checked(cmd: list[str], env, *, timeout=600, what: str = "") -> str:
    """Run `cmd` in the repository root and return its output; show the output's tail and stop
    the bench if it fails."""
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    if done.returncode:
        print(done.stdout[-3000:], done.stderr[-3000:], sep="\n", file=sys.stderr)
        raise SystemExit(f"failed: {what or ' '.join(cmd)}")
    return done.stdout


def python(env, *args, timeout=600) -> None:
    """Run `python ARGS` in the repository root; show its output only if it fails."""
    checked([sys.executable, *args], env, timeout=timeout, what=f"python {' '.join(args)}")


@contextmanager
def gunicorn(env, port: int, log: Path, app: str = "website.wsgi:application"):
    """gunicorn with 2 sync workers on 127.0.0.1:port; stopped on the way out."""
    cmd = [sys.executable, "-m", "gunicorn", app, "--workers", "2"]
    cmd += ["--bind", f"127.0.0.1:{port}"]
    with log.open("ab") as out:  # the app's own log lines (404 warnings...) go there too
        proc = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdout=out, stderr=out, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                print(log.read_text()[-3000:] if log.exists() else "", file=sys.stderr)
                raise SystemExit("gunicorn did not start")
            try:
                if load.fetch(port, "/")[0] == 200:
                    break
            except OSError:
                pass  # not listening yet
            time.sleep(0.2)
        yield proc
    finally:
        proc.terminate()  # gunicorn's graceful stop
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# --- reporting ---------------------------------------------------------------------------


def print_load(rows: dict) -> None:
    print(
        f"\n{'page':<11}{'path':<20}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'reqs':>8}"
    )
    for name, row in rows.items():
        print(
            f"{name:<11}{row['path']:<20}{row['rps']:>8}{row['p50_ms']:>9}"
            f"{row['p99_ms']:>9}{row['errors']:>8}{row['requests']:>8}"
        )


def print_queries(queries: dict) -> None:
    columns = list(queries.values())
    header = "".join(
        f"{c.get('label') or str(c['extra_siblings']) + ' extra sibling(s)':>24}" for c in columns
    )
    print(f"\nSQL queries per request{'':<3}{header}")
    print(f"{'':<26}" + "".join(f"{'cold':>12}{'warm':>12}" for _ in columns))
    for name, *_ in PAGES:
        cells = "".join(
            f"{c['pages'][name]['cold']:>12}{c['pages'][name]['warm']:>12}" for c in columns
        )
        print(f"{name:<26}{cells}")


def print_weight(result: dict) -> None:
    kinds = result["kinds"]
    parts = ", ".join(
        f"{kind} {kinds[kind]['gzip_bytes'] / 1024:.1f} KB"
        for kind in kinds
        if kinds[kind]["files"]
    )
    print(f"\nWeight of {result['path']} (gzipped): {parts}; total {result['total_gzip_kb']} KB")


def check_targets(results: dict) -> dict:
    """Each target: met or not, with the figure it was judged on."""
    queries = results["queries"]
    content = ["home", "about", "our-story", "programme", "partner", "research"]
    # The home and partner pages also show featured case studies (and the home page featured
    # articles): their own target is 20, as for the hub's and case studies' pages.
    plain = [p for p in content if p not in FEATURING]
    worst = max(c["pages"][p]["cold"] for c in queries.values() for p in plain)
    worst_featuring = max(c["pages"][p]["cold"] for c in queries.values() for p in FEATURING)
    cold = [{p: c["pages"][p]["cold"] for p in content} for c in queries.values()]
    kb = results["weight"][STANDARD_PAGE]["total_gzip_kb"]
    third = sorted({u for w in results["weight"].values() for u in w["third_party"]})
    chart_js = results["weight"]["/partner-with-us/"]["kinds"]["js"]["bytes"]
    standard_js = results["weight"][STANDARD_PAGE]["kinds"]["js"]["bytes"]
    return {
        "queries_uncached_at_most_15": {"met": worst <= 15, "figure": worst},
        "home_and_partner_queries_uncached_at_most_20": {
            "met": worst_featuring <= 20,
            "figure": worst_featuring,
        },
        "queries_same_at_1_and_n_siblings": {"met": cold[0] == cold[-1], "figure": cold},
        "standard_page_under_60_kb_gzip": {"met": kb < 60, "figure": kb},
        "no_third_party_requests": {"met": not third, "figure": third},
        # The comparison chart on the partner page is SVG drawn on the server: no extra script.
        "charts_add_no_javascript": {
            "met": chart_js == standard_js,
            "figure": {"/partner-with-us/": chart_js, STANDARD_PAGE: standard_js},
        },
        # The knowledge hub (bench/hub.py): queries with thousands of articles, search latency.
        **hub.targets(results),
        # Case studies (bench/casestudies.py): queries with hundreds of case studies.
        **casestudies.targets(results),
        # CPU per request in units (bench/cpu.py): reported, never failing the run.
        **cpu.targets(results.get("cpu", {})),
    }


# --- the run -----------------------------------------------------------------------------


def measure_cpu(env, tmp, label: str) -> dict:
    say(f"CPU per request, {label} (bench/cpu.py)")
    size = cpu.run_measure(env, tmp, label, cpu.WARM_REPEATS, cpu.CLEARED_REPEATS)
    cpu.print_size(size)
    return size


def bench(args, env, port, tmp) -> dict:
    commit, date = git_commit(), datetime.now(UTC).isoformat(timespec="seconds")
    cpu_sizes = {"demo": measure_cpu(env, tmp, "demo")}
    say(f"SQL queries per page, with 1 and {args.siblings} extra pages under home")
    out = tmp / "queries.json"
    python(env, "-m", "bench.queries", str(out))
    queries = json.loads(out.read_text())
    print_queries(queries)
    if hub.KEY in queries or casestudies.KEY in queries:
        cpu_sizes["large"] = measure_cpu(env, tmp, "large")

    with gunicorn(env, port, tmp / "gunicorn.log"):
        say(f"Load: {args.duration:g} s per page, {args.concurrency} threads, gunicorn 2 workers")
        rows = {}
        for name, path, status in PAGES:
            rows[name] = load.measure(port, path, status, args.duration, args.concurrency)
            print(f"    {name}: {rows[name]['rps']} req/s", flush=True)
        print_load(rows)
        say(f"Search latency: {args.duration:g} s per page, 1 client at a time")
        latency = hub.measure_latency(port, args.duration)
        print_load(latency)
        say("Page weight and third-party check")
        weights = {path: weight.measure(port, path, status) for _, path, status in PAGES}
    print_weight(weights[STANDARD_PAGE])
    print_weight(weights["/"])
    return {
        "cpu": cpu.cpu_block(cpu_sizes, commit, date),
        "queries": queries,
        "load": rows,
        "latency": latency,
        "weight": weights,
    }


def lighthouse_run(env, port, tmp, runs) -> dict:
    from bench import lighthouse

    # bench.wsgi does what the TLS proxy does in production (https); the site serves /media/.
    env = env | {"SERVE_MEDIA": "1"}
    with gunicorn(env, port, tmp / "gunicorn.log", app="bench.wsgi:application"):
        for _, path, _ in PAGES * 4:
            load.fetch(port, path)  # warm both workers and make the image renditions
        return lighthouse.run(port, ["/", STANDARD_PAGE], RESULTS, runs)


def main(argv=None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the clean-up below runs
    db_url = database_url()
    port = free_port()
    started = time.monotonic()
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": git_commit(),
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_start": os.getloadavg()[0],  # other work skews req/s
        },
        "versions": {p: version(p) for p in ("django", "wagtail", "gunicorn", "psycopg")},
        "config": {"settings": "website.settings.production", "gunicorn_workers": 2}
        | (
            {"lighthouse_runs": args.runs}
            if args.lighthouse
            else {
                "siblings": args.siblings,
                "duration_s": args.duration,
                "concurrency": args.concurrency,
            }
        ),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="difference-bench-") as tmp_name:
        tmp = Path(tmp_name)
        env = production_env(db_url, port, tmp, args.siblings)
        try:
            say(f"Fresh database {urlsplit(db_url).path.lstrip('/')}: migrate, demo content")
            create_database(db_url)
            python(env, "manage.py", "migrate", "--noinput")
            python(env, "manage.py", "load_demo_content")
            say("collectstatic (into staticfiles/)")
            python(env, "manage.py", "collectstatic", "--noinput", "--clear")
            if args.lighthouse:
                results["lighthouse"] = lighthouse_run(env, port, tmp, args.runs)
                out = RESULTS / "lighthouse.json"
            else:
                results |= bench(args, env, port, tmp)
                results["targets"] = check_targets(results)
                out = RESULTS / "latest.json"
        finally:
            drop_database(db_url)
    results["seconds"] = round(time.monotonic() - started, 1)
    out.write_text(json.dumps(results, indent=2) + "\n")
    if args.lighthouse:
        print(f"\nLighthouse reports and summary in {out.parent.relative_to(ROOT)}/")
        return 0
    print("\nTargets:")
    for name, target in results["targets"].items():
        cpu.print_target(name, target)
    print(f"\nDone in {results['seconds']} s; figures in {out.relative_to(ROOT)}")
    # The third-party check is an assertion: the site promises visitors it makes none.
    assert results["targets"]["no_third_party_requests"]["met"], "third-party URLs referenced"
    return 0


if __name__ == "__main__":
    sys.exit(main())
