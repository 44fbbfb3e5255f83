import tempfile
import time
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

from home.factories import (
    EligibilityCriterionFactory,
    ProgrammePageFactory,
    SelectionCompetencyFactory,
)
from submissions.applications.factories import ApplicationPageFactory, CohortFactory
from submissions.enquiries.choices import start_term_choices
from submissions.enquiries.factories import ExpressionOfInterestPageFactory
from submissions.protection import FormState

EOI_URL = "/expression-of-interest/"

# Hypothesis keeps a cache folder; keep it out of the working tree.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "difference-hypothesis")


@pytest.fixture
def eoi_page(home_page):
    return ExpressionOfInterestPageFactory(parent=home_page)


def aged_state(seconds: float = 60) -> str:
    """A signed form state issued `seconds` ago: past the minimum fill time."""
    state = FormState.issue()
    return FormState(token=state.token, issued_at=time.time() - seconds).sign()


def valid_data(**overrides) -> dict:
    """A complete, valid answer to the Expression of Interest form, as a browser posts it."""
    data = {
        "school_name": "Springwell Demo Academy",
        "urn": "123456",
        "setting_type": "ap-academy",
        "phase": "secondary",
        "local_authority": "lincolnshire",
        "ofsted_judgement": "good",
        "pupils_on_roll": "120",
        "contact_name": "Gill Example",
        "contact_role": "Executive principal",
        "email": "gill.example@example.com",
        "telephone": "01632 960 001",
        "improvement_areas": ["curriculum", "safeguarding"],
        "start_term": start_term_choices()[0][0],
        "anything_else": "",
        "heard_about": "colleague",
        "privacy_acknowledged": "on",
        "website": "",
        "form_state": aged_state(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def post_form(client, eoi_page, django_capture_on_commit_callbacks):
    """Post the form as a browser would; on-commit callbacks (the email task) run."""

    def post(data=None, follow=False, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(EOI_URL, data or valid_data(), follow=follow, **extra)

    return post


# --- teacher applications --------------------------------------------------------------------

APPLY_URL = "/apply/"


@pytest.fixture
def apply_page(home_page):
    return ApplicationPageFactory(parent=home_page)


@pytest.fixture
def programme(home_page):
    page = ProgrammePageFactory(parent=home_page)
    for name, key, if_not_met in [
        ("Right to work in the UK", "right-to-work", "Apply when you have the right to work."),
        ("Qualified teacher status", "qts", "Gain QTS first, then apply."),
        ("Three years in mainstream", "mainstream-experience", "Apply after three years."),
        ("Not working in AP now", "not-in-ap", ""),
    ]:
        EligibilityCriterionFactory(page=page, name=name, key=key, if_not_met=if_not_met)
    page.save_revision().publish()
    return page


@pytest.fixture
def competencies(programme):
    for key, name in [
        ("motivation", "Motivation"),
        ("outstanding-teaching", "Outstanding Teaching"),
        ("leadership", "Leadership and Collaboration"),
        ("relationships", "Relationship-Building and Empathy"),
        ("reflection", "Self-Reflection"),
    ]:
        SelectionCompetencyFactory(page=programme, key=key, name=name)
    programme.save_revision().publish()
    return programme


@pytest.fixture
def cohort():
    return CohortFactory(name="Cohort 2030")


@pytest.fixture
def started(client, apply_page, competencies, cohort):
    response = client.post(APPLY_URL + "start/")
    assert response.status_code == 302
    assert response["Location"] == apply_step_url("personal-details")
    return client


def apply_step_url(slug):
    return f"{APPLY_URL}step/{slug}/"
