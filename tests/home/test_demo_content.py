"""The demo loader builds the site end to end, and running it again changes nothing."""

from io import StringIO

from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

import pytest

from home import snippets as evidence
from home.models import (
    FAQ,
    HomePage,
    PartnerPage,
    ProgrammePage,
    ResearchPage,
    SiteSettings,
    StandardPage,
    Statistic,
)

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("url_path", "latest_revision_id", "live")),
        "revisions": Revision.objects.count(),
        "images": sorted(get_image_model().objects.values_list("title", "file")),
        "settings": list(SiteSettings.objects.values()),
        "sites": list(Site.objects.values()),
        "statistics": sorted(Statistic.objects.values_list("label", "value", "live")),
        "testimonials": sorted(evidence.Testimonial.objects.values_list("person_name", "live")),
        "faqs": sorted(FAQ.objects.values_list("question", "audience", "sort_order")),
    }


def load():
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def test_demo_loader_builds_the_site_and_is_idempotent(client):
    first = load()
    assert "Demo content loaded" in first
    after_first = snapshot()

    second = load()
    assert "nothing changed" in second
    assert snapshot() == after_first

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    slugs = set(StandardPage.objects.live().values_list("slug", flat=True))
    assert {"about", "our-story", "privacy-notice", "accessibility"} <= slugs
    assert ProgrammePage.objects.live().get().url == "/the-programme/"
    assert PartnerPage.objects.live().get().url == "/partner-with-us/"
    assert ResearchPage.objects.live().get().url == "/our-research/"
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()

    settings = SiteSettings.for_site(site)
    assert len(settings.primary_navigation) >= 4
    assert settings.privacy_page.slug == "privacy-notice"

    home = client.get("/", HTTP_HOST=site.hostname)
    assert home.status_code == 200
    assert b"Exceptional teachers" in home.content
    story = client.get("/about/our-story/", HTTP_HOST=site.hostname)
    assert story.status_code == 200
    assert (
        b"timeline__event" in story.content and b"Making the Difference published" in story.content
    )


def test_demo_images_are_drawn_by_the_project_with_alt_text():
    load()
    images = get_image_model().objects.filter(title__startswith="Demo:")
    assert images.count() >= 4
    for image in images:
        assert image.description, f"{image.title} has no alt text"
        assert image.width >= 1200


def test_demo_evidence_is_shared_sourced_and_wired_into_the_pages(client):
    load()
    site = Site.objects.get(is_default_site=True)
    statistics = Statistic.objects.filter(live=True)
    assert statistics.count() >= 15
    assert all(s.source_title and s.as_of for s in statistics)
    # The GCSE figure the old site gave three ways is one record now.
    assert Statistic.objects.filter(label__contains="five good GCSEs").count() == 1
    people = set(
        evidence.Testimonial.objects.filter(live=True).values_list("person_name", flat=True)
    )
    assert people == {"Lucy Heller", "John Murphy", "Dave Whitaker"}
    assert not evidence.Testimonial.objects.filter(consent_recorded=False, live=True).exists()
    assert set(FAQ.objects.values_list("audience", flat=True)) == {
        "applicants",
        "schools",
        "everyone",
    }

    home = HomePage.objects.get()
    assert [block.block_type for block in home.key_figures] == ["statistic"] * 4
    assert "41" in client.get("/", HTTP_HOST=site.hostname).content.decode()

    programme = ProgrammePage.objects.get()
    requirements = programme.requirements()
    assert [c.key for c in requirements.criteria] == [
        "right-to-work",
        "qts",
        "mainstream-experience",
        "not-in-ap-now",
    ]
    assert len(requirements.competencies) == 5

    settings = SiteSettings.for_site(site)
    nav = [block.value.url for block in settings.primary_navigation]
    assert "/our-research/" in nav
