"""One record, every page: editing a statistic or testimonial once changes every page that shows
it, as soon as the edit is published, and not before."""

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from home import factories
from home import snippets as evidence
from home.models import Statistic

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.create_superuser("editor", "e@example.org", "pw"))
    return client


def figures_on(client, path):
    response = client.get(path)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [
        (
            figure.select_one(".key-figure__value").get_text(),
            " ".join(figure.figcaption.get_text().split()),
        )
        for figure in page.select(".key-figure")
    ]


def edit_statistic(client, statistic, publish, **changes):
    data = {
        "value": str(statistic.value),
        "form": statistic.form,
        "qualifier": statistic.qualifier,
        "label": statistic.label,
        "population": statistic.population,
        "source_title": statistic.source_title,
        "source_url": statistic.source_url,
        "as_of": statistic.as_of.strftime("%d/%m/%Y"),
        "as_of_precision": statistic.as_of_precision,
        "notes": statistic.notes,
        **changes,
    }
    if publish:
        data["action-publish"] = "publish"
    edit_url = reverse(Statistic.snippet_viewset.get_url_name("edit"), args=[statistic.pk])
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_one_statistic_edit_changes_every_page_once_published(editor, home_page):
    statistic = factories.StatisticFactory(value=41, label="pupils excluded every school day")
    statistic.save_revision().publish()
    home_page.key_figures = [{"type": "statistic", "value": statistic.pk}]
    home_page.save_revision().publish()
    factories.ProgrammePageFactory(
        parent=home_page,
        body=[{"type": "statistics", "value": {"heading": "Why", "statistics": [statistic.pk]}}],
    )
    factories.ResearchPageFactory(
        parent=home_page, key_findings=[{"type": "statistic", "value": statistic.pk}]
    )
    pages = ["/", "/the-programme/", "/our-research/"]
    before = ("41", "Source: Making the Difference (IPPR), 2017")
    for path in pages:
        assert figures_on(editor, path) == [before], path

    # A draft changes nothing on the site.
    edit_statistic(editor, statistic, publish=False, value="45")
    for path in pages:
        assert figures_on(editor, path) == [before], path

    # Published, the new figure, source and date show everywhere at once.
    edit_statistic(
        editor,
        statistic,
        publish=True,
        value="43",
        source_title="Timpson review",
        as_of="01/05/2019",
    )
    after = ("43", "Source: Timpson review, 2019")
    for path in pages:
        assert figures_on(editor, path) == [after], path


def test_one_testimonial_edit_changes_every_page_once_published(editor, home_page):
    testimonial = factories.TestimonialFactory(quote="The first words.", person_name="Lucy Heller")
    testimonial.save_revision().publish()
    block = {"type": "testimonial", "value": testimonial.pk}
    factories.ProgrammePageFactory(parent=home_page, body=[block])
    factories.PartnerPageFactory(parent=home_page, body=[block])
    factories.ResearchPageFactory(parent=home_page, endorsements=[block])
    pages = ["/the-programme/", "/partner-with-us/", "/our-research/"]

    edit_url = reverse(
        evidence.Testimonial.snippet_viewset.get_url_name("edit"), args=[testimonial.pk]
    )
    response = editor.post(
        edit_url,
        {
            "quote": "The corrected words.",
            "person_name": "Lucy Heller",
            "role": "Chief executive",
            "organisation": "Ark",
            "date": "",
            "consent_recorded": "on",
            "consent_notes": "",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302
    for path in pages:
        quotes = [
            q.get_text(strip=True)
            for q in BeautifulSoup(editor.get(path).content, "html.parser").select("blockquote")
        ]
        assert quotes == ["The corrected words."], path

    # Unpublished (consent withdrawn, say), it disappears from every page.
    editor.post(
        reverse(
            evidence.Testimonial.snippet_viewset.get_url_name("unpublish"), args=[testimonial.pk]
        )
    )
    for path in pages:
        assert not BeautifulSoup(editor.get(path).content, "html.parser").select("blockquote")
