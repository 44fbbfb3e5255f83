"""What a reader sees on an article, and what search engines, sharing and citations read."""

import datetime
import json

from django.core.exceptions import ValidationError

import pytest
from bs4 import BeautifulSoup

from home.factories import ImageFactory
from hub.factories import ArticlePageFactory, paragraph
from hub.models import ArticlePage

pytestmark = pytest.mark.django_db

REFERENCES = {
    "type": "references",
    "value": {
        "heading": "References",
        "references": [
            {
                "key": "gill2017",
                "citation": "<p>Gill, K. (2017). <i>Making the Difference</i>.</p>",
                "url": "https://example.org/ippr",
            },
            {
                "key": "timpson2019",
                "citation": "<p>Timpson, E. (2019). <i>Review</i>.</p>",
                "url": "",
            },
        ],
    },
}


def facts(page):
    return {
        div.dt.get_text(): " ".join(div.dd.get_text().split())
        for div in page.select(".article__facts > div")
    }


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def json_ld(page) -> list[dict]:
    return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]


@pytest.fixture
def research(hub, people, topics):
    image = ImageFactory(description="A diagram of three overlapping circles")
    figure = lambda caption: {  # noqa: E731
        "type": "figure",
        "value": {
            "image": {"image": image.pk, "decorative": False, "alt_text": ""},
            "caption": caption,
            "source": "School records",
            "long_description": "Child, family and system overlap.",
        },
    }
    return ArticlePageFactory(
        parent=hub,
        title="What makes reintegration work?",
        slug="what-makes-reintegration-work",
        standfirst="Factors at the level of the child, the family and the system.",
        article_type="enquiry",
        first_published=datetime.date(2023, 3, 14),
        last_reviewed=datetime.date(2024, 9, 1),
        authors=[people["mike"], people["coshia"]],
        topics=[topics["reintegration"]],
        body=[
            {"type": "heading", "value": {"text": "Why it matters", "level": "h2"}},
            paragraph("Around 41 pupils a day are excluded [@gill2017]."),
            {"type": "heading", "value": {"text": "The child", "level": "h3"}},
            figure("Three levels"),
            paragraph("Schools stay responsible [@timpson2019; @gill2017]. " + "word " * 700),
            figure("Barriers"),
            {
                "type": "key_takeaways",
                "value": {"heading": "Key takeaways", "items": ["Plan together."]},
            },
            REFERENCES,
        ],
    )


def test_header_shows_type_title_authors_dates_and_reading_time(client, research):
    page = soup(client.get(research.url))
    assert page.select_one(".article__type").text == "Practitioner enquiry"
    assert [h1.text for h1 in page.find_all("h1")] == ["What makes reintegration work?"]
    byline = page.select_one(".article__byline")
    # Public profiles are linked; a person without one is named, not linked.
    assert [(a.text, a["href"]) for a in byline.find_all("a")] == [
        ("Mike Power", "/hub/authors/mike-power/")
    ]
    assert "Coshia Belvet" in byline.text
    assert research.reading_time == 4  # about 740 words at 230 a minute
    assert facts(page) == {
        "Published": "14 March 2023",
        "Last reviewed": "1 September 2024",
        "Reading time": "4 minutes",
    }


def test_table_of_contents_follows_the_headings(client, research):
    toc = soup(client.get(research.url)).select_one("nav.toc")
    links = [(a.text, a["href"]) for a in toc.find_all("a")]
    assert links == [
        ("Why it matters", "#why-it-matters"),
        ("The child", "#the-child"),
        ("References", "#references"),
    ]
    page = soup(client.get(research.url))
    for _, anchor in links:
        assert page.find(id=anchor[1:]), anchor


def test_citations_are_numbered_links_to_the_references(client, research):
    page = soup(client.get(research.url))
    citations = [
        [(a.get_text(), a["href"]) for a in sup.find_all("a")]
        for sup in page.select("sup.citation")
    ]
    assert citations == [
        [("Reference 1", "#ref-1")],
        [("Reference 2", "#ref-2"), ("Reference 1", "#ref-1")],
    ]
    items = page.select(".references__item")
    assert [li["id"] for li in items] == ["ref-1", "ref-2"]
    assert items[0].find("i").text == "Making the Difference"
    assert items[0].find("a")["href"] == "https://example.org/ippr"
    assert "[@" not in page.select_one(".article__body").get_text()


def test_figures_are_numbered_with_captions_and_descriptions(client, research):
    figures = soup(client.get(research.url)).select("figure.figure--numbered")
    assert figures[0]["id"] == "figure-1"
    assert figures[0].img["alt"] == "A diagram of three overlapping circles"
    # The long description opens from the end of the caption (a figure's caption is its last
    # child, so the description sits inside it).
    assert figures[1].figcaption.details.summary.text == "Describe figure 2 in words"
    for figure in figures:
        if figure.figcaption.details:
            figure.figcaption.details.extract()
    captions = [" ".join(f.figcaption.get_text().split()) for f in figures]
    assert captions == [
        "Figure 1: Three levels Source: School records",
        "Figure 2: Barriers Source: School records",
    ]


def test_key_takeaways_box(client, research):
    box = soup(client.get(research.url)).select_one("aside.takeaways")
    assert box.h2.text == "Key takeaways"
    assert [li.text for li in box.find_all("li")] == ["Plan together."]


def test_cite_this_gives_apa_and_bibtex_without_javascript(client, research):
    page = soup(client.get(research.url))
    cite = page.select_one("details.cite")
    assert cite.summary.text == "Cite this practitioner enquiry"
    apa = cite.select_one("#cite-apa-text").get_text()
    assert apa == (
        "Power, M., & Belvet, C. (2023, March 14). What makes reintegration work? The Difference. "
        "http://testserver/hub/what-makes-reintegration-work/"
    )
    bibtex = cite.select_one("#cite-bibtex-text").get_text()
    assert bibtex.startswith("@misc{power2023what,\n")
    assert "  author = {Power, Mike and Belvet, Coshia},\n" in bibtex
    assert "  title = {{What makes reintegration work?}},\n" in bibtex
    assert "  url = {http://testserver/hub/what-makes-reintegration-work/}\n}" in bibtex
    # Copy buttons are an enhancement: hidden until hub.js shows them.
    assert all(button.has_attr("hidden") for button in cite.select("button"))
    assert page.find("script", src="/static/js/hub.js")


def test_talks_are_cited_as_presentations(client, hub, people):
    talk = ArticlePageFactory(
        parent=hub,
        title="Underachievement in science",
        article_type="talk",
        event_name="IncludEd conference",
        event_venue="London",
        event_date=datetime.date(2024, 6, 20),
        authors=[people["yasmin"]],
    )
    page = soup(client.get(talk.url))
    assert (
        page.select_one("#cite-apa-text")
        .get_text()
        .startswith(
            "Omar, Y. (2024, June 20). Underachievement in science [Conference presentation]. "
            "IncludEd conference, London. http://testserver/"
        )
    )
    assert facts(page)["Presented at"] == "IncludEd conference, London, 20 June 2024"


def test_json_ld_describes_a_scholarly_article(client, research):
    page = soup(client.get(research.url))
    [data] = [d for d in json_ld(page) if d["@type"] == "ScholarlyArticle"]
    assert data["headline"] == "What makes reintegration work?"
    assert data["datePublished"] == "2023-03-14"
    assert data["dateModified"] == "2024-09-01"
    assert data["url"] == "http://testserver/hub/what-makes-reintegration-work/"
    assert [a["name"] for a in data["author"]] == ["Mike Power", "Coshia Belvet"]
    assert data["author"][0]["url"] == "http://testserver/hub/authors/mike-power/"
    assert "url" not in data["author"][1]
    assert data["keywords"] == "Reintegration"
    assert data["publisher"]["name"] == "The Difference"


def test_json_ld_can_not_be_broken_out_of(client, hub, people):
    article = ArticlePageFactory(
        parent=hub,
        title="</script><script>alert(1)</script>",
        slug="tricky",
        article_type="reflection",
        authors=[people["mike"]],
    )
    response = client.get(article.url)
    assert b"<script>alert(1)" not in response.content
    [data] = [d for d in json_ld(soup(response)) if d["@type"] == "Article"]
    assert data["name"] == "</script><script>alert(1)</script>"


def test_open_graph_marks_an_article(client, research):
    page = soup(client.get(research.url))
    og = {tag["property"]: tag["content"] for tag in page.find_all("meta", property=True)}
    assert og["og:type"] == "article"
    assert og["og:title"] == "What makes reintegration work?"
    assert og["og:description"] == research.standfirst
    assert og["article:published_time"] == "2023-03-14"
    assert og["article:tag"] == "Reintegration"
    assert (
        page.find("link", rel="canonical")["href"]
        == "http://testserver/hub/what-makes-reintegration-work/"
    )


def test_topics_link_to_topic_pages(client, research):
    tags = soup(client.get(research.url)).select(".article__classification a.tag")
    assert [(a.text, a["href"]) for a in tags] == [("Reintegration", "/hub/topics/reintegration/")]


def test_related_articles_share_a_topic_newest_first(client, hub, people, topics, research):
    old = ArticlePageFactory(
        parent=hub, title="Old", topics=[topics["reintegration"]], first_published="2020-01-01"
    )
    new = ArticlePageFactory(
        parent=hub, title="New", topics=[topics["reintegration"]], first_published="2025-01-01"
    )
    ArticlePageFactory(parent=hub, title="Unrelated", topics=[topics["science"]])
    draft = ArticlePageFactory(parent=hub, title="Draft", topics=[topics["reintegration"]])
    draft.unpublish()
    related = soup(client.get(research.url)).select("#related-heading ~ .card-grid .card__link")
    assert [a.text for a in related] == [new.title, old.title]


def test_a_document_is_offered_for_download(client, hub, people):
    from wagtail_factories import DocumentFactory

    document = DocumentFactory(title="Full paper")
    article = ArticlePageFactory(parent=hub, document=document, authors=[people["mike"]])
    download = soup(client.get(article.url)).select_one(".article__download .download__link")
    assert download.text == "Full paper"


def test_validation_refuses_unknown_citations_reserved_slugs_and_talks_without_events(hub, people):
    article = ArticlePage(
        title="Draft",
        slug="authors",
        standfirst="A standfirst.",
        article_type="talk",
        body=[paragraph("As shown [@nobody2020].")],
    )
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    messages = error.value.message_dict
    assert "used by the hub's own pages" in messages["slug"][0]
    assert messages["event_name"] == ["Say where the talk or presentation was given."]
    assert "[@nobody2020]" in messages["body"][0]


def test_draft_and_unknown_articles_are_not_found(client, hub, research):
    research.unpublish()
    assert client.get("/hub/what-makes-reintegration-work/").status_code == 404
    assert client.get("/hub/no-such-article/").status_code == 404
