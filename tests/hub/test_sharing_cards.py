"""Each article is shared with an image of its own: its picture, or a card drawn with its kind
and title, rather than the site's one default image."""

import io

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from home.factories import ImageFactory
from hub.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def sharing(client, url) -> dict[str, str]:
    response = client.get(url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    tags = page.find_all("meta", property=True) + page.find_all("meta", attrs={"name": True})
    return {tag.get("property") or tag["name"]: tag["content"] for tag in tags}


def local(url: str) -> str:
    assert url.startswith("http://testserver/")
    return url.removeprefix("http://testserver")


def test_an_article_without_a_picture_is_shared_with_its_own_card(client, articles):
    one, other = articles["reintegration"], articles["science"]
    tags = sharing(client, one.url)

    card_url = tags["og:image"]
    assert card_url == tags["twitter:image"]
    assert tags["twitter:card"] == "summary_large_image"
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["og:image:alt"] == one.title
    # Every article its own card.
    assert sharing(client, other.url)["og:image"] != card_url

    response = client.get(local(card_url))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "immutable" in response["Cache-Control"]
    image = Image.open(io.BytesIO(response.content))
    assert image.size == (1200, 630)
    # The article's structured data shares the same image.
    page = BeautifulSoup(client.get(one.url).content, "html.parser")
    assert f'"image": "{card_url}"' in page.find("script", type="application/ld+json").string


def test_a_new_title_gives_a_new_card_and_the_old_address_follows(client, articles):
    article = articles["reintegration"]
    old = sharing(client, article.url)["og:image"]
    article.title = "Coming back to mainstream school"
    article.save_revision().publish()

    new = sharing(client, article.url)["og:image"]
    assert new != old
    moved = client.get(local(old))
    assert moved.status_code == 301 and moved["Location"] == local(new)


def test_an_article_with_a_picture_is_shared_with_it(client, hub, people):
    article = ArticlePageFactory(
        parent=hub, image=ImageFactory(description="Shapes"), authors=[people["mike"]]
    )
    image = sharing(client, article.url)["og:image"]
    assert "/sharing/" not in image and image.endswith(".jpg")


def test_no_card_for_a_draft_or_a_page_nobody_may_see(client, articles):
    article = articles["reintegration"]
    card = local(sharing(client, article.url)["og:image"])
    article.unpublish()
    assert client.get(card).status_code == 404
    assert client.get("/sharing/999999/abcdef012345.png").status_code == 404
