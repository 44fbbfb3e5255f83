"""Pages cost a bounded number of SQL queries, however many pages or evidence items they show."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from caching import memo
from home import factories
from home.demo import load
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db
MAX_QUERIES = 15
# The home and partner pages also show featured case studies (and the home page featured
# articles): a few bounded queries more. tests/casestudies/test_query_counts.py counts them
# with case studies to show.
MAX_QUERIES_WITH_FEATURES = 20


def count_queries(client, url):
    cache.clear()
    memo.forget()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize(
    "url",
    ["/", "/about/", "/about/our-story/", "/the-programme/", "/partner-with-us/", "/our-research/"],
)
def test_page_queries_are_bounded_and_independent_of_sibling_count(client, url):
    context = load()
    # Render once so image renditions exist, as they would on a live site.
    client.get(url)
    with_few = count_queries(client, url)
    for number in range(100):
        StandardPageFactory(parent=context.home, slug=f"sibling-{number}")
        StandardPageFactory(parent=context.pages["about"], slug=f"child-{number}")
    with_many = count_queries(client, url)
    limit = MAX_QUERIES_WITH_FEATURES if url in ("/", "/partner-with-us/") else MAX_QUERIES
    assert with_few <= limit, f"{url}: {with_few} queries"
    assert with_many == with_few, f"{url}: {with_few} queries, then {with_many} with 100 siblings"


def evidence_body(statistics, chart_statistics, testimonials):
    return [
        {
            "type": "statistics",
            "value": {"heading": "Why", "statistics": [s.pk for s in statistics]},
        },
        {
            "type": "comparison_chart",
            "value": {
                "title": "How much more likely",
                "items": [{"statistic": s.pk, "short_label": ""} for s in chart_statistics],
            },
        },
        *({"type": "testimonial", "value": t.pk} for t in testimonials),
    ]


def faq_block(questions):
    return [
        {
            "type": "faqs",
            "value": {
                "heading": "Questions",
                "audience": "applicants",
                "questions": [q.pk for q in questions],
            },
        }
    ]


def test_programme_page_costs_the_same_with_one_or_many_evidence_items(client, home_page):
    def evidence(count):
        return {
            "statistics": factories.StatisticFactory.create_batch(count),
            "chart": factories.StatisticFactory.create_batch(max(count, 2), form="times"),
            "testimonials": factories.TestimonialFactory.create_batch(count),
            "faqs": factories.FAQFactory.create_batch(count, audience="applicants"),
            "criteria": count,
        }

    def build(items):
        page.body = evidence_body(items["statistics"], items["chart"], items["testimonials"])
        page.questions = faq_block(items["faqs"])
        page.eligibility_criteria = [
            factories.EligibilityCriterionFactory.build(page=None) for _ in range(items["criteria"])
        ]
        page.save_revision().publish()
        client.get("/the-programme/")  # renditions, as on a live site

    page = factories.ProgrammePageFactory(
        parent=home_page, image=factories.ImageFactory(), apply_steps=[]
    )
    build(evidence(1))
    with_one = count_queries(client, "/the-programme/")
    build(evidence(8))
    with_many = count_queries(client, "/the-programme/")
    html = client.get("/the-programme/").content.decode()
    assert html.count('class="key-figure"') == 8
    assert html.count('class="chart__bar"') == 8
    assert html.count("<blockquote") == 8
    assert html.count('class="criteria__item"') == 8
    assert with_many == with_one, f"{with_one} queries with 1 of each, {with_many} with 8"
    assert with_many <= MAX_QUERIES


def test_faq_block_listing_its_audience_costs_one_query_however_many_questions(client, home_page):
    factories.PartnerPageFactory(
        parent=home_page,
        questions=[
            {"type": "faqs", "value": {"heading": "Q", "audience": "schools", "questions": []}}
        ],
    )
    factories.FAQFactory(audience="schools", answer='<p><a href="/">Home</a></p>')
    with_one = count_queries(client, "/partner-with-us/")
    target = factories.StandardPageFactory(parent=home_page, slug="target")
    factories.FAQFactory.create_batch(
        20,
        audience="schools",
        answer=f'<p>See <a linktype="page" id="{target.pk}">this page</a>.</p>',
    )
    with_many = count_queries(client, "/partner-with-us/")
    # 20 answers with internal links: their links are resolved together, in one query.
    assert with_many <= with_one + 1
    assert client.get("/partner-with-us/").content.decode().count('href="/target/"') == 20
