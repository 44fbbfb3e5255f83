"""What a hub search asks of PostgreSQL: the hits sent once as one value, and the full-text
match answered from an index (listings/lookups.py, listings/migrations/0001_...)."""

import importlib

from django.db import connection

import pytest

from hub.models import ArticlePage
from listings.lookups import pk_any_of

from .test_query_counts import add_articles

INDEX = importlib.import_module("listings.migrations.0001_search_index_title_body").INDEX

pytestmark = pytest.mark.django_db


class Params:
    """The number of parameters of every query run (connection.execute_wrapper)."""

    def __init__(self):
        self.counts = []

    def __call__(self, execute, sql, params, many, context):
        self.counts.append(len(params or ()))
        return execute(sql, params, many, context)


def test_the_suite_runs_on_postgresql():
    # What this file checks is PostgreSQL's: on SQLite it would prove nothing.
    assert connection.vendor == "postgresql"


def test_a_hub_search_sends_its_hits_once_as_one_parameter(
    client, hub, articles, people, topics, setting_types
):
    add_articles(hub, people, topics, setting_types, 60)
    params = Params()
    with connection.execute_wrapper(params):
        response = client.get("/hub/?q=reintegration&topic=science")
    assert response.status_code == 200
    # 61 hits; with `pk__in` every facet's count carried each of them as a parameter.
    assert max(params.counts) < 20, params.counts
    # And the listing is what it was: the hits about science (40 of the 60), counted per option.
    listing = response.context["listing"]
    assert listing.total == 40
    assert {o.value: o.count for o in listing.facets[0].options}["science"] == 40


def test_any_of_matches_the_same_rows_as_in(hub, articles):
    wanted = [articles["science"].pk, articles["reintegration"].pk, 10**6]
    by_any = set(ArticlePage.objects.filter(pk_any_of(wanted)).values_list("pk", flat=True))
    by_in = set(ArticlePage.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    assert by_any == by_in == {articles["science"].pk, articles["reintegration"].pk}
    assert not ArticlePage.objects.filter(pk_any_of([])).exists()


def test_the_full_text_match_can_be_answered_from_the_combined_index(hub, articles):
    """The backend matches `(title || body)`; the migration's index must be on exactly that, or
    PostgreSQL reads every row of the content type to match a search."""
    results = hub.articles().search("reintegration", operator="and")
    sql, _ = results.get_queryset().query.get_compiler(connection=connection).as_sql()
    match = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@'
    assert match in sql, sql
    with connection.cursor() as cursor:
        # The test database is too small for the planner to prefer an index by itself.
        cursor.execute("SET LOCAL enable_seqscan = off")
        explain = (
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry WHERE "  # noqa: S608 - constants
            + match
            + " to_tsquery(%s)"
        )
        cursor.execute(explain, ["reintegration"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"Bitmap Index Scan on {INDEX}" in plan, plan


def test_the_site_connects_with_random_reads_priced_for_memory():
    """With PostgreSQL's default (4, for spinning disks) the planner tests every article's search
    vectors rather than read the combined index for a common term: 16 to 23 ms against 5 with
    2,000 articles (docs/performance.md). The site's connections set 1.1 (website/settings/base.py)."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert float(cursor.fetchone()[0]) == 1.1
