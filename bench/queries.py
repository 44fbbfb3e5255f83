"""SQL queries per page, counted in-process under the production settings.

Run by bench.run as `python -m bench.queries OUT.json` with the production environment
(DJANGO_SETTINGS_MODULE, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, BENCH_PORT). It adds one
extra StandardPage under the home page, counts, adds the rest (`BENCH_SIBLINGS` in all), counts
again, and writes the counts as JSON. Each page is requested as gunicorn would receive it:
Host 127.0.0.1, the server's port, https via X-Forwarded-Proto.

cold: Django's cache (LocMemCache, as production has without REDIS_URL) cleared just before
the request, as after an expiry or a Redis flush: site root paths and rendition look-ups go to
the database. Images already have their renditions, made by an uncounted first request, which
also fills Django's per-process content-type cache, as any long-running worker has it.
warm: the same request again straight after.
"""

import json
import os
import sys

import django

from bench import PAGES, casestudies, hub


def count(client, path, status, port):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def get():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(
                path,
                secure=True,
                headers={"host": "127.0.0.1", "x-forwarded-proto": "https"},
                SERVER_PORT=str(port),
            )
        assert response.status_code == status, f"{path}: {response.status_code}, not {status}"
        return len(queries)

    get()  # the first render ever makes the image renditions: not counted
    cache.clear()
    cold = get()
    return {"cold": cold, "warm": get()}


def add_siblings(home, how_many, start):
    from home.factories import StandardPageFactory

    for n in range(start, start + how_many):
        StandardPageFactory(parent=home, title=f"Bench sibling {n}", slug=f"bench-sibling-{n}")


def main(out_path):
    django.setup()
    from django.test import Client

    from wagtail.models import Site

    port = int(os.environ["BENCH_PORT"])
    siblings = int(os.environ.get("BENCH_SIBLINGS", "100"))
    home = Site.objects.get(is_default_site=True).root_page.specific
    client = Client()
    results = {}
    done = 0
    for target in sorted({1, siblings}):
        add_siblings(home, target - done, done + 1)
        done = target
        children = home.get_children().count()
        results[str(target)] = {
            "extra_siblings": target,
            "children_of_home": children,
            "pages": {name: count(client, path, status, port) for name, path, status in PAGES},
            "search_result_types": hub.search_result_types(),
        }
    # The knowledge hub: the same pages again with thousands of articles (bench/hub.py).
    hub.count_with_many_articles(results, lambda path, status: count(client, path, status, port))
    # Case studies: the same pages again with hundreds of them (bench/casestudies.py).
    casestudies.count_with_many_case_studies(
        results, lambda path, status: count(client, path, status, port)
    )
    with open(out_path, "w") as out:
        json.dump(results, out, indent=2)


if __name__ == "__main__":
    main(sys.argv[1])
