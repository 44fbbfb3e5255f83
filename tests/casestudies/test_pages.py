"""Case study pages: the page tree, the fields a reader sees, and the index's filters."""

import html as html_lib
import re

from wagtail.test.utils import WagtailPageTestCase

import pytest

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailPageTestCase):
    def test_index_under_home_and_case_studies_only_under_the_index(self):
        self.assertAllowedParentPageTypes(CaseStudyIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CaseStudyIndexPage, {CaseStudyPage})
        self.assertAllowedParentPageTypes(CaseStudyPage, {CaseStudyIndexPage})
        self.assertAllowedSubpageTypes(CaseStudyPage, set())
        self.assertCanNotCreateAt(StandardPage, CaseStudyPage)
        self.assertCanNotCreateAt(HomePage, CaseStudyPage)


def test_only_one_index(index):
    assert not CaseStudyIndexPage.can_create_at(index.get_parent())


def titles(response):
    html = response.content.decode()
    found = re.findall(r'class="card__link" href="[^"]+">([^<]+)</a>', html)
    return [html_lib.unescape(title) for title in found]


def test_case_study_shows_its_structured_fields(client, case_studies):
    response = client.get("/case-studies/lincolnshire/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "From special measures to a new academy" in html
    assert "Springwell, Lincoln City Academy" in html
    assert "Lincolnshire, East Midlands" in html
    assert "2015 to 2019" in html
    assert "Pupil referral unit" in html
    assert "Secondary" in html
    # The three sections, in order, each with its own heading and contents entry.
    positions = [
        html.index(f'id="{anchor}"') for anchor in ("starting-point", "what-changed", "impact")
    ]
    assert positions == sorted(positions)
    assert '<a href="#what-changed">What changed</a>' in html
    assert "pupil referral unit was failing." in html
    # Themes link to the index, filtered.
    assert 'href="/case-studies/?theme=send"' in html


def test_an_ongoing_story_reads_to_now(case_studies):
    assert case_studies["tallis"].period == "2019 to now"
    assert case_studies["lincolnshire"].period == "2015 to 2019"


def test_index_lists_every_live_case_study_newest_first(client, case_studies):
    case_studies["special"].unpublish()

    response = client.get("/case-studies/")

    assert response.status_code == 200
    # Ongoing first, then by the year the story ends.
    assert titles(response) == [
        "Three tiers of inclusion",
        "A PRU and its families",
        "From special measures to a new academy",
    ]
    assert "3 case studies" in response.content.decode()


def test_filters_combine_with_counts(client, case_studies):
    response = client.get("/case-studies/?region=london")
    assert set(titles(response)) == {"Three tiers of inclusion", "A PRU and its families"}

    # OR within a facet, AND across facets.
    response = client.get("/case-studies/?region=london&setting=pru&setting=special-school")
    assert titles(response) == ["A PRU and its families"]

    response = client.get("/case-studies/?theme=attendance&theme=leadership&region=north-east")
    assert titles(response) == ["A special school's attendance plan"]

    # Counts: how many results ticking that option would give, the other filters applied.
    listing = client.get("/case-studies/?region=london").context["listing"]
    counts = {
        facet.param: {option.value: option.count for option in facet.options}
        for facet in listing.facets
    }
    assert counts["region"] == {"east-midlands": 1, "london": 2, "north-east": 1}
    assert counts["setting"] == {"pru": 1, "mainstream": 1}
    assert counts["theme"] == {"leadership": 1, "safeguarding": 1, "attendance": 1, "send": 1}


def test_filter_form_works_without_javascript(client, case_studies):
    html = client.get("/case-studies/?theme=send").content.decode()

    assert re.search(r'<form class="filter-panel__form" method="get"', html)
    assert re.search(r'name="theme" value="send" id="filter-theme-send" checked', html)
    assert "Remove filter" in html
    assert 'name="robots" content="noindex, follow"' in html


@pytest.mark.parametrize(
    "query",
    [
        "?region=atlantis",
        "?setting=<script>&theme=%00",
        "?theme=" + "x" * 500,
        "?region=london&region=london&region=london",
        "?q=%22%22%22&sort=upside-down",
        "?q=" + "inclusion " * 1000,
        "?setting=pru&setting=pru&page=1",
    ],
)
def test_bad_filter_values_give_a_sensible_page(client, case_studies, query):
    response = client.get("/case-studies/" + query)

    assert response.status_code == 200


def test_unknown_values_are_ignored(client, case_studies):
    response = client.get("/case-studies/?region=atlantis&theme=unknown")

    assert len(titles(response)) == 4
    assert "Remove filter" not in response.content.decode()


@pytest.mark.parametrize("page", ["2", "999", "abc", "0", "-1", "1.5"])
def test_a_page_out_of_range_is_not_found(client, case_studies, page):
    response = client.get(f"/case-studies/?page={page}")

    assert response.status_code == 404


def test_pagination(client, index, case_studies):
    for n in range(CaseStudyIndexPage.PER_PAGE):
        CaseStudyPageFactory(parent=index, title=f"Extra {n}", period_start=2000)

    first = client.get("/case-studies/")
    second = client.get("/case-studies/?page=2")

    assert len(titles(first)) == CaseStudyIndexPage.PER_PAGE
    assert len(titles(second)) == 4
    assert 'aria-current="page"' in second.content.decode()


def test_empty_state_offers_a_way_out(client, case_studies):
    response = client.get("/case-studies/?q=zebra")

    html = response.content.decode()
    assert response.status_code == 200
    assert "No case studies match" in html
    assert "see every case study" in html.lower() or "see every case studies" in html.lower()


def test_search_finds_case_studies_and_highlights(client, case_studies):
    response = client.get("/case-studies/?q=failing")

    assert titles(response) == ["From special measures to a new academy"]
    assert "<mark>failing</mark>" in response.content.decode()
