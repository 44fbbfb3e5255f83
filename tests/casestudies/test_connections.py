"""Connections: related case studies and hub articles on a case study, related case studies on
a hub article, featured case studies on the home and partner pages."""

import re

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from caching import memo
from casestudies.factories import CaseStudyPageFactory
from casestudies.models import FeaturedCaseStudy
from home.factories import PartnerPageFactory
from hub.factories import ArticlePageFactory, HubIndexPageFactory

pytestmark = pytest.mark.django_db


def section_titles(html, heading):
    """The card titles in the section whose h2 is `heading`."""
    match = re.search(rf">{heading}</h2>(.*?)</section>", html, re.S)
    assert match, f"no section {heading!r}"
    return re.findall(r'class="card__link" href="[^"]+">([^<]+)</a>', match.group(1))


@pytest.fixture
def hub_articles(home_page, topics):
    hub = HubIndexPageFactory(parent=home_page)
    return {
        "leading": ArticlePageFactory(
            parent=hub, title="Leading a PRU", topics=[topics["leadership"], topics["send"]]
        ),
        "send": ArticlePageFactory(parent=hub, title="SEND reviews", topics=[topics["send"]]),
        "unrelated": ArticlePageFactory(parent=hub, title="Attendance letters", topics=[]),
    }


def test_a_case_study_shows_case_studies_and_articles_sharing_its_themes(
    client, case_studies, hub_articles
):
    html = client.get("/case-studies/lincolnshire/").content.decode()

    # Leadership and SEND: "Three tiers" shares leadership, "A PRU and its families" SEND.
    related = section_titles(html, "Related case studies")
    assert sorted(related) == ["A PRU and its families", "Three tiers of inclusion"]
    # Most shared themes first: "Leading a PRU" shares two.
    assert section_titles(html, "From the knowledge hub") == ["Leading a PRU", "SEND reviews"]


def test_unpublished_case_studies_are_not_related(client, case_studies, hub_articles):
    case_studies["hackney"].unpublish()

    html = client.get("/case-studies/lincolnshire/").content.decode()

    assert section_titles(html, "Related case studies") == ["Three tiers of inclusion"]


def test_a_hub_article_shows_case_studies_on_its_topics(client, case_studies, hub_articles):
    html = client.get(hub_articles["send"].url).content.decode()

    assert sorted(section_titles(html, "Related case studies")) == [
        "A PRU and its families",
        "From special measures to a new academy",
    ]
    assert "Related case studies" not in client.get(hub_articles["unrelated"].url).content.decode()


def test_home_and_partner_pages_show_the_featured_case_studies_first(
    client, home_page, index, case_studies
):
    PartnerPageFactory(parent=home_page, slug="partner-with-us")
    FeaturedCaseStudy.objects.create(index=index, case_study=case_studies["special"], sort_order=0)

    for url in ("/", "/partner-with-us/"):
        html = client.get(url).content.decode()
        cards = re.findall(r'class="card__link" href="(/case-studies/[^"]+)"', html)
        # The featured one, then the most recent: three in all.
        assert cards[0] == "/case-studies/special-attendance/", url
        assert len(cards) == 3, url
        assert 'href="/case-studies/">See all case studies' in html, url


def test_no_case_studies_no_section(client, home_page, index):
    assert "See all case studies" not in client.get("/").content.decode()


def test_featured_case_studies_cost_the_same_however_many_exist(client, index, case_studies):
    def count():
        client.get("/")
        cache.clear()
        memo.forget()
        with CaptureQueriesContext(connection) as queries:
            client.get("/")
        return len(queries)

    few = count()
    for n in range(30):
        CaseStudyPageFactory(parent=index, title=f"More {n}", themes=[], period_start=2001)
    assert count() == few


def test_a_private_case_study_is_in_no_listing_and_the_next_request_sees_a_new_restriction(
    client, home_page, index, case_studies, hub_articles
):
    from wagtail.models import PageViewRestriction

    assert "A PRU and its families" in client.get("/case-studies/").content.decode()

    PageViewRestriction.objects.create(
        page=case_studies["hackney"], restriction_type="password", password="secret"
    )

    assert "A PRU and its families" not in client.get("/case-studies/").content.decode()
    html = client.get("/case-studies/lincolnshire/").content.decode()
    assert section_titles(html, "Related case studies") == ["Three tiers of inclusion"]
    assert "A PRU and its families" not in client.get(hub_articles["send"].url).content.decode()
    assert "/case-studies/pru-families/" not in client.get("/").content.decode()
