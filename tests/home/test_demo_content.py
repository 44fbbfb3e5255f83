"""The demo loader builds the site end to end, and running it again changes nothing."""

from io import StringIO

from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

import pytest

from home.models import HomePage, SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("url_path", "latest_revision_id", "live")),
        "revisions": Revision.objects.count(),
        "images": sorted(get_image_model().objects.values_list("title", "file")),
        "settings": list(SiteSettings.objects.values()),
        "sites": list(Site.objects.values()),
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
    assert {"about", "our-story", "privacy-notice", "the-programme", "partner-with-us"} <= slugs
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
