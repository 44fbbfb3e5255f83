"""Links from the navigation and footer are references: unpublishing, moving and deleting a
page linked there warns the editor, and the menus drop the link rather than break."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import ReferenceIndex

import pytest

from home.factories import StandardPageFactory
from home.models import SiteSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(home_page):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    privacy = StandardPageFactory(parent=home_page, title="Privacy notice", slug="privacy")
    elsewhere = StandardPageFactory(parent=home_page, title="Elsewhere", slug="elsewhere")
    settings = SiteSettings.for_site(home_page.get_site())
    settings.primary_navigation = [
        {"type": "link", "value": {"label": "", "page": about.pk, "external_url": ""}}
    ]
    settings.footer_links = [
        {"type": "link", "value": {"label": "Privacy", "page": privacy.pk, "external_url": ""}}
    ]
    settings.save()
    return {"about": about, "privacy": privacy, "elsewhere": elsewhere}


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.org", "pw"))
    return client


def test_header_and_footer_links_count_as_uses_of_the_page(linked):
    assert ReferenceIndex.get_references_to(linked["about"]).count() == 1
    assert ReferenceIndex.get_references_to(linked["privacy"]).count() == 1
    assert ReferenceIndex.get_references_to(linked["elsewhere"]).count() == 0


def test_unpublish_and_delete_say_the_page_is_referenced(admin_client, linked):
    about = linked["about"]
    for view in ("wagtailadmin_pages:unpublish", "wagtailadmin_pages:delete"):
        response = admin_client.get(reverse(view, args=[about.pk]))
        assert response.status_code == 200
        text = " ".join(response.content.decode().split())
        assert "This standard page is referenced 1 time." in text

    usage = admin_client.get(reverse("wagtailadmin_pages:usage", args=[about.pk]))
    assert b"Site settings" in usage.content or b"site settings" in usage.content


def test_moving_a_linked_page_warns_and_an_unlinked_one_does_not(admin_client, linked):
    about, elsewhere = linked["about"], linked["elsewhere"]
    destination = linked["privacy"]
    url = reverse("wagtailadmin_pages:move_confirm", args=[about.pk, destination.pk])
    text = " ".join(admin_client.get(url).content.decode().split())
    assert "is linked from the site&#x27;s navigation or footer" in text

    url = reverse("wagtailadmin_pages:move_confirm", args=[elsewhere.pk, destination.pk])
    text = " ".join(admin_client.get(url).content.decode().split())
    assert "is linked from the site&#x27;s navigation or footer" not in text


def test_an_unpublished_menu_page_leaves_the_menu_and_the_site_still_renders(
    client, admin_client, linked
):
    assert b'href="/about/"' in client.get("/elsewhere/").content
    admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[linked["about"].pk]))
    response = client.get("/elsewhere/")
    assert response.status_code == 200
    assert b'href="/about/"' not in response.content


def test_show_in_menus_is_not_offered_since_the_menus_are_chosen_in_site_settings(
    admin_client, linked
):
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[linked["about"].pk]))
    assert b'name="show_in_menus"' not in html.content
    assert b'name="seo_title"' in html.content and b'name="search_description"' in html.content
