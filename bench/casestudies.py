"""Case studies' part of the bench: hundreds of case studies, their query counts and targets.
Hooks called by bench.queries and bench.run, like bench/hub.py; not a harness of its own.

- `count_with_many_case_studies` (in bench.queries, after the hub's articles): generates
  `BENCH_CASE_STUDIES` case studies (default 500) with `manage.py generate_case_studies`, then
  counts every page again. The load test that follows runs against the index with them.
- `targets`: at most 20 queries for the case study pages (cold) with the demo content and with
  the generated case studies, and the same count with both.

Requests per second come from the load test, which measures every page of bench.PAGES.
"""

import os

CASE_STUDIES = int(os.environ.get("BENCH_CASE_STUDIES", "500"))
MAX_QUERIES = 20
# Pages of bench.PAGES held to the query target.
CASE_STUDY_PAGES = ["case-studies", "case-studies-filtered", "case-study"]
KEY = "case_studies"


def count_with_many_case_studies(results: dict, count_page) -> None:
    """Generate the case studies, then count every page again (entry `case_studies`)."""
    from io import StringIO

    from django.core.management import call_command

    from bench import PAGES
    from casestudies.models import CaseStudyPage

    if CASE_STUDIES <= 0:
        return
    call_command("generate_case_studies", count=CASE_STUDIES, stdout=StringIO())
    results[KEY] = {
        "label": f"+{CASE_STUDIES} case studies",
        "extra_siblings": max(r["extra_siblings"] for r in results.values()),
        "case_studies": CaseStudyPage.objects.live().count(),
        "pages": {name: count_page(path, status) for name, path, status in PAGES},
    }


def targets(results: dict) -> dict:
    queries = results["queries"]
    if KEY not in queries:
        return {}
    # The demo content alone: the first column (1 extra sibling, before any generated content).
    small = next(iter(queries.values()))
    large = queries[KEY]
    worst = {p: max(small["pages"][p]["cold"], large["pages"][p]["cold"]) for p in CASE_STUDY_PAGES}
    changed = {
        p: (small["pages"][p]["cold"], large["pages"][p]["cold"])
        for p in CASE_STUDY_PAGES
        if small["pages"][p]["cold"] != large["pages"][p]["cold"]
    }
    return {
        "case_study_queries_uncached_at_most_20": {
            "met": max(worst.values()) <= MAX_QUERIES,
            "figure": worst,
        },
        "case_study_queries_same_with_demo_and_many_case_studies": {
            "met": not changed,
            "figure": changed or f"{large['case_studies']} case studies",
        },
    }
