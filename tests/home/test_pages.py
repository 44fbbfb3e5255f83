"""What visitors see on the home page and standard pages, and what sharing and search engines read."""

import pytest
from bs4 import BeautifulSoup

from home.factories import ImageFactory, StandardPageFactory, StatisticFactory
from home.models import SiteSettings

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_home_page_shows_hero_mission_figures_and_calls_to_action(client, home_page):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    home_page.mission = "<p>Teaching excluded pupils is the pinnacle of the profession.</p>"
    statistic = StatisticFactory(
        value=41,
        label="pupils excluded each school day",
        source_title="Making the Difference, IPPR",
        source_url="https://example.org/report",
    )
    home_page.key_figures = [{"type": "statistic", "value": statistic.pk}]
    home_page.calls_to_action = [
        {
            "type": "call_to_action",
            "value": {
                "heading": "Partner with us",
                "text": "",
                "link": {"label": "Find out more", "page": about.pk, "external_url": ""},
                "style": "primary",
            },
        }
    ]
    home_page.save_revision().publish()

    page = soup(client.get("/"))
    assert page.h1.get_text(strip=True) == home_page.hero_heading
    assert "pinnacle of the profession" in page.text
    figure = page.select_one(".key-figure")
    assert figure.select_one(".key-figure__value").text == "41"
    # A statistic never appears without its source and date.
    assert "Source: Making the Difference, IPPR, 2017" in " ".join(figure.text.split())
    button = page.select_one(".callout a.button")
    assert button["href"] == "/about/" and button.text == "Find out more"


def test_standard_page_has_breadcrumbs_and_one_h1(client, home_page):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    StandardPageFactory(parent=about, title="Our story", slug="our-story")

    page = soup(client.get("/about/our-story/"))
    assert [h1.text for h1 in page.find_all("h1")] == ["Our story"]
    crumbs = page.select("nav[aria-label=Breadcrumb] li")
    assert [li.get_text(strip=True) for li in crumbs] == ["Home", "About us", "Our story"]
    assert crumbs[-1]["aria-current"] == "page"
    assert crumbs[1].a["href"] == "/about/"


def test_seo_and_sharing_tags_come_from_the_promote_tab(client, home_page):
    image = ImageFactory(
        description="Leaders at a residential", file__width=1600, file__height=1000
    )
    StandardPageFactory(
        parent=home_page,
        title="About us",
        slug="about",
        seo_title="About The Difference",
        search_description="Who we are and what we do.",
        social_image=image,
    )
    page = soup(client.get("/about/"))
    assert page.title.text == "About The Difference | The Difference"
    assert (
        page.find("meta", attrs={"name": "description"})["content"] == "Who we are and what we do."
    )
    assert page.find("link", rel="canonical")["href"] == "http://testserver/about/"
    og = {tag["property"]: tag["content"] for tag in page.find_all("meta", property=True)}
    assert og["og:title"] == "About The Difference"
    assert og["og:url"] == "http://testserver/about/"
    assert og["og:description"] == "Who we are and what we do."
    assert og["og:image"].startswith("http://testserver/") and og["og:image"].endswith(".jpg")
    assert og["og:image:width"] == "1200" and og["og:image:height"] == "630"
    assert og["og:image:alt"] == "Leaders at a residential"
    twitter = {tag["name"]: tag["content"] for tag in page.find_all("meta", attrs={"name": True})}
    assert twitter["twitter:card"] == "summary_large_image"


def test_meta_description_falls_back_to_the_introduction(client, home_page):
    StandardPageFactory(parent=home_page, slug="about", introduction="We train leaders.")
    page = soup(client.get("/about/"))
    assert page.find("meta", attrs={"name": "description"})["content"] == "We train leaders."
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"


def test_images_are_served_as_avif_webp_and_jpeg_with_dimensions(client, home_page):
    image = ImageFactory(description="Abstract shapes", file__width=1600, file__height=1000)
    StandardPageFactory(parent=home_page, slug="about", image=image)
    page = soup(client.get("/about/"))
    picture = page.select_one(".page-hero picture")
    types = [source["type"] for source in picture.find_all("source")]
    assert types == ["image/avif", "image/webp"]
    img = picture.img
    assert img["width"] and img["height"]
    assert "srcset" in img.attrs and img["src"].endswith(".jpg")
    # The hero image is above the fold: loaded eagerly, with priority.
    assert img.get("loading") != "lazy" and img["fetchpriority"] == "high"


def test_body_images_load_lazily(client, home_page):
    image = ImageFactory(description="Two teachers talking")
    StandardPageFactory(
        parent=home_page,
        slug="about",
        body=[
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "decorative": False, "alt_text": ""},
                    "caption": "",
                    "credit": "",
                },
            }
        ],
    )
    page = soup(client.get("/about/"))
    img = page.select_one(".figure img")
    assert img["loading"] == "lazy"
    assert img["alt"] == "Two teachers talking"


def test_navigation_and_footer_come_from_site_settings(client, home_page):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    privacy = StandardPageFactory(parent=home_page, title="Privacy notice", slug="privacy")
    settings = SiteSettings.for_site(home_page.get_site())
    settings.primary_navigation = [
        {"type": "link", "value": {"label": "", "page": about.pk, "external_url": ""}},
        {
            "type": "link",
            "value": {"label": "Blog", "page": None, "external_url": "https://example.org/blog"},
        },
    ]
    settings.contact_email = "hello@example.org"
    settings.charity_number = "1234567"
    settings.privacy_page = privacy
    settings.social_links = [
        {"type": "social", "value": {"platform": "linkedin", "url": "https://www.linkedin.com/"}}
    ]
    settings.save()

    page = soup(client.get("/about/"))
    nav = page.select("nav[aria-label=Main] a.site-nav__link")
    assert [(a.text, a["href"]) for a in nav] == [
        ("About us", "/about/"),
        ("Blog", "https://example.org/blog"),
    ]
    assert nav[0]["aria-current"] == "page"
    footer = page.footer
    assert "Registered charity number 1234567" in footer.text
    assert footer.find("a", string="Privacy notice")["href"] == "/privacy/"
    assert footer.find("a", href="mailto:hello@example.org")
    assert footer.find("a", string="LinkedIn")["href"] == "https://www.linkedin.com/"


def test_every_page_has_a_skip_link_to_main_content(client, home_page):
    page = soup(client.get("/"))
    skip = page.body.find("a")
    assert skip["href"] == "#main-content" and "Skip to main content" in skip.text
    assert page.find("main", id="main-content")


def test_templates_carry_no_inline_scripts_or_styles(client, home_page):
    StandardPageFactory(parent=home_page, slug="about")
    for url in ("/", "/about/", "/no-such-page/"):
        page = BeautifulSoup(client.get(url).content, "html.parser")
        assert not page.find_all(style=True), url
        assert not page.find_all("style"), url
        # Scripts are files, or structured data (JSON-LD: data the browser never runs).
        assert all(
            script.get("src") or script.get("type") == "application/ld+json"
            for script in page.find_all("script")
        ), url
