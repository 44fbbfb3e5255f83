"""Sustained form submissions and the staff register at scale: `python -m bench.submissions`.

Reuses bench.run's database and gunicorn helpers; bench/README.md says what is measured.

1. A fresh PostgreSQL database (BENCH_DATABASE_URL, default difference_bench_forms on
   127.0.0.1), migrated, with the demo content and collectstatic, production settings.
2. gunicorn (2 sync workers). --concurrency threads (default 8) each, for --duration seconds
   (default 20), do what a browser does: GET the form (cookies, CSRF token, signed form
   state), POST a complete answer, follow the redirect to the confirmation page and read the
   reference. Every 10th form is posted twice (a double submit) and must show the same
   reference. The minimum fill time and the rate limits are turned off for the run
   (SUBMISSIONS_MIN_FILL_SECONDS=0, SUBMISSIONS_RATE_LIMITS="*=..."): one client address, no
   pauses.
3. Then the database is checked: rows = confirmations seen, no school twice, no reference
   twice, one email task per row; `manage.py db_worker --backend durable --batch` drains
   the emails through SMTP to a local sink (`run.smtp_sink()`, which keeps nothing), and every
   row must be sent.
4. In-process: SQL queries for the admin register (index, a filter, a search) and the admin
   dashboard with the enquiries the run left (a few hundred), then with --enquiries (default
   10,000).
"""

import argparse
import http.client
import json
import os
import re
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import psycopg

from bench import run
from bench.load import HOST, percentile

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/difference_bench_forms"
FORM = "/expression-of-interest/"
HEADERS = {
    "Host": HOST,
    "X-Forwarded-Proto": "https",
    "User-Agent": "difference-bench",
    "Origin": f"https://{HOST}",
    "Referer": f"https://{HOST}{FORM}",
}
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STATE = re.compile(r'name="form_state" value="([^"]+)"')
REFERENCE = re.compile(r'class="panel__reference">([A-Z0-9-]+)<')


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.submissions", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of submissions")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads")
    parser.add_argument("--enquiries", type=int, default=10_000, help="rows for the admin count")
    args = parser.parse_args(argv)
    if not (
        0 < args.duration <= 120 and 0 < args.concurrency <= 64 and 10 < args.enquiries <= 100_000
    ):
        parser.error(
            "need 0 < --duration <= 120, 0 < --concurrency <= 64, 10 < --enquiries <= 100000"
        )
    return args


# --- one simulated browser ----------------------------------------------------------------


class Browser:
    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=None):
        conn = http.client.HTTPConnection(HOST, self.port, timeout=20)
        headers = dict(HEADERS)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            content = response.read().decode()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key] = rest.split(";", 1)[0]
            return response.status, response.getheader("Location"), content
        finally:
            conn.close()


def answers(name, token, state):
    return urlencode(
        {
            "csrfmiddlewaretoken": token,
            "form_state": state,
            "website": "",
            "school_name": name,
            "urn": "123456",
            "setting_type": "pru",
            "phase": "secondary",
            "local_authority": "lincolnshire",
            "ofsted_judgement": "good",
            "pupils_on_roll": "60",
            "contact_name": "Bench Contact",
            "contact_role": "Headteacher",
            "email": "bench@example.com",
            "telephone": "01632 960 001",
            "improvement_areas": "curriculum",
            "start_term": "not-sure",
            "privacy_acknowledged": "on",
        }
    )


def submit_forms(port, prefix, deadline, out):
    browser = Browser(port)
    n = 0
    while time.perf_counter() < deadline:
        n += 1
        name = f"Bench {prefix}-{n}"
        started = time.perf_counter()
        try:
            status, _, page = browser.request("GET", FORM)
            token, state = TOKEN.search(page).group(1), STATE.search(page).group(1)
            body = answers(name, token, state)
            status, location, _ = browser.request("POST", FORM, body)
            if status != 302:
                out["errors"].append(f"POST {status}")
                continue
            status, _, page = browser.request("GET", urlsplit(location).path)
            match = REFERENCE.search(page)
            if status != 200 or not match:
                out["errors"].append(f"confirmation {status}")
                continue
            out["confirmed"].append((name, match.group(1)))
            out["latencies"].append(time.perf_counter() - started)
            if n % 10 == 0:  # a double submit of the same form
                status, again, _ = browser.request("POST", FORM, body)
                out["double_submits"].append(status == 302 and again == location)
        except (OSError, http.client.HTTPException, AttributeError) as error:
            out["errors"].append(type(error).__name__)


def run_workers(target, port, duration, concurrency, prefix):
    """Run `target(port, name, deadline, out)` in `concurrency` threads until the deadline.

    Returns the elapsed seconds and what the threads recorded, merged: confirmations, sorted
    latencies, double-submit outcomes and errors. Shared by the form and application benches.
    """
    outs = [
        {"confirmed": [], "latencies": [], "double_submits": [], "errors": []}
        for _ in range(concurrency)
    ]
    deadline = time.perf_counter() + duration
    threads = [
        threading.Thread(target=target, args=(port, f"{prefix}{i}", deadline, out))
        for i, out in enumerate(outs)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    merged = {key: [item for out in outs for item in out[key]] for key in outs[0]}
    merged["latencies"].sort()
    return elapsed, merged


def load(port, duration, concurrency, prefix="t"):
    elapsed, merged = run_workers(submit_forms, port, duration, concurrency, prefix)
    confirmed, latencies = merged["confirmed"], merged["latencies"]
    doubles, errors = merged["double_submits"], merged["errors"]
    return {
        "seconds": round(elapsed, 2),
        "confirmations": len(confirmed),
        "submissions_per_s": round(len(confirmed) / elapsed, 1),
        "p50_ms_get_post_confirm": round(percentile(latencies, 50) * 1000, 1),
        "p99_ms_get_post_confirm": round(percentile(latencies, 99) * 1000, 1),
        "double_submits": len(doubles),
        "double_submits_same_reference": sum(doubles),
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
    }, confirmed


def check_database(db_url, confirmed):
    conninfo = urlunsplit(urlsplit(db_url)._replace(scheme="postgresql"))
    with psycopg.connect(conninfo) as conn:
        rows = conn.execute(
            "SELECT school_name, reference, is_spam FROM submissions_partnershipenquiry "
            "WHERE school_name LIKE 'Bench t%'"
        ).fetchall()
        tasks = conn.execute(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE task_path LIKE 'submissions.%'"
        ).fetchone()[0]
    by_school = {}
    for school, reference, _ in rows:
        by_school.setdefault(school, []).append(reference)
    confirmed_refs = {reference for _, reference in confirmed}
    return {
        "rows": len(rows),
        "confirmations": len(confirmed),
        "lost": len(confirmed_refs - {r for _, r, _ in rows}),
        "duplicates": sum(len(refs) - 1 for refs in by_school.values()),
        "distinct_references": len({r for _, r, _ in rows}),
        "flagged_as_spam": sum(1 for *_, spam in rows if spam),
        "email_tasks_enqueued": tasks,
    }


def emails_sent(db_url):
    conninfo = urlunsplit(urlsplit(db_url)._replace(scheme="postgresql"))
    with psycopg.connect(conninfo) as conn:
        return conn.execute(
            "SELECT count(*) FILTER (WHERE confirmation_sent_at IS NOT NULL "
            "AND notification_sent_at IS NOT NULL), count(*) "
            "FROM submissions_partnershipenquiry WHERE school_name LIKE 'Bench %'"
        ).fetchone()


# --- in-process: the admin register's queries ---------------------------------------------


def admin_queries(out_path, total):
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from submissions.enquiries.factories import PartnershipEnquiryFactory
    from submissions.models import PartnershipEnquiry

    user = get_user_model().objects.create_superuser("bench-admin", "bench@example.com", "x")
    client = Client()
    client.force_login(user)
    urls = {
        "index": "/admin/submissions/partnershipenquiry/",
        "filtered": "/admin/submissions/partnershipenquiry/?status__exact=new&region__exact=east-midlands",
        "search": "/admin/submissions/partnershipenquiry/?q=Centre",
        "dashboard": "/admin/",
    }

    def count(url):
        get = lambda: client.get(  # noqa: E731
            url, secure=True, headers={"host": "127.0.0.1", "x-forwarded-proto": "https"}
        )
        assert get().status_code == 200, url
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = get()
            ms = (time.perf_counter() - started) * 1000
        assert response.status_code == 200
        return {"queries": len(queries), "ms": round(ms, 1)}

    results = {}
    for target in (PartnershipEnquiry.objects.count(), total):
        existing = PartnershipEnquiry.objects.count()
        batch = [
            PartnershipEnquiryFactory.build(assigned_to=user if n % 3 == 0 else None)
            for n in range(target - existing)
        ]
        for enquiry in batch:
            enquiry.region = "east-midlands"
        PartnershipEnquiry.objects.bulk_create(batch, batch_size=2000)
        results[str(PartnershipEnquiry.objects.count())] = {
            "enquiries": PartnershipEnquiry.objects.count(),
            **{name: count(url) for name, url in urls.items()},
        }
    Path(out_path).write_text(json.dumps(results, indent=2))


# --- the run ------------------------------------------------------------------------------


def main(argv=None):
    args = parse_args(argv)
    os.environ.setdefault("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    db_url = run.database_url()
    port = run.free_port()
    started = time.monotonic()
    results = {"commit": run.git_commit(), "load_average_at_start": os.getloadavg()[0]}
    results["config"] = {
        "duration_s": args.duration,
        "concurrency": args.concurrency,
        "gunicorn_workers": 2,
        "settings": "website.settings.production",
    }
    run.RESULTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="difference-bench-forms-") as tmp_name:
        tmp = Path(tmp_name)
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
                run.say(f"Submissions: {args.duration:g} s, {args.concurrency} threads")
                load(port, min(3.0, args.duration), 2, prefix="warm")  # not counted
                results["load"], confirmed = load(port, args.duration, args.concurrency)
            print(json.dumps(results["load"], indent=2))
            results["database"] = check_database(db_url, confirmed)
            print(json.dumps(results["database"], indent=2))
            run.say("Emails: manage.py db_worker --backend durable --batch, to a local SMTP sink")
            clock = time.perf_counter()
            with run.smtp_sink() as (smtp_port, sink):
                run.python(
                    env | {"EMAIL_PORT": str(smtp_port)},
                    "manage.py",
                    "db_worker",
                    "--backend",
                    "durable",
                    "--batch",
                    "--no-startup-delay",
                    "--no-reload",
                    "--verbosity",
                    "0",
                )
            seconds = time.perf_counter() - clock
            sent, total = emails_sent(db_url)
            results["emails"] = {
                "submissions_with_both_emails_sent": sent,
                "messages_received_by_smtp": sink.messages,
                "submissions": total,
                "worker_seconds": round(seconds, 1),
                "per_second": round(sent / seconds, 1) if seconds else None,
            }
            print(json.dumps(results["emails"], indent=2))
            run.say(f"Admin register: SQL queries with the rows so far, then {args.enquiries}")
            out = tmp / "admin.json"
            run.python(
                env, "-m", "bench.submissions", "--admin-queries", str(out), str(args.enquiries)
            )
            results["admin"] = json.loads(out.read_text())
            print(json.dumps(results["admin"], indent=2))
        finally:
            run.drop_database(db_url)
    db = results["database"]
    admin = list(results["admin"].values())
    results["targets"] = {
        "zero_lost": {"met": db["lost"] == 0 and db["rows"] == db["confirmations"], "figure": db},
        "zero_duplicates": {
            "met": db["duplicates"] == 0
            and results["load"]["double_submits"]
            == results["load"]["double_submits_same_reference"],
            "figure": db["duplicates"],
        },
        "admin_queries_bounded": {
            "met": all(
                admin[0][k]["queries"] == admin[-1][k]["queries"]
                for k in admin[0]
                if k != "enquiries"
            ),
            "figure": {k: [a[k]["queries"] for a in admin] for k in admin[0] if k != "enquiries"},
        },
    }
    results["seconds"] = round(time.monotonic() - started, 1)
    out_file = run.RESULTS / "submissions.json"
    out_file.write_text(json.dumps(results, indent=2) + "\n")
    print("\nTargets:")
    for name, target in results["targets"].items():
        print(f"    {'met   ' if target['met'] else 'MISSED'} {name}: {target['figure']}")
    print(f"\nDone in {results['seconds']} s; figures in {out_file.relative_to(run.ROOT)}")
    return 0 if all(t["met"] for t in results["targets"].values()) else 1


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--admin-queries":
        admin_queries(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(main())
