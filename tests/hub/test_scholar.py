"""Google Scholar reads an article's Highwire Press `citation_*` tags: every hub article carries
them, and they say what its "Cite this" block says."""

import datetime

from django.core.files.base import ContentFile

import pytest
from bs4 import BeautifulSoup
from wagtail_factories import DocumentFactory

from hub.factories import ArticlePageFactory, PersonFactory, paragraph

pytestmark = pytest.mark.django_db

REFERENCES = {
    "type": "references",
    "value": {
        "heading": "References",
        "references": [
            {
                "key": "gill2017",
                "citation": "<p>Gill, K. (2017). <i>Making the Difference: Breaking the link "
                "between school exclusion &amp; social exclusion</i>. IPPR.</p>",
                "url": "https://example.org/ippr",
            },
            {
                "key": "timpson2019",
                "citation": "<p>Timpson, E. (2019). <i>Timpson review of school exclusion</i>. "
                "Department for Education.</p>",
                "url": "",
            },
        ],
    },
}


def page_of(client, article) -> BeautifulSoup:
    response = client.get(article.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def scholar(page) -> list[tuple[str, str]]:
    """The citation_* tags in the order they appear: Scholar reads authors in order."""
    return [
        (tag["name"], tag["content"])
        for tag in page.find_all("meta", attrs={"name": True})
        if tag["name"].startswith("citation_")
    ]


def values(tags, name) -> list[str]:
    return [content for tag, content in tags if tag == name]


@pytest.fixture
def authors(db):
    return [
        PersonFactory(given_names="Yasmin", family_name="Omar", slug="yasmin-omar"),
        PersonFactory(given_names="Mike", family_name="Power", slug="mike-power"),
        PersonFactory(given_names="Coshia", family_name="Belvet", show_profile_publicly=False),
    ]


def test_an_article_carries_the_tags_scholar_documents_in_the_byline_order(client, hub, authors):
    article = ArticlePageFactory(
        parent=hub,
        title="What makes reintegration work?",
        slug="what-makes-reintegration-work",
        article_type="enquiry",
        first_published=datetime.date(2023, 3, 14),
        authors=authors,
        body=[paragraph("Around 41 pupils a day are excluded [@gill2017]."), REFERENCES],
    )
    tags = scholar(page_of(client, article))

    assert values(tags, "citation_title") == ["What makes reintegration work?"]
    # One tag per author, in the byline's order, whether or not they have a public profile.
    assert values(tags, "citation_author") == ["Omar, Yasmin", "Power, Mike", "Belvet, Coshia"]
    assert values(tags, "citation_publication_date") == ["2023/03/14"]
    assert values(tags, "citation_publisher") == ["The Difference"]
    assert values(tags, "citation_abstract_html_url") == [
        "http://testserver/hub/what-makes-reintegration-work/"
    ]
    # One per reference, in the references list's order, as plain text with its address.
    assert values(tags, "citation_reference") == [
        "Gill, K. (2017). Making the Difference: Breaking the link between school exclusion "
        "& social exclusion. IPPR. https://example.org/ippr",
        "Timpson, E. (2019). Timpson review of school exclusion. Department for Education.",
    ]
    assert values(tags, "citation_pdf_url") == []  # no PDF attached


def test_the_tags_agree_with_cite_this(client, hub, authors):
    article = ArticlePageFactory(
        parent=hub,
        title="Underachievement in science",
        article_type="talk",
        event_name="IncludEd conference",
        event_venue="London",
        event_date=datetime.date(2024, 6, 20),
        first_published=datetime.date(2024, 7, 1),
        authors=authors[:2],
    )
    page = page_of(client, article)
    tags = scholar(page)
    apa = page.select_one("#cite-apa-text").get_text()
    bibtex = page.select_one("#cite-bibtex-text").get_text()

    # The same people in the same order...
    families = [author.split(",")[0] for author in values(tags, "citation_author")]
    assert families == ["Omar", "Power"]
    assert apa.startswith("Omar, Y., & Power, M. ")
    assert "author = {Omar, Yasmin and Power, Mike}" in bibtex
    # ...the same date (a talk is cited on the day it was given)...
    assert values(tags, "citation_publication_date") == ["2024/06/20"]
    assert "(2024, June 20)" in apa
    # ...and the same event.
    assert values(tags, "citation_conference_title") == ["IncludEd conference"]
    assert "IncludEd conference, London" in apa


def test_an_attached_pdf_is_the_full_text_and_other_files_are_not(client, hub, authors):
    pdf = DocumentFactory(title="Full paper", file=ContentFile(b"%PDF-1.4\n", name="paper.pdf"))
    slides = DocumentFactory(title="Slides", file=ContentFile(b"PK", name="slides.pptx"))
    with_pdf = ArticlePageFactory(parent=hub, document=pdf, authors=authors[:1])
    with_slides = ArticlePageFactory(parent=hub, document=slides, authors=authors[:1])

    [pdf_url] = values(scholar(page_of(client, with_pdf)), "citation_pdf_url")
    assert pdf_url == f"http://testserver{pdf.url}" and pdf_url.endswith("paper.pdf")
    assert client.get(pdf.url).status_code == 200
    assert values(scholar(page_of(client, with_slides)), "citation_pdf_url") == []


def test_an_article_without_authors_is_credited_to_the_organisation(client, hub):
    article = ArticlePageFactory(parent=hub, authors=[])
    page = page_of(client, article)
    assert values(scholar(page), "citation_author") == ["The Difference"]
    assert page.select_one("#cite-apa-text").get_text().startswith("The Difference. (")


def test_every_article_of_the_hub_carries_them(client, hub, authors):
    articles = [ArticlePageFactory(parent=hub, authors=authors[:1]) for _ in range(3)]
    for article in articles:
        tags = scholar(page_of(client, article))
        for name in ("citation_title", "citation_author", "citation_publication_date"):
            assert values(tags, name), (article.title, name)


def test_quotes_and_markup_in_a_title_stay_in_their_attribute(client, hub, authors):
    article = ArticlePageFactory(
        parent=hub, title='"Relationships" <first> & foremost', authors=authors[:1]
    )
    response = client.get(article.url)
    assert b'content="&quot;Relationships&quot; &lt;first&gt; &amp; foremost"' in response.content
    assert values(scholar(page_of(client, article)), "citation_title") == [
        '"Relationships" <first> & foremost'
    ]
