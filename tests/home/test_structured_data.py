"""Search engines understand every page: the structured data (JSON-LD) each page type carries,
parsed as a search engine parses it."""

import json

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup

from home.factories import StandardPageFactory
from home.models import SiteSettings

pytestmark = pytest.mark.django_db


def json_ld(client, url) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200, url
    page = BeautifulSoup(response.content, "html.parser")
    return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]


def of_type(items: list[dict], kind: str) -> list[dict]:
    found = []
    for item in items:
        found += [node for node in item.get("@graph", [item]) if node.get("@type") == kind]
    return found


@pytest.fixture
def site_settings(home_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = "hello@example.org"
    settings.contact_telephone = "020 7946 0000"
    settings.address = "Example House\nLondon"
    settings.charity_number = "1234567"
    settings.social_links = [
        ("social", {"platform": "linkedin", "url": "https://www.linkedin.com/company/example"}),
        ("social", {"platform": "bluesky", "url": "https://bsky.app/profile/example"}),
    ]
    settings.save()
    return settings


def test_the_home_page_describes_the_organisation_and_the_website_with_its_search(
    client, home_page, site_settings
):
    data = json_ld(client, "/")
    [organisation] = of_type(data, "Organization")
    [website] = of_type(data, "WebSite")

    assert organisation["name"] == "The Difference"
    assert organisation["url"] == "http://testserver/"
    assert organisation["logo"]["url"].startswith("http://testserver/static/")
    assert organisation["email"] == "hello@example.org"
    assert organisation["telephone"] == "020 7946 0000"
    assert organisation["address"]["streetAddress"] == "Example House, London"
    assert organisation["identifier"][0]["value"] == "1234567"
    assert organisation["sameAs"] == [
        "https://www.linkedin.com/company/example",
        "https://bsky.app/profile/example",
    ]
    assert website["url"] == "http://testserver/"
    assert website["publisher"] == {"@id": organisation["@id"]}
    # The site search as a SearchAction whose template is a working search address.
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    template = action["target"]["urlTemplate"]
    assert template == "http://testserver/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    search = client.get(
        template.replace("http://testserver", "").replace("{search_term_string}", "x")
    )
    assert search.status_code == 200
    # The home page has nothing above it: no breadcrumbs.
    assert not of_type(data, "BreadcrumbList")


def test_the_home_page_describes_the_organisation_without_settings_too(client, home_page):
    [organisation] = of_type(json_ld(client, "/"), "Organization")
    assert organisation["name"] == "The Difference"
    assert "sameAs" not in organisation and "email" not in organisation


def test_pages_below_home_carry_their_breadcrumbs(client, home_page):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    StandardPageFactory(parent=about, title="Our story", slug="our-story")

    [crumbs] = of_type(json_ld(client, "/about/our-story/"), "BreadcrumbList")
    assert [(i["position"], i["name"], i["item"]) for i in crumbs["itemListElement"]] == [
        (1, "Home", "http://testserver/"),
        (2, "About us", "http://testserver/about/"),
        (3, "Our story", "http://testserver/about/our-story/"),
    ]
    # The same trail as the breadcrumbs readers see.
    page = BeautifulSoup(client.get("/about/our-story/").content, "html.parser")
    shown = [li.get_text(strip=True) for li in page.select("nav[aria-label=Breadcrumb] li")]
    assert shown == [item["name"] for item in crumbs["itemListElement"]]


def test_breadcrumbs_can_not_be_broken_out_of(client, home_page):
    StandardPageFactory(parent=home_page, title="</script><script>alert(1)</script>", slug="x")
    response = client.get("/x/")
    assert b"<script>alert(1)" not in response.content
    [crumbs] = of_type(json_ld(client, "/x/"), "BreadcrumbList")
    assert crumbs["itemListElement"][-1]["name"] == "</script><script>alert(1)</script>"
