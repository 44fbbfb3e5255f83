"""Case study pages cost a bounded number of SQL queries, whatever the number of case studies.
(The bench measures the same with 500 on PostgreSQL: bench/casestudies.py.)"""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from caching import memo
from casestudies.factories import CaseStudyPageFactory
from casestudies.models import FeaturedCaseStudy
from home.demo.images import get_or_create_image

pytestmark = pytest.mark.django_db
MAX_QUERIES = 20

URLS = [
    "/case-studies/",
    "/case-studies/?region=london&setting=pru&setting=mainstream&theme=send&phase=secondary",
    "/case-studies/?q=inclusion",
    "/case-studies/?q=unit&region=east-midlands",
    "/case-studies/lincolnshire/",
    "/",
]


def count_queries(client, url):
    client.get(url)  # renditions and content types, as on a site that has been running
    cache.clear()
    memo.forget()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_case_study_pages_are_bounded_and_do_not_grow_with_the_number_of_case_studies(
    client, index, case_studies, topics, setting_types
):
    image, _ = get_or_create_image("test-card", "Test card", "Abstract shapes", "sky")
    for page in case_studies.values():
        page.image = image
        page.save()
    FeaturedCaseStudy.objects.create(index=index, case_study=case_studies["tallis"], sort_order=0)
    few = {url: count_queries(client, url) for url in URLS}

    regions = ["london", "east-midlands", "north-east", "south-west"]
    for n in range(40):
        CaseStudyPageFactory(
            parent=index,
            title=f"Inclusion in a unit, part {n}",
            image=image,
            region=regions[n % 4],
            setting_types=list(setting_types.values())[: 1 + n % 3],
            themes=list(topics.values())[: 1 + n % 4],
        )
    many = {url: count_queries(client, url) for url in URLS}

    over = {url: n for url, n in many.items() if n > MAX_QUERIES}
    assert not over, f"more than {MAX_QUERIES} queries: {over}"
    grew = {url: (few[url], many[url]) for url in URLS if many[url] != few[url]}
    assert not grew, f"queries grew with 40 more case studies (before, after): {grew}"
