"""Site settings warn the editor when the header's links will not fit on one row."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from home.factories import StandardPageFactory
from home.models import SiteSettings
from home.navigation_fit import ROW_WIDTH, navigation_fit, row_width, text_width

pytestmark = pytest.mark.django_db

DEMO_LABELS = [
    "About us",
    "Our story",
    "The programme",
    "Partner with us",
    "Our research",
    "Knowledge hub",
    "Case studies",
]


def test_the_demo_links_fit_and_seven_long_ones_do_not():
    assert row_width(DEMO_LABELS) <= ROW_WIDTH
    assert row_width(["Information for partner schools"] * 7) > ROW_WIDTH
    assert row_width([]) == 0


def test_wide_letters_count_for_more_than_narrow_ones():
    assert text_width("WWWW") > 3 * text_width("iiii")
    # Letters outside the table (accents, curly quotes) count as wide ones, never as nothing.
    assert text_width("Études") >= text_width("Etudes")


def link(page=None, label="", url=""):
    return {"page": page, "label": label, "external_url": url}


@pytest.fixture
def site_settings(home_page):
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


def test_labels_are_the_editors_or_else_the_page_titles(home_page, site_settings):
    about = StandardPageFactory(parent=home_page, title="About The Difference", slug="about")
    draft = StandardPageFactory(parent=home_page, title="Coming soon", slug="soon", live=False)
    site_settings.primary_navigation = [
        ("link", link(about)),
        ("link", link(about, label="About us")),
        ("link", link(draft)),  # counted: it will show once published
        ("link", link(label="Blog", url="https://example.org/blog")),
    ]
    fit = navigation_fit(site_settings)
    assert fit.labels == ["About The Difference", "About us", "Coming soon", "Blog"]
    assert fit.fits


@pytest.fixture
def admin_client(client, home_page):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def settings_form(links: list[str]) -> dict:
    return nested_form_data(
        {
            "primary_navigation": streamfield(
                [
                    (
                        "link",
                        {"label": label, "page": "", "external_url": f"https://example.org/{n}"},
                    )
                    for n, label in enumerate(links)
                ]
            ),
            "header_action": streamfield([]),
            "footer_links": streamfield([]),
            "social_links": streamfield([]),
        }
    )


def test_saving_links_that_do_not_fit_warns_the_editor_and_still_saves(admin_client, home_page):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk])
    long_labels = [f"Everything about partnering {n}" for n in range(7)]

    response = admin_client.post(url, settings_form(long_labels), follow=True)

    assert response.status_code == 200
    messages = [str(m) for m in response.context["messages"]]
    assert any("will not fit on one row" in m for m in messages), messages
    assert [v.value["label"] for v in SiteSettings.for_site(site).primary_navigation] == long_labels
    # The settings page says so too, under the links, until they are shortened.
    assert "will not fit on one row" in response.content.decode()

    response = admin_client.post(url, settings_form(DEMO_LABELS), follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert not any("will not fit" in m for m in messages), messages
    assert "they fit on one row" in response.content.decode()
