import io
import logging

from django.core.cache import cache

from wagtail.models import Page, Site

import pytest

from caching import memo
from home.factories import HomePageFactory
from ops.logs import ThrottleFilter
from taxonomy.factories import PhaseFactory, SettingTypeFactory, TopicFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """The database is rolled back after each test; the cache must not outlive it, nor what
    this process remembers from the database (caching/memo.py)."""
    cache.clear()
    memo.forget()
    yield
    cache.clear()
    memo.forget()


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


@pytest.fixture
def topics(db):
    """Topics by slug: the hub's topics, which case studies call themes."""
    return {
        slug: TopicFactory(name=name, slug=slug)
        for slug, name in [
            ("reintegration", "Reintegration"),
            ("science", "Science"),
            ("send", "SEND"),
            ("communication-needs", "Communication needs"),
            ("leadership", "Leadership"),
            ("safeguarding", "Safeguarding"),
            ("attendance", "Attendance"),
        ]
    }


@pytest.fixture
def setting_types(db):
    """Setting types by slug."""
    return {
        slug: SettingTypeFactory(name=name, slug=slug)
        for slug, name in [
            ("pru", "Pupil referral unit"),
            ("mainstream", "Mainstream school"),
            ("special-school", "Special school"),
        ]
    }


@pytest.fixture
def secondary(db):
    """The secondary phase."""
    return PhaseFactory(name="Secondary", slug="secondary")


@pytest.fixture(autouse=True)
def fresh_log_throttles():
    """Each test starts with every throttled log message allowed once again."""
    for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
        for owner in [logger, *getattr(logger, "handlers", [])]:
            for log_filter in getattr(owner, "filters", []):
                if isinstance(log_filter, ThrottleFilter):
                    log_filter.reset()


@pytest.fixture
def log_lines():
    """The lines the configured console handler writes (request id filter, site format)."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield lambda: stream.getvalue().splitlines()
    handler.setStream(previous)
