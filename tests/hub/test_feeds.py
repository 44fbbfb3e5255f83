"""RSS 2.0 and Atom feeds of the hub and of each topic, read with a real feed parser."""

import feedparser
import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


def test_hub_rss_lists_articles_newest_first(client, articles):
    response, feed = parse(client, "/hub/feed/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert feed.version == "rss20"
    assert feed.feed.title == "Knowledge hub | The Difference"
    assert feed.feed.link == "http://testserver/hub/"
    titles = [entry.title for entry in feed.entries]
    assert titles[0] == "A year of leading in alternative provision"
    assert len(titles) == 4
    entry = feed.entries[-1]
    assert entry.link == "http://testserver/hub/successful-reintegration/"
    assert entry.summary.startswith("Why some pupils thrive")
    assert entry.published_parsed[:3] == (2023, 3, 14)
    assert {tag.term for tag in entry.tags} == {"Practitioner enquiry", "Reintegration", "SEND"}


def test_hub_atom_feed(client, articles):
    response, feed = parse(client, "/hub/feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.version == "atom10"
    talk = next(e for e in feed.entries if e.title == "Communication needs and vulnerability")
    assert talk.author == "Coshia Belvet and Yasmin Omar"


def test_topic_feeds_hold_only_that_topic(client, articles):
    _, rss = parse(client, "/hub/topics/send/feed/rss/")
    _, atom = parse(client, "/hub/topics/send/feed/atom/")
    expected = {
        "Communication needs and vulnerability",
        "What makes for a successful reintegration from PRU to mainstream school?",
    }
    assert {e.title for e in rss.entries} == expected == {e.title for e in atom.entries}
    assert rss.feed.title == "SEND: Knowledge hub | The Difference"
    assert client.get("/hub/topics/nothing/feed/rss/").status_code == 404


@pytest.mark.parametrize("url", ["/hub/", "/hub/successful-reintegration/", "/hub/topics/send/"])
def test_pages_link_their_feeds_in_the_head(client, articles, url):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    links = {(link["type"], link["href"]) for link in page.head.find_all("link", rel="alternate")}
    assert ("application/rss+xml", "/hub/feed/rss/") in links
    assert ("application/atom+xml", "/hub/feed/atom/") in links
    if "topics" in url:
        assert ("application/rss+xml", "/hub/topics/send/feed/rss/") in links
        assert ("application/atom+xml", "/hub/topics/send/feed/atom/") in links


def test_sitemap_lists_public_author_pages_and_topics_with_articles(client, articles):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/hub/successful-reintegration/" in sitemap
    assert "http://testserver/hub/authors/mike-power/" in sitemap
    assert "http://testserver/hub/topics/send/" in sitemap
    assert "coshia-belvet" not in sitemap  # no public profile
