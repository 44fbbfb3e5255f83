"""The knowledge hub's part of the bench: thousands of articles, their query counts, search
latency and targets. Hooks called by bench.queries and bench.run; not a harness of its own.

- `count_with_many_articles` (in bench.queries, after the sibling counts): generates
  `BENCH_HUB_ARTICLES` articles (default 2,000) with `manage.py generate_hub_articles`, then
  counts every page again. The load test that follows runs against the hub with them.
- `measure_latency` (in bench.run, after the load test): the search pages with one client at a
  time, so p50 is the time a request takes, not a queue behind seven others.
- `targets`: at most 20 queries for the hub's pages (cold) with the demo content and with the
  generated articles, the same count with both, and search p50 under 100 ms.
"""

import itertools
import os

from bench import PAGES, load

ARTICLES = int(os.environ.get("BENCH_HUB_ARTICLES", "2000"))
MAX_QUERIES = 20
MAX_SEARCH_P50_MS = 100
# Pages of the hub (names in bench.PAGES) held to the query target, and the searches.
HUB_PAGES = ["hub", "hub-filtered", "hub-search", "article", "topic", "author", "search"]
SEARCH_PAGES = ["hub-search", "search"]
KEY = "hub_articles"


def count_with_many_articles(results: dict, count_page) -> None:
    """Generate the articles, then count every page again (entry `hub_articles` in results)."""
    from io import StringIO

    from django.core.management import call_command

    from hub.models import ArticlePage

    if ARTICLES <= 0:
        return
    call_command("generate_hub_articles", count=ARTICLES, stdout=StringIO())
    results[KEY] = {
        "label": f"+{ARTICLES} articles",
        "extra_siblings": max(r["extra_siblings"] for r in results.values()),
        "articles": ArticlePage.objects.live().count(),
        "pages": {name: count_page(path, status) for name, path, status in PAGES},
        "search_result_types": search_result_types(),
    }


def search_result_types() -> int:
    """How many page types the first page of a site search shows: `/search/` fetches its
    results in their own classes, one query per type among them (at most one per page type of
    the site, however much content there is)."""
    from urllib.parse import parse_qs, urlsplit

    from listings.search import clean_query
    from listings.views import search_results

    path = next(path for name, path, _ in PAGES if name == "search")
    _, terms = clean_query(parse_qs(urlsplit(path).query)["q"][0])  # as the view reads `q`
    return len({type(page) for page in search_results(terms, 1).object_list})


def measure_latency(port: int, duration: float) -> dict:
    """The search pages, one request at a time: the same address again and again (after the
    first, its page comes from the fragment cache), and a new address each time (`&n=<count>`,
    which the page ignores: the same search, drawn in full every time, as a new term would be).
    The target holds for the second."""
    paths = {name: (path, status) for name, path, status in PAGES}
    found = {}
    for name in SEARCH_PAGES:
        if name not in paths:
            continue
        path, status = paths[name]
        found[name] = load.measure(port, path, status, duration, 1)
        found[f"{name}-drawn"] = load.measure(port, _new_each_time(path), status, duration, 1)
    return found


def _new_each_time(path: str):
    counter = itertools.count()

    def next_path() -> str:
        return f"{path}&n={next(counter)}"

    next_path.label = f"{path}&n=<new each request>"
    return next_path


def targets(results: dict) -> dict:
    # Held to the target: a search drawn in full, not the same address served from the cache.
    p50 = {
        name: row["p50_ms"]
        for name, row in results.get("latency", {}).items()
        if name.endswith("-drawn")
    }
    found = {
        "search_p50_under_100_ms": {
            "met": bool(p50) and max(p50.values()) < MAX_SEARCH_P50_MS,
            "figure": p50,
        }
    }
    queries = results["queries"]
    if KEY not in queries:
        return found
    small = next(c for name, c in queries.items() if name != KEY)
    large = queries[KEY]
    worst = {p: max(small["pages"][p]["cold"], large["pages"][p]["cold"]) for p in HUB_PAGES}
    # The site search costs one query per page type among its results: the types differ
    # with the content (the demo's hits for a term are articles and case studies, 2,000
    # generated articles push the case studies off the first page), not with its amount.
    per_type = {
        "search": (small.get("search_result_types", 0), large.get("search_result_types", 0))
    }

    def cold(size, page, which):
        return size["pages"][page]["cold"] - per_type.get(page, (0, 0))[which]

    changed = {
        p: (small["pages"][p]["cold"], large["pages"][p]["cold"])
        for p in HUB_PAGES
        if cold(small, p, 0) != cold(large, p, 1)
    }
    return {
        "hub_queries_uncached_at_most_20": {
            "met": max(worst.values()) <= MAX_QUERIES,
            "figure": worst,
        },
        "hub_queries_same_with_demo_and_many_articles": {
            "met": not changed,
            "figure": changed or f"{large['articles']} articles",
        },
        **found,
    }
