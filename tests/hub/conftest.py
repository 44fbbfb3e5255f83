import datetime

import pytest

from hub.factories import ArticlePageFactory, HubIndexPageFactory, PersonFactory, paragraph


@pytest.fixture
def hub(home_page):
    return HubIndexPageFactory(parent=home_page)


@pytest.fixture
def people(db):
    return {
        "mike": PersonFactory(given_names="Mike", family_name="Power", slug="mike-power"),
        "yasmin": PersonFactory(given_names="Yasmin", family_name="Omar", slug="yasmin-omar"),
        "coshia": PersonFactory(
            given_names="Coshia",
            family_name="Belvet",
            slug="coshia-belvet",
            show_profile_publicly=False,
        ),
    }


@pytest.fixture
def articles(hub, topics, setting_types, people, secondary):
    """Four articles: enough to filter, count and search."""
    return {
        "reintegration": ArticlePageFactory(
            parent=hub,
            title="What makes for a successful reintegration from PRU to mainstream school?",
            slug="successful-reintegration",
            standfirst="Why some pupils thrive when they return to mainstream and others do not.",
            article_type="enquiry",
            first_published=datetime.date(2023, 3, 14),
            authors=[people["mike"]],
            topics=[topics["reintegration"], topics["send"]],
            setting_types=[setting_types["pru"], setting_types["mainstream"]],
            phase=secondary,
            body=[paragraph("Planning the move with the family matters most for reintegration.")],
        ),
        "science": ArticlePageFactory(
            parent=hub,
            title="Underachievement in science, and how to overcome it",
            slug="underachievement-in-science",
            standfirst="The factors behind low attainment in science in alternative provision.",
            article_type="talk",
            event_name="IncludEd conference",
            first_published=datetime.date(2024, 6, 1),
            authors=[people["yasmin"]],
            topics=[topics["science"]],
            setting_types=[setting_types["pru"]],
            body=[paragraph("Practical work and vocabulary come first in science lessons.")],
        ),
        "communication": ArticlePageFactory(
            parent=hub,
            title="Communication needs and vulnerability",
            slug="communication-needs-and-vulnerability",
            standfirst="How unmet speech, language and communication needs leave pupils at risk.",
            article_type="talk",
            event_name="Festival of Education",
            first_published=datetime.date(2024, 7, 5),
            authors=[people["coshia"], people["yasmin"]],
            topics=[topics["communication-needs"], topics["send"]],
            body=[paragraph("Screening for language needs on entry changes what staff see.")],
        ),
        "reflection": ArticlePageFactory(
            parent=hub,
            title="A year of leading in alternative provision",
            slug="a-year-of-leading",
            standfirst="What a first senior leadership post in a PRU teaches a mainstream teacher.",
            article_type="reflection",
            first_published=datetime.date(2024, 9, 2),
            authors=[people["mike"]],
            topics=[],
            body=[paragraph("Relationships are the curriculum in the first weeks.")],
        ),
    }
