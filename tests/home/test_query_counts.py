"""Pages cost a bounded number of SQL queries, however many pages exist around them."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from home.demo import load
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db
MAX_QUERIES = 15


def count_queries(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("url", ["/", "/about/", "/about/our-story/"])
def test_page_queries_are_bounded_and_independent_of_sibling_count(client, url):
    context = load()
    # Render once so image renditions exist, as they would on a live site.
    client.get(url)
    with_few = count_queries(client, url)
    for number in range(100):
        StandardPageFactory(parent=context.home, slug=f"sibling-{number}")
        StandardPageFactory(parent=context.pages["about"], slug=f"child-{number}")
    with_many = count_queries(client, url)
    assert with_few <= MAX_QUERIES, f"{url}: {with_few} queries"
    assert with_many == with_few, f"{url}: {with_few} queries, then {with_many} with 100 siblings"
