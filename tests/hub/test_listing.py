"""The hub's listing: filters with counts, search with highlights, sorting, pages, bad input."""

import re

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from hub.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def titles(page):
    return [" ".join(a.get_text().split()) for a in page.select(".listing-results .card__link")]


def options(page, param):
    """{value: (label, count, checked)} of one facet's checkboxes."""
    found = {}
    for box in page.select(f'input[name="{param}"]'):
        label = page.find("label", attrs={"for": box["id"]})
        count = label.select_one(".filter-option__count").get_text()
        found[box["value"]] = (
            label.get_text(" ", strip=True).split(" (")[0],
            int(re.search(r"\d+", count).group()),
            box.has_attr("checked"),
        )
    return found


def heading(page):
    return " ".join(page.select_one(".listing-results__heading").get_text().split())


def test_all_articles_newest_first_with_counts_for_every_filter(client, articles):
    page = soup(client.get("/hub/"))
    assert heading(page) == "4 articles"
    assert titles(page) == [
        "A year of leading in alternative provision",
        "Communication needs and vulnerability",
        "Underachievement in science, and how to overcome it",
        "What makes for a successful reintegration from PRU to mainstream school?",
    ]
    assert options(page, "topic") == {
        "communication-needs": ("Communication needs", 1, False),
        "reintegration": ("Reintegration", 1, False),
        "science": ("Science", 1, False),
        "send": ("SEND", 2, False),
    }
    assert options(page, "type") == {
        "enquiry": ("Practitioner enquiry", 1, False),
        "talk": ("Talk or presentation", 2, False),
        "reflection": ("Reflection", 1, False),
    }
    assert options(page, "author")["mike-power"] == ("Mike Power", 2, False)
    assert options(page, "author")["yasmin-omar"] == ("Yasmin Omar", 2, False)
    assert options(page, "setting") == {
        "pru": ("Pupil referral unit", 2, False),
        "mainstream": ("Mainstream school", 1, False),
    }
    assert options(page, "year") == {"2024": ("2024", 3, False), "2023": ("2023", 1, False)}


def test_filters_combine_and_each_facet_counts_with_the_others_applied(client, articles):
    page = soup(client.get("/hub/?topic=send&type=talk"))
    assert titles(page) == ["Communication needs and vulnerability"]
    # Topic counts apply the type filter; type counts apply the topic filter.
    assert options(page, "topic")["send"] == ("SEND", 1, True)
    assert options(page, "topic")["science"] == ("Science", 1, False)
    assert options(page, "type") == {
        "enquiry": ("Practitioner enquiry", 1, False),
        "talk": ("Talk or presentation", 1, True),
    }
    chips = [a.get_text(" ", strip=True) for a in page.select(".active-filters__tag")]
    assert chips == ["Remove filter Topic: SEND ×", "Remove filter Type: Talk or presentation ×"]  # noqa: RUF001 - the page's typography
    # Each chip removes its own filter and keeps the other, and lands on the results.
    removes = [a["href"] for a in page.select(".active-filters__tag")]
    assert removes == ["?type=talk#results", "?topic=send#results"]


def test_values_within_a_filter_are_alternatives(client, articles):
    page = soup(client.get("/hub/?year=2023&year=2024&author=mike-power"))
    assert sorted(titles(page)) == [
        "A year of leading in alternative provision",
        "What makes for a successful reintegration from PRU to mainstream school?",
    ]


def test_author_and_setting_filters(client, articles):
    assert titles(soup(client.get("/hub/?author=coshia-belvet"))) == [
        "Communication needs and vulnerability"
    ]
    assert sorted(titles(soup(client.get("/hub/?setting=pru")))) == [
        "Underachievement in science, and how to overcome it",
        "What makes for a successful reintegration from PRU to mainstream school?",
    ]


@pytest.mark.parametrize(
    "query",
    [
        "topic=no-such-topic",
        "topic=%3Cscript%3E",
        "type=manifesto",
        "author=nobody&setting=nowhere",
        "year=abcd&year=99",
        "topic=send&topic=send&topic=send",
        "sort=chaos",
        "unknown=1",
    ],
)
def test_unknown_and_repeated_values_are_ignored(client, articles, query):
    page = soup(client.get(f"/hub/?{query}"))
    expected = 2 if "send" in query else 4
    assert heading(page) == f"{expected} articles"


def test_a_year_with_nothing_shows_the_empty_state_with_a_way_out(client, articles):
    page = soup(client.get("/hub/?year=2001"))
    assert heading(page) == "0 articles"
    empty = page.select_one(".empty-state")
    assert "No articles match with these filters." in " ".join(empty.get_text().split())
    assert empty.find("a", string="remove the filters")["href"] == "/hub/"
    # The chosen year stays ticked so it can be unticked.
    assert options(page, "year")["2001"] == ("2001", 0, True)


@pytest.mark.parametrize("number", ["0", "-1", "two", "3", "999999999", "1.5"])
def test_a_page_number_past_the_end_or_not_a_number_is_404(client, articles, number):
    assert client.get(f"/hub/?page={number}").status_code == 404


def test_pagination_keeps_the_filters(client, hub, people, topics):
    for n in range(15):
        ArticlePageFactory(
            parent=hub, title=f"Bulk {n:02}", authors=[people["mike"]], topics=[topics["send"]]
        )
    first = soup(client.get("/hub/?topic=send"))
    assert heading(first) == "15 articles, page 1 of 2"
    assert len(titles(first)) == 12
    nav = first.select_one("nav.pagination")
    assert nav["aria-label"] == "Pages of results"
    assert nav.select_one('[aria-current="page"]').get_text() == "Page 1"
    next_url = nav.select_one('a[rel="next"]')["href"]
    assert next_url == "?topic=send&page=2"
    second = soup(client.get(f"/hub/{next_url}"))
    assert len(titles(second)) == 3
    assert second.select_one('a[rel="prev"]')["href"] == "?topic=send"
    assert client.get("/hub/?topic=send&page=3").status_code == 404


def test_search_finds_title_standfirst_body_author_and_topic(client, articles):
    found = {
        "reintegration": "What makes for a successful reintegration from PRU to mainstream school?",
        "thrive": "What makes for a successful reintegration from PRU to mainstream school?",
        "vocabulary": "Underachievement in science, and how to overcome it",
        "belvet": "Communication needs and vulnerability",
        "communication": "Communication needs and vulnerability",
    }
    for query, title in found.items():
        assert titles(soup(client.get(f"/hub/?q={query}"))) == [title], query


def test_search_results_are_highlighted_safely(client, articles):
    page = soup(client.get("/hub/?q=reintegration"))
    card = page.select_one(".listing-results .card")
    assert [m.get_text() for m in card.select(".card__title mark")] == ["reintegration"]
    assert "reintegration" in [m.get_text() for m in card.select(".card__text mark")]
    assert page.select_one("#listing-q")["value"] == "reintegration"
    assert heading(page) == "1 article for ‘reintegration’"  # noqa: RUF001 - the page's typography


def test_search_sorts_by_relevance_or_newest(client, hub, people):
    older = ArticlePageFactory(
        parent=hub,
        title="Attendance, attendance, attendance",
        standfirst="Attendance first.",
        first_published="2020-01-01",
    )
    newer = ArticlePageFactory(
        parent=hub, title="A note on leadership", standfirst="One word on attendance."
    )
    relevance = titles(soup(client.get("/hub/?q=attendance")))
    assert relevance == [older.title, newer.title]
    newest = soup(client.get("/hub/?q=attendance&sort=newest"))
    assert titles(newest) == [newer.title, older.title]
    assert newest.select_one("#listing-sort option[selected]")["value"] == "newest"


def test_search_and_filters_combine(client, articles):
    page = soup(client.get("/hub/?q=communication&type=talk&topic=send"))
    assert titles(page) == ["Communication needs and vulnerability"]
    page = soup(client.get("/hub/?q=science&type=enquiry"))
    assert titles(page) == []
    assert "No articles match ‘science’ with these filters." in " ".join(  # noqa: RUF001 - the page's typography
        page.select_one(".empty-state").get_text().split()
    )


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        '"reintegration',
        'reintegration AND NOT (science OR "send")',
        "-science +pru*",
        "NEAR(a b)",
        "' OR 1=1 --",
        "%00%27%22",
        "<script>alert(1)</script>",
        "ümlaut café",
        "the a of",
    ],
)
def test_odd_queries_give_a_page_never_an_error(client, articles, query):
    response = client.get("/hub/", {"q": query})
    page = soup(response)
    assert len(page.select_one("#listing-q")["value"]) <= 200
    assert b"<script>alert(1)</script>" not in response.content


def test_filtered_listings_are_not_indexed_but_the_plain_one_is(client, articles):
    assert not soup(client.get("/hub/")).find("meta", attrs={"name": "robots"})
    robots = soup(client.get("/hub/?topic=send")).find("meta", attrs={"name": "robots"})
    assert robots["content"] == "noindex, follow"


def test_the_form_works_without_javascript(client, articles):
    page = soup(client.get("/hub/"))
    form = page.select_one("form.filter-panel__form")
    # Sent, it shows the results first (the filters above them fold away on phones).
    assert form["method"] == "get" and form["action"] == "/hub/#results"
    assert page.select_one("#results.listing-results")
    disclosure = form.select_one("details.filter-panel__disclosure")
    assert disclosure is not None and not disclosure.has_attr("open")
    assert disclosure.select_one("summary").get_text(" ", strip=True) == "Filters"
    # Inside the <details>, the checkboxes still belong to the form and go with a search.
    assert disclosure.select('input[type="checkbox"]')
    assert not form.select_one('input[name="q"]').find_parent("details")
    assert form.select_one('button[type="submit"]')
    fields = {"q", "topic", "type", "author", "setting", "year"}
    assert {i["name"] for i in form.select("input, select")} == fields
    # Sorting is offered once there is a search to sort by relevance.
    searched = soup(client.get("/hub/?q=science")).select_one("form.filter-panel__form")
    assert {i["name"] for i in searched.select("input, select")} == fields | {"sort"}


def test_a_search_lists_and_counts_only_live_public_articles(client, hub, articles, people, topics):
    """The facets of a search count its hits alone: what the search may find must already be
    live, public and in this hub, so a private or unpublished match is neither shown nor
    counted in any option."""
    private = ArticlePageFactory(
        parent=hub, title="Science behind a password", topics=[topics["science"]]
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    draft = ArticlePageFactory(
        parent=hub, title="Science in draft", topics=[topics["science"]], authors=[people["mike"]]
    )
    draft.unpublish()
    page = soup(client.get("/hub/?q=science"))
    assert titles(page) == ["Underachievement in science, and how to overcome it"]
    assert options(page, "topic")["science"][1] == 1
    assert sum(count for _, count, _ in options(page, "type").values()) == 1
    assert "mike-power" not in options(page, "author")
