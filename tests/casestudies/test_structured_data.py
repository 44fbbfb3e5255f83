"""A case study tells search engines what it is about: an Article with the organisation, the
place, the years, the people involved and its sharing image, parsed as a search engine would."""

import pytest

from casestudies.factories import CaseStudyPageFactory, paragraph
from home.factories import ImageFactory
from hub.factories import PersonFactory
from tests.home.test_structured_data import json_ld, of_type

pytestmark = pytest.mark.django_db


def people_block(*people):
    return {"type": "people", "value": {"heading": "The people involved", "people": list(people)}}


def test_a_case_study_is_an_article_about_its_organisation_place_years_and_people(
    client, index, topics, setting_types
):
    leader = PersonFactory(given_names="Gill", family_name="Kelly", role="Executive principal")
    case_study = CaseStudyPageFactory(
        parent=index,
        title="Rebuilding Lincolnshire's pupil referral unit",
        slug="lincolnshire",
        subject="school",
        organisation="Springwell, Lincoln City Academy",
        summary="A unit in special measures became an academy with new leaders.",
        trust="Wellspring Academy Trust",
        region="east-midlands",
        local_authority="lincolnshire",
        period_start=2015,
        period_end=2017,
        themes=[topics["leadership"], topics["send"]],
        setting_types=[setting_types["pru"]],
        starting_point=[paragraph("The unit was in special measures.")],
        what_changed=[
            people_block(
                {"person": None, "name": "Dave Whitaker", "role": "Executive principal"},
                {"person": leader.pk, "name": "", "role": ""},
            ),
            paragraph("New leaders came from mainstream schools."),
        ],
        impact=[people_block({"person": None, "name": "Dave Whitaker", "role": "Principal"})],
    )
    case_study.save_revision().publish()  # as an editor would: it gets its publication dates
    case_study.refresh_from_db()

    [article] = of_type(json_ld(client, case_study.url), "Article")

    assert article["headline"] == "Rebuilding Lincolnshire's pupil referral unit"
    assert article["description"] == case_study.summary
    assert article["url"] == "http://testserver/case-studies/lincolnshire/"
    assert article["genre"] == "Case study"
    # The organisation the story is about, where it is, and its trust.
    about = article["about"]
    assert about["@type"] == "EducationalOrganization"
    assert about["name"] == "Springwell, Lincoln City Academy"
    assert about["parentOrganization"]["name"] == "Wellspring Academy Trust"
    place = article["contentLocation"]
    assert place["name"] == "Lincolnshire, East Midlands"
    assert place["address"]["addressLocality"] == "Lincolnshire"
    assert place["address"]["addressRegion"] == "East Midlands"
    assert about["location"] == place
    # Its years, and the dates it was published and changed.
    assert article["temporalCoverage"] == "2015/2017"
    assert article["datePublished"] == case_study.first_published_at.isoformat()
    assert article["dateModified"] == case_study.last_published_at.isoformat()
    # The named people, in order, each once, with their role (from a profile when chosen).
    assert article["mentions"] == [
        {"@type": "Person", "name": "Dave Whitaker", "jobTitle": "Executive principal"},
        {"@type": "Person", "name": "Gill Kelly", "jobTitle": leader.role_line},
    ]
    # Written and published by the charity, whose home page describes it under the same @id.
    assert article["author"]["name"] == "The Difference"
    assert article["publisher"]["@id"] == "http://testserver/#organisation"
    assert article["keywords"] == "Leadership, SEND"
    # Below the index: breadcrumbs too.
    [crumbs] = of_type(json_ld(client, case_study.url), "BreadcrumbList")
    assert [i["name"] for i in crumbs["itemListElement"]] == [
        "Home",
        "Case studies",
        case_study.title,
    ]


def test_an_ongoing_story_about_a_local_area(client, index):
    case_study = CaseStudyPageFactory(
        parent=index,
        subject="area",
        organisation="Barnsley Council",
        region="yorkshire-and-the-humber",
        local_authority="",
        period_start=2020,
        period_end=None,
    )
    [article] = of_type(json_ld(client, case_study.url), "Article")
    assert article["temporalCoverage"] == "2020/.."
    assert article["about"]["@type"] == "GovernmentOrganization"
    assert article["contentLocation"]["name"] == "Yorkshire and the Humber"
    assert "addressLocality" not in article["contentLocation"]["address"]
    assert "mentions" not in article


def test_the_sharing_image_is_the_case_studys_own_or_its_card(client, index):
    pictured = CaseStudyPageFactory(parent=index, image=ImageFactory(description="Shapes"))
    plain = CaseStudyPageFactory(parent=index, title="A story told without a picture")

    [with_image] = of_type(json_ld(client, pictured.url), "Article")
    assert with_image["image"].endswith(".jpg") and "fill-1200x630" in with_image["image"]

    [without] = of_type(json_ld(client, plain.url), "Article")
    assert without["image"].startswith(f"http://testserver/sharing/{plain.pk}/")
    card = client.get(without["image"].removeprefix("http://testserver"))
    assert card.status_code == 200 and card["Content-Type"] == "image/png"
