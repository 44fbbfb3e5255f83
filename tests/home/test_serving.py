"""BasePage's leaner serving keeps Wagtail's behaviour: privacy, aliases and breadcrumbs."""

from wagtail.models import Page, PageViewRestriction

import pytest

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_a_password_on_a_section_protects_the_pages_below_it(client, home_page):
    section = StandardPageFactory(parent=home_page, title="Staff", slug="staff")
    StandardPageFactory(parent=section, title="Handbook", slug="handbook")
    StandardPageFactory(parent=home_page, title="Open", slug="open")
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )

    for path in ("/staff/", "/staff/handbook/"):
        response = client.get(path)
        assert response.status_code == 200
        assert b'name="password"' in response.content, path
    assert b'name="password"' not in client.get("/open/").content


def test_an_alias_of_a_protected_page_is_protected_like_its_source(client, home_page):
    section = StandardPageFactory(parent=home_page, title="Staff", slug="staff")
    handbook = StandardPageFactory(parent=section, title="Handbook", slug="handbook")
    PageViewRestriction.objects.create(
        page=handbook, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    alias = handbook.create_alias(parent=home_page, update_slug="handbook-copy")

    assert b'name="password"' in client.get("/handbook-copy/").content
    assert [r.page_id for r in alias.specific.get_view_restrictions()] == [handbook.pk]


def test_view_restrictions_match_wagtails_own_lookup(home_page):
    section = StandardPageFactory(parent=home_page, slug="staff")
    handbook = StandardPageFactory(parent=section, slug="handbook")
    chapter = StandardPageFactory(parent=handbook, slug="chapter")
    open_page = StandardPageFactory(parent=home_page, slug="open")
    alias = handbook.create_alias(parent=open_page, update_slug="handbook-copy").specific
    alias_child = StandardPageFactory(parent=alias, slug="alias-child")
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    PageViewRestriction.objects.create(page=handbook, restriction_type="password", password="x")
    PageViewRestriction.objects.create(page=open_page.specific, restriction_type="login")

    for page in (home_page, section, handbook, chapter, open_page, alias, alias_child):
        page = page.specific
        ours = sorted(r.pk for r in page.get_view_restrictions())
        wagtails = sorted(r.pk for r in Page.get_view_restrictions(page))
        assert ours == wagtails, page.url_path


def test_breadcrumbs_are_the_same_from_routing_and_from_the_tree(client, home_page):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    story = StandardPageFactory(parent=about, title="Our story", slug="our-story")

    html = client.get("/about/our-story/").content.decode()

    assert [p.pk for p in story.get_breadcrumbs()] == [home_page.pk, about.pk]
    assert 'href="/about/">About us</a>' in html and 'href="/">Home</a>' in html
