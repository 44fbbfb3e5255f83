"""Hub pages cost a bounded number of SQL queries, whatever the number of articles."""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from caching import memo
from hub.factories import ArticlePageFactory, PersonFactory
from hub.models import HubFeaturedArticle

pytestmark = pytest.mark.django_db
MAX_QUERIES = 20

URLS = [
    "/hub/",
    "/hub/?topic=send&type=talk&type=enquiry&setting=pru&year=2023&year=2024&author=mike-power",
    "/hub/?q=reintegration",
    "/hub/?q=science&sort=newest&topic=science",
    "/hub/?page=1&topic=send",
    "/hub/successful-reintegration/",
    "/hub/topics/send/",
    "/hub/topics/send/?type=talk&q=communication",
    "/hub/authors/mike-power/",
    "/hub/authors/",
    "/hub/topics/",
    "/hub/feed/rss/",
    "/hub/topics/send/feed/atom/",
    "/search/?q=science",
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


def add_articles(hub, people, topics, setting_types, how_many):
    authors = [PersonFactory(given_names=f"Extra{n}", family_name="Author") for n in range(8)]
    for n in range(how_many):
        ArticlePageFactory(
            parent=hub,
            title=f"Reintegration and science, part {n}",
            standfirst="More on reintegration, science and communication.",
            article_type=["research", "talk", "enquiry", "review"][n % 4],
            event_name="A conference",
            first_published=datetime.date(2018 + n % 7, 1 + n % 12, 1),
            authors=[authors[n % 8], people["mike"]],
            topics=[topics["send"], topics["science"], topics["reintegration"]][: 1 + n % 3],
            setting_types=[setting_types["pru"]],
        )


def test_hub_queries_are_bounded_and_do_not_grow_with_the_number_of_articles(
    client, hub, articles, people, topics, setting_types
):
    HubFeaturedArticle.objects.create(hub=hub, article=articles["science"], sort_order=0)
    few = {url: count_queries(client, url) for url in URLS}
    add_articles(hub, people, topics, setting_types, 60)
    many = {url: count_queries(client, url) for url in URLS}
    over = {url: n for url, n in many.items() if n > MAX_QUERIES}
    assert not over, f"more than {MAX_QUERIES} queries: {over}"
    grew = {url: (few[url], many[url]) for url in URLS if many[url] != few[url]}
    assert not grew, f"queries grew with 60 more articles (before, after): {grew}"
