"""The home page's articles from the hub, and the site-wide search page."""

import pytest
from bs4 import BeautifulSoup

from home.factories import StandardPageFactory
from hub.models import HubFeaturedArticle

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def home_titles(client):
    section = soup(client.get("/")).find(id="featured-articles-heading").parent
    return [a.text for a in section.select(".card__link")], section


def test_home_shows_the_latest_articles_without_a_choice(client, articles):
    titles, section = home_titles(client)
    assert titles == [
        "A year of leading in alternative provision",
        "Communication needs and vulnerability",
        "Underachievement in science, and how to overcome it",
    ]
    assert section.select_one("a.button")["href"] == "/hub/"
    assert "By Mike Power" in section.select_one(".card__meta").text


def test_hand_picked_articles_come_first_in_their_order(client, hub, articles):
    HubFeaturedArticle.objects.create(hub=hub, article=articles["reintegration"], sort_order=0)
    HubFeaturedArticle.objects.create(hub=hub, article=articles["science"], sort_order=1)
    titles, _ = home_titles(client)
    assert titles == [
        "What makes for a successful reintegration from PRU to mainstream school?",
        "Underachievement in science, and how to overcome it",
        "A year of leading in alternative provision",
    ]


def test_unpublished_articles_never_reach_the_home_page(client, hub, articles):
    HubFeaturedArticle.objects.create(hub=hub, article=articles["reintegration"], sort_order=0)
    articles["reintegration"].unpublish()
    titles, _ = home_titles(client)
    assert "What makes for a successful reintegration from PRU to mainstream school?" not in titles


def test_home_has_no_hub_section_without_articles(client, hub):
    assert not soup(client.get("/")).find(id="featured-articles-heading")


def test_site_search_finds_pages_and_articles_with_highlights(client, home_page, articles):
    StandardPageFactory(
        parent=home_page,
        title="Partner with us",
        slug="partner",
        introduction="Schools that host a Difference Leader gain expert science teaching.",
    )
    page = soup(client.get("/search/?q=science"))
    results = page.select(".search-result")
    titles = [" ".join(r.select_one(".search-result__title").get_text().split()) for r in results]
    assert "Underachievement in science, and how to overcome it" in titles
    assert "Partner with us" in titles
    partner = results[titles.index("Partner with us")]
    assert partner.select_one(".search-result__type").text == "Standard page"
    assert partner.select_one(".search-result__excerpt mark").text == "science"
    talk = results[titles.index("Underachievement in science, and how to overcome it")]
    assert talk.select_one(".search-result__type").text == "Talk or presentation"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, follow"
    assert [h1.text for h1 in page.find_all("h1")] == ["Search results"]


def test_site_search_leaves_out_drafts(client, home_page, articles):
    articles["science"].unpublish()
    page = soup(client.get("/search/?q=vocabulary"))
    assert not page.select(".search-result")
    assert "Nothing on the website matches ‘vocabulary’." in page.text  # noqa: RUF001 - the page's typography


@pytest.mark.parametrize(
    "query", ["", "   ", "!!!", "x" * 10_000, '"unclosed', "a AND (b OR NOT c)", "<b>bold</b>"]
)
def test_site_search_copes_with_any_query(client, home_page, articles, query):
    response = client.get("/search/", {"q": query})
    page = soup(response)
    assert page.select_one("#site-search-q")["value"] == query.strip()[:200]
    assert b"<b>bold</b>" not in response.content


@pytest.mark.parametrize("number", ["0", "x", "99"])
def test_site_search_pages_past_the_end_are_404(client, home_page, articles, number):
    assert client.get(f"/search/?q=science&page={number}").status_code == 404


def test_home_bylines_name_two_authors_and_count_the_rest(client, hub, people):
    from hub.factories import ArticlePageFactory, PersonFactory

    ArticlePageFactory(
        parent=hub,
        title="Written by four",
        authors=[people["yasmin"], people["mike"], PersonFactory(), PersonFactory()],
    )
    ArticlePageFactory(
        parent=hub, title="Written by two", authors=[people["mike"], people["coshia"]]
    )
    _, section = home_titles(client)
    bylines = [
        " ".join(m.select_one(".card__byline").text.split()) for m in section.select(".card")
    ]
    assert bylines == ["By Mike Power and Coshia Belvet", "By Yasmin Omar and 3 others"]
