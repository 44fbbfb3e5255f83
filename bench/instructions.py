"""Instructions per request, counted by Valgrind's callgrind: `python -m bench.instructions`.

What `bench.cpu` times, counted instead: the machine instructions this process executes to serve
each page of `bench.PAGES`, warm and with Django's cache cleared, through the same WSGI handler,
settings and databases. A count does not move with the load of a shared machine or its clock
(the same code, content and inputs give the same count, to about 1 %), so two versions of the
code measured on different days, or one after the other on a busy machine, compare directly;
process time at this grain moves by 20 % between runs (docs/performance.md). Like process time,
it counts this process only: PostgreSQL's and Redis's work is not in it.

How: the measuring process runs under `valgrind --tool=callgrind` with instrumentation off
(start-up at near full speed); a small helper library, compiled here with gcc against Valgrind's
`callgrind.h`, switches collection on just before a request and off just after, and dumps the
count under the request's name. `PYTHONHASHSEED=0`, so dictionaries and sets iterate the same way
in every run. Slow (about 50 times native while collecting): a few minutes for both sizes.

Besides each page's counts and its cleared / warm ratio, the table gives the **floor**: a page
drawn in full costs at least what the 404 page drawn in full costs (the middleware, routing, the
content version, the head, header and footer, with nothing of a page's own), so no page's cleared
/ warm ratio can be below `404 cleared / page warm`, whatever its own content costs.

    python -m bench.instructions --size both --reuse     # the databases `bench.cpu --reuse` keeps

Needs `valgrind` (with its headers, Debian's package has both) and gcc.
"""

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import PAGES, cpu, run

ROUNDS = 3
WARM_UP = 3
FLOOR_PAGE = "404"
MARKS_C = r"""
#include <valgrind/callgrind.h>
void bench_start(void) {
    CALLGRIND_ZERO_STATS;
    CALLGRIND_START_INSTRUMENTATION;
    CALLGRIND_TOGGLE_COLLECT;
}
void bench_stop(const char *name) {
    CALLGRIND_TOGGLE_COLLECT;
    CALLGRIND_DUMP_STATS_AT(name);
    CALLGRIND_STOP_INSTRUMENTATION;
}
int bench_on_valgrind(void) { return RUNNING_ON_VALGRIND; }
"""
TRIGGER = re.compile(r"^desc: Trigger: Client Request: (?P<name>.+)$", re.M)
SUMMARY = re.compile(r"^(?:summary|totals): (?P<count>\d+)", re.M)


# --- inside the measured process (under Valgrind) ------------------------------------------


def measure_main(argv) -> int:
    """`python -m bench.instructions --measure LIB`: every page warm, then cleared, each request
    between the marks of LIB. The counts are read from callgrind's dumps by the driver."""
    import ctypes

    import django

    parser = argparse.ArgumentParser(prog="python -m bench.instructions --measure")
    parser.add_argument("--measure", required=True, help="the compiled marks library")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_WEB_PROCESS", "1")
    django.setup()
    from django.core.cache import cache

    marks = ctypes.CDLL(args.measure)
    if not marks.bench_on_valgrind():
        raise SystemExit("not running under Valgrind: run `python -m bench.instructions`")
    harness = cpu.Harness(int(os.environ["BENCH_PORT"]))
    cache.clear()
    for _, path, status in PAGES:
        for _ in range(WARM_UP):
            harness.get(path, status)

    def counted(label: str, path: str, status: int) -> None:
        marks.bench_start()
        try:
            harness.get(path, status)
        finally:
            marks.bench_stop(label.encode())

    for round_ in range(args.rounds):
        for name, path, status in PAGES:
            counted(f"{name} warm {round_}", path, status)
    for round_ in range(args.rounds):
        for name, path, status in PAGES:
            cache.clear()
            counted(f"{name} cleared {round_}", path, status)
    return 0


# --- reading callgrind's dumps and reporting (no Django here) ------------------------------


def read_dump(text: str) -> tuple[str, int] | None:
    """(the name given to the dump, its instruction count), or None for a dump not ours."""
    trigger, summary = TRIGGER.search(text), SUMMARY.search(text)
    if not (trigger and summary):
        return None
    return trigger["name"].strip(), int(summary["count"])


def collect(dumps: dict[str, int]) -> dict:
    """Median counts per page and phase, from {"<page> <warm|cleared> <round>": count}."""
    samples: dict[str, dict[str, list[int]]] = {}
    for label, count in dumps.items():
        name, phase, _ = label.rsplit(" ", 2)
        samples.setdefault(name, {"warm": [], "cleared": []})[phase].append(count)
    pages = {}
    order = [name for name, *_ in PAGES]
    for name, phases in sorted(
        samples.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)
    ):
        warm, cleared = statistics.median(phases["warm"]), statistics.median(phases["cleared"])
        pages[name] = {
            "warm": int(warm),
            "cleared": int(cleared),
            "cleared_over_warm": round(cleared / warm, 2),
            "spread": round(
                max((max(v) - min(v)) / statistics.median(v) for v in phases.values() if v), 4
            ),
        }
    floor = pages.get(FLOOR_PAGE, {}).get("cleared")
    for row in pages.values():
        row["floor_ratio"] = round(floor / row["warm"], 2) if floor else None
    return pages


def print_size(label: str, pages: dict) -> None:
    print(f"\nInstructions per request, {label} (millions; median of the rounds)")
    print(
        f"{'page':<23}{'warm':>8}{'cleared':>9}{'ratio':>7}{'floor':>7}{'cleared/404':>12}"
        f"{'spread':>8}"
    )
    floor = pages.get(FLOOR_PAGE, {}).get("cleared")
    for name, row in pages.items():
        print(
            f"{name:<23}{row['warm'] / 1e6:>8.1f}{row['cleared'] / 1e6:>9.1f}"
            f"{row['cleared_over_warm']:>7.2f}{row['floor_ratio'] or 0:>7.2f}"
            f"{row['cleared'] / floor if floor else 0:>12.2f}{row['spread'] * 100:>7.1f}%"
        )
    print(
        "(ratio: cleared / warm; floor: the 404 drawn in full / this page warm, the least the "
        "ratio can be; cleared/404: this page drawn in full against the 404 drawn in full; "
        "spread: the widest (max - min) / median of its rounds)"
    )


def compile_marks(tmp: Path) -> Path:
    if not shutil.which("valgrind") or not shutil.which("gcc"):
        raise SystemExit("needs valgrind and gcc (Debian: apt-get install -y valgrind gcc)")
    source, library = tmp / "marks.c", tmp / "libbenchmarks.so"
    source.write_text(MARKS_C)
    run.checked(
        ["gcc", "-O2", "-shared", "-fPIC", "-o", str(library), str(source)],
        None,
        what="compiling the marks (are Valgrind's headers installed?)",
    )
    return library


def run_measure(env: dict, tmp: Path, label: str, library: Path, rounds: int) -> dict:
    dumps_dir = tmp / f"callgrind-{label}"
    dumps_dir.mkdir()
    cmd = [
        "valgrind",
        "--tool=callgrind",
        "--collect-atstart=no",
        "--instr-atstart=no",
        f"--callgrind-out-file={dumps_dir}/callgrind.out",
        sys.executable,
        "-m",
        "bench.instructions",
        "--measure",
        str(library),
        "--rounds",
        str(rounds),
    ]
    run.checked(
        cmd,
        cpu.cpu_env(env) | {"PYTHONHASHSEED": "0"},
        timeout=3600,
        what="the measuring process under Valgrind",
    )
    dumps = dict(filter(None, (read_dump(p.read_text()) for p in dumps_dir.glob("callgrind.out*"))))
    expected = 2 * rounds * len(PAGES)
    if len(dumps) != expected:
        raise SystemExit(f"expected {expected} dumps from callgrind, found {len(dumps)}")
    return collect(dumps)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--measure" in argv:
        return measure_main(argv)
    parser = argparse.ArgumentParser(
        prog="python -m bench.instructions", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--size", choices=["demo", "large", "both"], default="demo")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--reuse", action="store_true", help="keep the databases between runs")
    args = parser.parse_args(argv)
    if not 1 <= args.rounds <= 20:
        parser.error("need 1 <= --rounds <= 20")
    url, large_url = cpu.bench_databases()
    started = time.monotonic()
    media_parent = cpu.kept_media(args.reuse)
    sizes = {}
    with tempfile.TemporaryDirectory(prefix="difference-bench-instructions-") as tmp_name:
        tmp = Path(tmp_name)
        library = compile_marks(tmp)
        env = run.production_env(url, cpu.SITE_PORT, media_parent or tmp, 1)
        try:
            cpu.build(env, url, large_url if args.size != "demo" else None, args.reuse)
            for label, db in cpu.sizes_for(args.size, url, large_url):
                run.say(f"Instructions per request, {label}: {args.rounds} rounds, under Valgrind")
                sizes[label] = run_measure(
                    env | {"DATABASE_URL": db}, tmp, label, library, args.rounds
                )
                print_size(label, sizes[label])
        finally:
            if not args.reuse:
                for db in (url, large_url):
                    run.drop_database(db)
    block = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": run.git_commit(),
        "rounds": args.rounds,
        "sizes": sizes,
        "seconds": round(time.monotonic() - started, 1),
    }
    out = cpu.save_results(lambda results: results.__setitem__("instructions", block))
    print(
        f"\nDone in {block['seconds']} s; figures in {out.relative_to(run.ROOT)} (key instructions)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
