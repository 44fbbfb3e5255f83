"""Editors' side of the evidence: the Evidence menu, consent on publishing, previews, the FAQ
chooser's audience filter and the stale statistics report, all through the admin's own views."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import ReferenceIndex

import pytest
from bs4 import BeautifulSoup

from home import factories
from home import snippets as evidence
from home.models import FAQ, Statistic
from home.snippets.testimonials import CONSENT_REQUIRED_MESSAGE

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def url(model, name, *args):
    return reverse(model.snippet_viewset.get_url_name(name), args=args)


def consent_form(**overrides):
    data = {
        "quote": "A much-needed initiative.",
        "person_name": "Lucy Heller",
        "role": "Chief executive",
        "organisation": "Ark",
        "date": "",
        "consent_notes": "",
    }
    data.update(overrides)
    return data


def test_the_evidence_menu_groups_statistics_testimonials_and_questions(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    for label in ("Evidence", "Statistics", "Testimonials", "Questions (FAQs)"):
        assert f'"{label}"' in html, label
    for model in (Statistic, evidence.Testimonial, FAQ):
        assert admin_client.get(url(model, "list")).status_code == 200


# ---------- Consent ----------


def test_publishing_a_new_testimonial_without_consent_fails_with_a_clear_message(admin_client):
    response = admin_client.post(
        url(evidence.Testimonial, "add"), {**consent_form(), "action-publish": "publish"}
    )
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert CONSENT_REQUIRED_MESSAGE in page.get_text(" ")
    assert not evidence.Testimonial.objects.filter(live=True).exists()


def test_a_testimonial_without_consent_can_be_saved_as_a_draft_then_published_with_it(
    admin_client,
):
    response = admin_client.post(url(evidence.Testimonial, "add"), consent_form())
    assert response.status_code == 302
    testimonial = evidence.Testimonial.objects.get()
    assert not testimonial.live and testimonial.revisions.count() == 1

    # Publishing the draft as it stands fails, and says why.
    response = admin_client.post(
        url(evidence.Testimonial, "edit", testimonial.pk),
        {**consent_form(), "action-publish": "publish"},
    )
    assert response.status_code == 200
    assert CONSENT_REQUIRED_MESSAGE in BeautifulSoup(response.content, "html.parser").get_text(" ")
    testimonial.refresh_from_db()
    assert not testimonial.live

    # With consent recorded, it publishes.
    response = admin_client.post(
        url(evidence.Testimonial, "edit", testimonial.pk),
        {**consent_form(consent_recorded="on"), "action-publish": "publish"},
    )
    assert response.status_code == 302
    testimonial.refresh_from_db()
    assert testimonial.live and testimonial.consent_recorded


def test_a_published_testimonial_cannot_lose_its_consent_while_live(admin_client):
    testimonial = factories.TestimonialFactory()
    response = admin_client.post(
        url(evidence.Testimonial, "edit", testimonial.pk),
        consent_form(quote=testimonial.quote),
    )
    assert response.status_code == 200
    assert "unpublish the testimonial first" in response.content.decode()
    testimonial.refresh_from_db()
    assert testimonial.consent_recorded


# ---------- Previews ----------


def statistic_form(**overrides):
    data = {
        "value": "41",
        "form": "count",
        "qualifier": "",
        "label": "pupils are permanently excluded every school day",
        "population": "",
        "source_title": "Making the Difference (IPPR)",
        "source_url": "https://example.org/report",
        "as_of": "01/10/2017",
        "as_of_precision": "year",
        "notes": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("model", "form_data", "expected"),
    [
        (Statistic, statistic_form(), "pupils are permanently excluded every school day"),
        (evidence.Testimonial, consent_form(), "Consent is not recorded"),
        (
            FAQ,
            {"question": "Who can apply?", "answer": '{"blocks": [], "entityMap": {}}'},
            "Who can apply?",
        ),
    ],
    ids=["statistic", "testimonial", "faq"],
)
def test_each_snippet_previews_as_the_site_shows_it(admin_client, model, form_data, expected):
    if model is FAQ:
        form_data = {**form_data, "audience": "applicants"}
    preview_url = url(model, "preview_on_add")
    response = admin_client.post(preview_url, form_data)
    assert response.json()["is_valid"], response.json()
    response = admin_client.get(preview_url)
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_a_statistic_created_and_published_in_the_admin_has_a_revision(admin_client):
    response = admin_client.post(
        url(Statistic, "add"), {**statistic_form(), "action-publish": "publish"}
    )
    assert response.status_code == 302
    statistic = Statistic.objects.get()
    assert statistic.live and statistic.live_revision is not None
    assert statistic.display_value == "41" and statistic.as_of == datetime.date(2017, 10, 1)


# ---------- FAQ chooser ----------


def test_the_question_chooser_filters_by_audience(admin_client):
    factories.FAQFactory(question="For schools?", audience="schools")
    factories.FAQFactory(question="For teachers?", audience="applicants")
    factories.FAQFactory(question="For everyone?", audience="everyone")
    chooser = FAQ.snippet_viewset.chooser_viewset
    response = admin_client.get(
        reverse(chooser.get_url_name("choose_results")), {"audience": "schools"}
    )
    text = response.content.decode()
    assert "For schools?" in text and "For everyone?" in text
    assert "For teachers?" not in text

    everything = admin_client.get(reverse(chooser.get_url_name("choose"))).json()["html"]
    assert "For teachers?" in everything and 'name="audience"' in everything


# ---------- Stale statistics report ----------


def test_stale_report_lists_old_statistics_and_where_they_are_used(admin_client, home_page):
    old = factories.StatisticFactory(label="an old figure", as_of=datetime.date(2017, 1, 1))
    factories.StatisticFactory(label="an unused old figure", as_of=datetime.date(2018, 1, 1))
    factories.StatisticFactory(label="a fresh figure", as_of=datetime.date.today())
    home_page.key_figures = [{"type": "statistic", "value": old.pk}]
    home_page.save_revision().publish()
    programme = factories.ProgrammePageFactory(
        parent=home_page,
        body=[{"type": "statistics", "value": {"heading": "", "statistics": [old.pk]}}],
    )
    assert ReferenceIndex.get_references_to(old).count() == 2

    response = admin_client.get(reverse("home_stale_statistics"))
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    rows = {
        row.select_one("td").get_text(" ", strip=True): row for row in page.select("table tbody tr")
    }
    assert set(rows) == {"an old figure", "an unused old figure"}
    used_in = rows["an old figure"].select("td")[-1]
    links = {a.get_text(strip=True): a["href"] for a in used_in.find_all("a")}
    assert links == {
        home_page.title: reverse("wagtailadmin_pages:edit", args=[home_page.pk]),
        programme.title: reverse("wagtailadmin_pages:edit", args=[programme.pk]),
    }
    assert "Not used on any page" in rows["an unused old figure"].get_text()


def test_stale_report_age_comes_from_settings(admin_client, settings):
    factories.StatisticFactory(
        label="three years old",
        as_of=datetime.date.today().replace(day=1) - datetime.timedelta(days=3 * 366),
    )
    settings.STALE_STATISTIC_MONTHS = 48
    page = admin_client.get(reverse("home_stale_statistics")).content.decode()
    assert "three years old" not in page and "older than 48 months" in page
    settings.STALE_STATISTIC_MONTHS = 24
    assert "three years old" in admin_client.get(reverse("home_stale_statistics")).content.decode()


def test_stale_report_is_in_the_reports_menu_for_editors_only(client):
    user = get_user_model().objects.create_user("reader", "reader@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("home_stale_statistics")).status_code in {302, 403}

    editors = Group.objects.create(name="Statistics editors")
    editors.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_statistic"),
    )
    user.groups.add(editors)
    assert client.get(reverse("home_stale_statistics")).status_code == 200
    assert (
        reverse("home_stale_statistics")
        in client.get(reverse("wagtailadmin_home")).content.decode()
    )
