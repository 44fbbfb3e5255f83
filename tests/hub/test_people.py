"""People: author pages for published, public profiles; the snippet in the admin."""

import json

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from hub.factories import PersonFactory
from hub.models import Person

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_author_page_shows_the_profile_and_their_work(client, articles, people):
    mike = people["mike"]
    mike.bio = "Mike leads reintegration at a pupil referral unit."
    mike.cohort = "Pioneer cohort (2019)"
    mike.links = [{"type": "link", "value": {"label": "Blog", "url": "https://example.org/mike"}}]
    mike.save()
    page = soup(client.get("/hub/authors/mike-power/"))
    assert [h1.text for h1 in page.find_all("h1")] == ["Mike Power"]
    assert "Pioneer cohort (2019)" in page.select_one(".profile-hero").text
    assert page.select_one(".profile-hero__links a")["href"] == "https://example.org/mike"
    titles = [a.text for a in page.select(".listing-results .card__link")]
    assert titles == [
        "A year of leading in alternative provision",
        "What makes for a successful reintegration from PRU to mainstream school?",
    ]
    crumbs = [li.get_text(strip=True) for li in page.select("nav[aria-label=Breadcrumb] li")]
    assert crumbs == ["Home", "Knowledge hub", "Mike Power"]
    assert page.find("link", rel="canonical")["href"] == "http://testserver/hub/authors/mike-power/"
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "ProfilePage"
    assert data["mainEntity"]["name"] == "Mike Power"
    assert data["mainEntity"]["sameAs"] == ["https://example.org/mike"]


def test_no_author_page_without_consent_or_before_publishing(client, articles, people):
    # Coshia has no public profile: her name is on her work, but there is no page.
    assert client.get("/hub/authors/coshia-belvet/").status_code == 404
    draft = PersonFactory(given_names="Draft", family_name="Person", live=False)
    assert client.get(f"/hub/authors/{draft.slug}/").status_code == 404
    assert client.get("/hub/authors/nobody/").status_code == 404


def test_authors_index_lists_public_profiles_with_work(client, articles, people):
    PersonFactory(given_names="No", family_name="Articles")  # public, but has written nothing
    page = soup(client.get("/hub/authors/"))
    names = [a.text for a in page.select(".term-list__name a")]
    assert names == ["Yasmin Omar", "Mike Power"]
    assert page.select_one(".term-list__name a")["href"] == "/hub/authors/yasmin-omar/"


def test_people_get_a_slug_and_citation_initials():
    person = Person.objects.create(given_names="Mary-Jane Ann", family_name="O'Neill")
    assert person.slug == "mary-jane-ann-oneill"
    assert person.initials == "M. J. A."
    twin = Person.objects.create(given_names="Mary-Jane Ann", family_name="O'Neill")
    assert twin.slug == "mary-jane-ann-oneill-2"


def test_people_are_edited_as_snippets_with_drafts_and_preview(admin_client, rf, hub, people):
    mike = people["mike"]
    listing = admin_client.get(reverse("wagtailsnippets_hub_person:list"))
    assert listing.status_code == 200 and b"Mike Power" in listing.content
    edit = admin_client.get(reverse("wagtailsnippets_hub_person:edit", args=[mike.pk]))
    assert edit.status_code == 200
    assert b"Save draft" in edit.content and b"Publish" in edit.content
    # The preview is the author page as it will look.
    mike.bio = "A draft bio, not yet published."
    preview = mike.serve_preview(rf.get("/"), "")
    preview.render()
    page = BeautifulSoup(preview.content, "html.parser")
    assert page.h1.text == "Mike Power"
    assert "A draft bio, not yet published." in page.select_one(".profile-hero").text


def test_an_author_can_not_be_deleted_while_credited(admin_client, articles, people):
    mike = people["mike"]
    url = reverse("wagtailsnippets_hub_person:delete", args=[mike.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert b"prevent it from being deleted" in page.content
    admin_client.post(url)
    assert Person.objects.filter(pk=mike.pk).exists()
