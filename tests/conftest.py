from django.core.cache import cache

from wagtail.models import Page, Site

import pytest

from home.factories import HomePageFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """The database is rolled back after each test; the cache must not outlive it."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test writes uploaded files and renditions to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def home_page(db):
    """A HomePage as the root of the default site, as the demo content makes it."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="home-test")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "testserver",
            "port": 80,
            "root_page": home,
            "site_name": "The Difference",
        },
    )
    return home
