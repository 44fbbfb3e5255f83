"""A short privacy notice before the first question of both forms, and the full one in the demo.

The GOV.UK pattern: who holds the answers, why, the lawful basis, how long they are kept, the
person's rights and how to complain to the ICO, then a link to the full notice, all before the
first question.
"""

import json

import pytest
from bs4 import BeautifulSoup

from home.demo.content import PAGES
from home.factories import StandardPageFactory
from home.models import SiteSettings

from .conftest import EOI_URL
from .test_application_journey import answers, step_url

pytestmark = pytest.mark.django_db

# What every short notice says, whatever the form.
EVERY_NOTICE = [
    "The Difference, a registered charity, holds the details you give here",
    "Our lawful basis:",
    "then delete them",
    "You can ask to see, correct or delete your details",
    "Information Commissioner's Office (ICO)",
    "0303 123 1113",
]


@pytest.fixture
def privacy_page(home_page):
    page = StandardPageFactory(parent=home_page, title="Privacy notice", slug="privacy-notice")
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.contact_email = "privacy@example.org"
    site_settings.save()
    return page


def notice_before_first_question(response, first_question: str):
    html = response.content.decode()
    notice = BeautifulSoup(html, "html.parser").select_one("[data-privacy-summary]")
    assert notice is not None
    assert html.index("data-privacy-summary") < html.index(f'name="{first_question}"')
    return notice


def test_the_schools_form_says_how_answers_are_used_before_its_first_question(
    client, eoi_page, privacy_page
):
    eoi_page.privacy_notice = privacy_page
    eoi_page.save()
    notice = notice_before_first_question(client.get(EOI_URL), "school_name")
    text = " ".join(notice.text.split())
    for words in [
        *EVERY_NOTICE,
        "to reply to your enquiry",
        "Only our partnerships team sees them",
        "Article 6(1)(f)",
        "We keep enquiries for 2 years",
    ]:
        assert words in text, words
    assert notice.find("a", string="privacy@example.org")["href"] == "mailto:privacy@example.org"
    assert notice.find("a", string="Read our full privacy notice")["href"] == "/privacy-notice/"
    assert notice.find("a", href="https://ico.org.uk/make-a-complaint/") is not None


def test_the_application_says_how_answers_are_used_before_its_first_question(
    started, apply_page, privacy_page, cohort, settings
):
    settings.APPLICATION_DRAFT_DAYS = 45
    apply_page.privacy_notice = privacy_page
    apply_page.save()
    notice = notice_before_first_question(started.get(step_url("personal-details")), "full_name")
    text = " ".join(notice.text.split())
    for words in [
        *EVERY_NOTICE,
        "to consider your application to the programme",
        "Only our recruitment team and the people who select applicants see them",
        "Article 6(1)(b)",
        "We keep sent applications for 2 years and unfinished ones for 45 days",
    ]:
        assert words in text, words
    assert notice.find("a", string="Read our full privacy notice")["href"] == "/privacy-notice/"

    # Only once, before the first question: the later steps do not repeat it.
    started.post(step_url("personal-details"), answers(cohort)["personal-details"])
    assert "data-privacy-summary" not in started.get(step_url("current-role")).text


def test_an_editors_own_wording_replaces_the_standard_one(client, eoi_page):
    eoi_page.privacy_summary = "<p>Our own words about enquiries.</p>"
    eoi_page.save()
    notice = notice_before_first_question(client.get(EOI_URL), "school_name")
    assert "Our own words about enquiries." in notice.text
    assert "Our lawful basis" not in notice.text


def test_the_demo_privacy_notice_says_the_same_in_full():
    page = next(p for p in PAGES if p["slug"] == "privacy-notice")
    text = json.dumps(page["body"], ensure_ascii=False)
    for words in [
        "data controller",
        "Expressions of interest from schools",
        "Applications to the programme",
        "Equal-opportunities questions",
        "Article 6(1)(f)",
        "Article 6(1)(b)",
        "2 years",
        "60 days after your last change",
        "to correct it, to delete it",
        "Information Commissioner's Office (ICO)",
        "ico.org.uk/make-a-complaint",
    ]:
        assert words in text, words
