"""Full teacher-application journeys under gunicorn: `python -m bench.applications`.

Reuses bench.run's database and gunicorn helpers and bench.submissions' cookie-keeping client.

1. A fresh PostgreSQL database (BENCH_DATABASE_URL, default difference_bench_apply on
   127.0.0.1), migrated, with the demo content (an open cohort), production settings.
2. gunicorn (2 sync workers). --concurrency threads (default 8) each, for --duration seconds
   (default 20), walk the whole journey as a browser does: the eligibility page (CSRF cookie),
   start, every step (GET, then POST the answers, following the redirect to the next step),
   the check page, send, and the confirmation with its reference. Every 10th journey presses
   "Send" twice and must land on the same confirmation.
3. The database is then checked: applications = confirmations seen, none lost, none twice, no
   draft left behind by a finished journey.
"""

import argparse
import http.client
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import psycopg

from bench import run
from bench.load import percentile
from bench.submissions import STATE, TOKEN, Browser, run_workers

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/difference_bench_apply"
APPLY = "/apply/"
REFERENCE = re.compile(r'class="panel__reference">(APP-[A-Z0-9]+)<')
COHORT = re.compile(r'name="cohort" type="radio" value="(\d+)"')

STEP_ANSWERS = {
    "personal-details": {
        "email": "bench@example.com",
        "telephone": "07700 900 982",
        "postcode": "LN1 1AA",
    },
    "current-role": {
        "current_role": "Head of English",
        "current_school": "Bench Academy",
        "phase": "secondary",
        "subject": "English",
        "years_teaching": "6",
        "qts_year": "2018",
        "leadership_experience": "middle",
    },
    "referees": {
        "referee_1_name": "Ref One",
        "referee_1_role": "Headteacher",
        "referee_1_email": "one@example.com",
        "referee_2_name": "Ref Two",
        "referee_2_role": "Deputy head",
        "referee_2_email": "two@example.com",
    },
    "declarations": {"accurate": "on", "eligible": "on", "privacy": "on"},
}
STATEMENT = " ".join(["word"] * 350)


def journey(browser: Browser, name: str, double: bool) -> tuple[str, str | None, bool | None]:
    """One application from the eligibility page to the confirmation: (reference, url, double)."""
    status, _, page = browser.request("GET", APPLY + "eligibility/")
    token = TOKEN.search(page).group(1)
    status, location, _ = browser.request(
        "POST", APPLY + "start/", urlencode({"csrfmiddlewaretoken": token})
    )
    path = urlsplit(location).path
    for _ in range(20):
        if path.endswith("/check/"):
            break
        status, _, page = browser.request("GET", path)
        token = TOKEN.search(page).group(1)
        slug = path.rstrip("/").rsplit("/", 1)[-1]
        if slug.startswith("statement-"):
            data = {"statement": STATEMENT}
        elif slug == "preferences":
            data = {"cohort": COHORT.search(page).group(1), "heard_about": "colleague"}
        elif slug == "personal-details":
            # The first step carries the signed form state, as a browser posts it.
            data = {**STEP_ANSWERS[slug], "full_name": name}
            data["form_state"] = STATE.search(page).group(1)
        else:
            data = STEP_ANSWERS[slug]
        status, location, _ = browser.request(
            "POST", path, urlencode({**data, "csrfmiddlewaretoken": token})
        )
        if status != 302:
            raise RuntimeError(f"step {slug}: {status}")
        path = urlsplit(location).path
    status, _, page = browser.request("GET", APPLY + "check/")
    body = urlencode({"csrfmiddlewaretoken": TOKEN.search(page).group(1)})
    status, location, _ = browser.request("POST", APPLY + "check/", body)
    if status != 302:
        raise RuntimeError(f"send: {status}")
    same = None
    if double:
        status, again, _ = browser.request("POST", APPLY + "check/", body)
        same = status == 302 and again == location
    status, _, page = browser.request("GET", urlsplit(location).path)
    return REFERENCE.search(page).group(1), location, same


def worker(port, prefix, deadline, out):
    n = 0
    while time.perf_counter() < deadline:
        n += 1
        browser = Browser(port)  # a new visitor each time: their own session
        started = time.perf_counter()
        try:
            reference, _, same = journey(browser, f"Bench {prefix}-{n}", n % 10 == 0)
        except (OSError, http.client.HTTPException, AttributeError, RuntimeError) as error:
            out["errors"].append(f"{type(error).__name__}: {error}"[:80])
            continue
        out["confirmed"].append((f"Bench {prefix}-{n}", reference))
        out["latencies"].append(time.perf_counter() - started)
        if same is not None:
            out["double_submits"].append(same)


def load(port, duration, concurrency, prefix="t"):
    elapsed, merged = run_workers(worker, port, duration, concurrency, prefix)
    confirmed, latencies = merged["confirmed"], merged["latencies"]
    doubles, errors = merged["double_submits"], merged["errors"]
    return {
        "seconds": round(elapsed, 2),
        "journeys": len(confirmed),
        "journeys_per_s": round(len(confirmed) / elapsed, 2),
        "p50_s_per_journey": round(percentile(latencies, 50), 2) if latencies else None,
        "p99_s_per_journey": round(percentile(latencies, 99), 2) if latencies else None,
        "double_submits": len(doubles),
        "double_submits_same_reference": sum(doubles),
        "errors": len(errors),
        "error_kinds": sorted(set(errors))[:10],
    }, confirmed


def check_database(db_url, confirmed):
    conninfo = urlunsplit(urlsplit(db_url)._replace(scheme="postgresql"))
    with psycopg.connect(conninfo) as conn:
        rows = conn.execute(
            "SELECT full_name, reference FROM submissions_teacherapplication "
            "WHERE full_name LIKE 'Bench t%'"
        ).fetchall()
        drafts = conn.execute("SELECT count(*) FROM submissions_applicationdraft").fetchone()[0]
    by_name = {}
    for name, reference in rows:
        by_name.setdefault(name, []).append(reference)
    return {
        "rows": len(rows),
        "confirmations": len(confirmed),
        "lost": len({r for _, r in confirmed} - {r for _, r in rows}),
        "duplicates": sum(len(refs) - 1 for refs in by_name.values()),
        "drafts_left": drafts,
    }


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.applications")
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--concurrency", type=int, default=8)
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    os.environ.setdefault("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    db_url = run.database_url()
    port = run.free_port()
    results = {"commit": run.git_commit(), "load_average_at_start": os.getloadavg()[0]}
    results["config"] = {"duration_s": args.duration, "concurrency": args.concurrency}
    run.RESULTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="difference-bench-apply-") as tmp_name:
        tmp = Path(tmp_name)
        # One client address and one email address, no pauses: the minimum fill time and
        # every rate limit are lifted for the run.
        env = run.production_env(db_url, port, tmp, 1) | {
            "SUBMISSIONS_MIN_FILL_SECONDS": "0",
            "SUBMISSIONS_RATE_LIMITS": "*=100000000/60",
        }
        try:
            run.say(f"Fresh database {urlsplit(db_url).path.lstrip('/')}: migrate, demo content")
            run.create_database(db_url)
            run.python(env, "manage.py", "migrate", "--noinput")
            run.python(env, "manage.py", "load_demo_content")
            run.python(env, "manage.py", "collectstatic", "--noinput")
            with run.gunicorn(env, port, tmp / "gunicorn.log"):
                run.say(f"Journeys: {args.duration:g} s, {args.concurrency} threads")
                load(port, min(3.0, args.duration), 2, prefix="warm")
                results["load"], confirmed = load(port, args.duration, args.concurrency)
            print(json.dumps(results["load"], indent=2))
            results["database"] = check_database(db_url, confirmed)
            print(json.dumps(results["database"], indent=2))
        finally:
            run.drop_database(db_url)
    db = results["database"]
    results["targets"] = {
        "zero_lost": {"met": db["lost"] == 0 and db["rows"] == db["confirmations"], "figure": db},
        "zero_duplicates": {
            "met": db["duplicates"] == 0
            and results["load"]["double_submits"]
            == results["load"]["double_submits_same_reference"],
            "figure": db["duplicates"],
        },
    }
    (run.RESULTS / "applications.json").write_text(json.dumps(results, indent=2) + "\n")
    for name, target in results["targets"].items():
        print(f"    {'met   ' if target['met'] else 'MISSED'} {name}: {target['figure']}")
    return 0 if all(t["met"] for t in results["targets"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
