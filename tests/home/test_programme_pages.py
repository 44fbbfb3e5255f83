"""The programme, partner and research pages: where they live, what they show, and who can apply
as structured data the application form can read."""

from django.urls import reverse

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest
from bs4 import BeautifulSoup

from home import factories
from home.demo.documents import get_or_create_document
from home.models import (
    HomePage,
    PartnerPage,
    ProgrammePage,
    ResearchPage,
    StandardPage,
    get_programme_requirements,
)

pytestmark = pytest.mark.django_db


class LandingPageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = factories.HomePageFactory(parent=root, slug="home-landing")
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "testserver", "root_page": cls.home}
        )
        cls.programme = factories.ProgrammePageFactory(parent=cls.home)
        factories.EligibilityCriterionFactory(page=cls.programme, name="Qualified teacher status")
        cls.partner = factories.PartnerPageFactory(parent=cls.home)
        cls.research = factories.ResearchPageFactory(parent=cls.home)

    def setUp(self):
        self.login()

    def test_each_lives_under_the_home_page_once_and_has_no_children(self):
        for model in (ProgrammePage, PartnerPage, ResearchPage):
            self.assertAllowedParentPageTypes(model, {HomePage})
            self.assertAllowedSubpageTypes(model, set())
            self.assertCanNotCreateAt(StandardPage, model)
            # One of each per site: the home page already has one.
            self.assertFalse(model.can_create_at(self.home))

    def test_pages_render(self):
        for page in (self.programme, self.partner, self.research):
            self.assertPageIsRenderable(page)

    def test_editor_can_edit_and_preview_the_programme_page_with_its_criteria(self):
        criterion = self.programme.eligibility_criteria.get()
        data = nested_form_data(
            {
                "title": "The Difference Leadership Programme",
                "slug": "the-programme",
                "introduction": "Two years as a senior leader.",
                "body": streamfield([]),
                "eligibility_introduction": rich_text("<p>You need all of these.</p>"),
                "eligibility_criteria": inline_formset(
                    [
                        {
                            "id": criterion.pk,
                            "key": "qts",
                            "name": "Qualified teacher status",
                            "description": "You hold QTS.",
                            "if_not_met": "Apply once you have it.",
                        },
                        {
                            "key": "",
                            "name": "Three years in mainstream",
                            "description": "At least three years' teaching.",
                            "if_not_met": "",
                        },
                    ]
                ),
                "competencies_introduction": rich_text(""),
                "selection_competencies": inline_formset(
                    [{"key": "", "name": "Motivation", "description": "Why you want to."}]
                ),
                "questions": streamfield([]),
                "apply_text": rich_text("<p>Email us.</p>"),
                "apply_steps": streamfield([]),
                "apply_link": streamfield([]),
                "apply_email": "apply@example.org",
            }
        )
        self.assertPageIsEditable(self.programme, data)
        self.assertPageIsPreviewable(self.programme, post_data=data)

    def test_preview_shows_criteria_not_yet_saved(self):
        data = nested_form_data(
            {
                "title": "The Difference Leadership Programme",
                "slug": "the-programme",
                "introduction": "Two years as a senior leader.",
                "body": streamfield([]),
                "eligibility_introduction": rich_text(""),
                "eligibility_criteria": inline_formset(
                    [{"key": "", "name": "A criterion only in the draft", "description": "New."}]
                ),
                "competencies_introduction": rich_text(""),
                "selection_competencies": inline_formset([]),
                "questions": streamfield([]),
                "apply_text": rich_text(""),
                "apply_steps": streamfield([]),
                "apply_link": streamfield([]),
                "apply_email": "",
            }
        )
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[self.programme.pk])
        self.assertTrue(self.client.post(preview_url, data).json()["is_valid"])
        html = self.client.get(preview_url).content.decode()
        self.assertIn("A criterion only in the draft", html)
        # The live page is unchanged until the draft is published.
        live = self.client.get("/the-programme/").content.decode()
        self.assertIn("Qualified teacher status", live)
        self.assertNotIn("A criterion only in the draft", live)

    def test_editor_can_create_a_partner_page_with_evidence_blocks(self):
        self.partner.delete()
        statistic = factories.StatisticFactory(value=82, form="percentage")
        self.assertCanCreate(
            self.home,
            PartnerPage,
            nested_form_data(
                {
                    "title": "Partner with us",
                    "slug": "partner-with-us",
                    "introduction": "Host a Difference Leader.",
                    "body": streamfield(
                        [
                            (
                                "statistics",
                                {
                                    "heading": "The case",
                                    "statistics": streamfield([("item", statistic.pk)]),
                                },
                            ),
                        ]
                    ),
                    "questions": streamfield(
                        [
                            (
                                "faqs",
                                {
                                    "heading": "Questions",
                                    "audience": "schools",
                                    "questions": streamfield([]),
                                },
                            )
                        ]
                    ),
                    "interest_heading": "Send us an Expression of Interest",
                    "interest_text": rich_text("<p>Tell us about your school.</p>"),
                    "interest_link": streamfield([]),
                    "interest_email": "partnerships@example.org",
                }
            ),
        )
        page = PartnerPage.objects.get(slug="partner-with-us")
        assert [block.block_type for block in page.body] == ["statistics"]
        assert page.body[0].value["statistics"][0] == statistic


# ---------- What visitors see ----------


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_programme_page_shows_who_can_apply_and_how(client, home_page):
    programme = factories.ProgrammePageFactory(parent=home_page)
    factories.EligibilityCriterionFactory(
        page=programme, name="Qualified teacher status", if_not_met="Apply once you have QTS."
    )
    factories.SelectionCompetencyFactory(page=programme, name="Motivation")
    page = soup(client.get("/the-programme/"))

    who = page.find(id="who-can-apply")
    assert who.h2.get_text() == "Who can apply"
    assert "Qualified teacher status" in who.select_one(".criteria__name").get_text()
    assert "Apply once you have QTS." in who.select_one(".criteria__if-not").get_text()
    assert who.select_one(".competencies dt").get_text() == "Motivation"

    how = page.find(id="how-to-apply")
    assert how.h2.get_text() == "How to apply"
    button = how.select_one("a.button")
    assert button["href"].startswith("mailto:apply@example.org")
    # The hero's call to apply leads to the section.
    assert page.select_one(".page-hero a.button")["href"] == "#how-to-apply"


def test_programme_page_links_to_the_application_form_once_it_exists(client, home_page):
    form_page = factories.StandardPageFactory(parent=home_page, title="Apply", slug="apply")
    factories.ProgrammePageFactory(
        parent=home_page,
        apply_link=[
            {
                "type": "link",
                "value": {
                    "label": "Start your application",
                    "page": form_page.pk,
                    "external_url": "",
                },
            }
        ],
    )
    how = soup(client.get("/the-programme/")).find(id="how-to-apply")
    assert [(a.get_text(), a["href"]) for a in how.select("a.button")] == [
        ("Start your application", "/apply/")
    ]


def test_partner_page_invites_an_expression_of_interest(client, home_page):
    factories.PartnerPageFactory(parent=home_page)
    page = soup(client.get("/partner-with-us/"))
    section = page.find(id="expression-of-interest")
    assert section.h2.get_text() == "Send us an Expression of Interest"
    assert section.select_one("a.button")["href"].startswith("mailto:partnerships@example.org")
    assert page.select_one(".page-hero a.button")["href"] == "#expression-of-interest"


def test_research_page_offers_the_report_and_its_key_findings(client, home_page, media_root):
    document, _ = get_or_create_document("The report", "report.pdf", ["Hello"])
    statistic = factories.StatisticFactory(value=41, label="pupils excluded every school day")
    endorsement = factories.TestimonialFactory(person_name="John Murphy")
    factories.ResearchPageFactory(
        parent=home_page,
        report_document=document,
        key_findings=[{"type": "statistic", "value": statistic.pk}],
        endorsements=[{"type": "testimonial", "value": endorsement.pk}],
    )
    page = soup(client.get("/our-research/"))
    assert page.select_one(".page-hero a.button")["href"] == document.url
    assert "PDF" in page.select_one(".download__meta").get_text()
    finding = page.select_one(".key-figure")
    assert finding.select_one(".key-figure__value").get_text() == "41"
    assert "John Murphy" in page.select_one(".testimonials").get_text()
    assert client.get(document.url).status_code == 200


def test_demo_report_is_a_real_pdf_with_text(media_root):
    document, made = get_or_create_document("A report", "a-report.pdf", ["Line one", "(Line two)"])
    assert made
    data = document.file.read()
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    assert b"(Line one) Tj" in data and b"(\\(Line two\\)) Tj" in data
    assert document.file_size == len(data)
    again, made_again = get_or_create_document("A report", "a-report.pdf", ["Line one"])
    assert again.pk == document.pk and not made_again


# ---------- Who can apply, for the application form ----------


def test_requirements_come_from_the_live_programme_page_in_order(home_page):
    programme = factories.ProgrammePageFactory(parent=home_page)
    factories.EligibilityCriterionFactory(page=programme, name="Second", sort_order=2)
    factories.EligibilityCriterionFactory(
        page=programme, name="Qualified teacher status", sort_order=1, if_not_met="Wait."
    )
    factories.SelectionCompetencyFactory(page=programme, name="Self-reflection")

    requirements = get_programme_requirements()

    assert [c.name for c in requirements.criteria] == ["Qualified teacher status", "Second"]
    assert requirements.criteria[0].key == "qualified-teacher-status"
    assert requirements.criteria[0].if_not_met == "Wait."
    assert [(c.key, c.name) for c in requirements.competencies] == [
        ("self-reflection", "Self-reflection")
    ]
    assert get_programme_requirements(home_page.get_site()) == requirements


def test_no_requirements_without_a_live_programme_page(home_page):
    programme = factories.ProgrammePageFactory(parent=home_page)
    assert get_programme_requirements() is not None
    programme.unpublish()
    assert get_programme_requirements() is None
