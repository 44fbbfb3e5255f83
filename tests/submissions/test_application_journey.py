"""The multi-step teacher application: drafts saved at every step, check answers, submit."""

import re
from datetime import timedelta

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Site

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from home.models import SiteSettings
from submissions.applications.choices import STATEMENT_WORD_LIMIT
from submissions.applications.factories import CohortFactory
from submissions.applications.steps import (
    CurrentRoleForm,
    PersonalDetailsForm,
    RefereesForm,
    StatementForm,
)
from submissions.models import ApplicationDraft, TeacherApplication

from .conftest import APPLY_URL, aged_state

pytestmark = pytest.mark.django_db

COMPETENCIES = ["motivation", "outstanding-teaching", "leadership", "relationships", "reflection"]


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def answers(cohort):
    steps = {
        "personal-details": {
            "full_name": "Zoë Ó Example-Test",
            "email": "zoe@example.com",
            "telephone": "07700 900 982",
            "postcode": "sw1a1aa",
            # As the first step's page signed it, long enough ago for a person to have typed.
            "form_state": aged_state(),
        },
        "current-role": {
            "current_role": "Head of English",
            "current_school": "Example Academy",
            "phase": "secondary",
            "subject": "English",
            "years_teaching": "6",
            "qts_year": "2018",
            "leadership_experience": "middle",
            "leadership_details": "",
        },
        "referees": {
            "referee_1_name": "Ref One",
            "referee_1_role": "Headteacher, Example Academy",
            "referee_1_email": "one@example.com",
            "referee_2_name": "Ref Two",
            "referee_2_role": "Deputy head, Example Academy",
            "referee_2_email": "two@example.com",
        },
        "preferences": {"cohort": str(cohort.pk), "heard_about": "colleague"},
        "declarations": {"accurate": "on", "eligible": "on", "privacy": "on"},
    }
    for key in COMPETENCIES:
        steps[f"statement-{key}"] = {"statement": f"My {key} statement, in my words. 日本語 ✓"}
    return steps


ORDER = [
    "personal-details",
    "current-role",
    *[f"statement-{k}" for k in COMPETENCIES],
    "referees",
    "preferences",
    "declarations",
]


def step_url(slug):
    return f"{APPLY_URL}step/{slug}/"


def fill_all(client, cohort, upto=None):
    data = answers(cohort)
    for slug in ORDER:
        if slug == upto:
            return
        response = client.post(step_url(slug), data[slug])
        assert response.status_code == 302, (
            slug,
            soup(response).select_one("[data-error-summary]"),
        )


def test_starting_needs_an_open_cohort_and_a_post(client, apply_page, competencies):
    assert client.post(APPLY_URL + "start/")["Location"] == APPLY_URL
    CohortFactory()
    # A GET without a draft goes to the eligibility check first.
    assert client.get(APPLY_URL + "start/")["Location"] == APPLY_URL + "eligibility/"
    assert ApplicationDraft.objects.count() == 0


def test_a_step_without_a_draft_goes_back_to_the_start(client, apply_page, cohort):
    assert client.get(step_url("personal-details"))["Location"] == APPLY_URL


def test_each_step_is_saved_on_the_server_and_shown_again(started, cohort):
    data = answers(cohort)
    response = started.post(step_url("personal-details"), data["personal-details"])
    assert response["Location"] == step_url("current-role")

    draft = ApplicationDraft.objects.get()
    assert draft.answers["personal-details"]["postcode"] == "SW1A 1AA"
    assert draft.email == "zoe@example.com"
    # Going back shows what was saved.
    page = soup(started.get(step_url("personal-details")))
    assert page.find("input", attrs={"name": "full_name"})["value"] == "Zoë Ó Example-Test"
    assert page.find("input", attrs={"name": "postcode"})["value"] == "SW1A 1AA"


def test_skipping_ahead_by_url_returns_to_the_first_unanswered_step(started, cohort):
    fill_all(started, cohort, upto="statement-motivation")
    response = started.get(step_url("referees"))
    assert response.status_code == 302
    assert response["Location"] == step_url("statement-motivation")
    assert started.get(APPLY_URL + "check/")["Location"] == step_url("statement-motivation")
    assert started.get(step_url("no-such-step")).status_code == 404


def test_statements_follow_the_programme_page_competencies(started, cohort):
    fill_all(started, cohort, upto="statement-motivation")
    page = soup(started.get(step_url("statement-motivation")))
    assert page.h1.text.strip() == "Motivation"
    textarea = page.find("textarea", attrs={"name": "statement"})
    assert textarea["data-word-limit"] == str(STATEMENT_WORD_LIMIT)
    assert f"Up to {STATEMENT_WORD_LIMIT} words" in page.find(id="id_statement-hint").text


def test_a_word_limit_exceeded_by_one_is_refused(started, cohort):
    fill_all(started, cohort, upto="statement-motivation")
    at_limit = " ".join(["word"] * STATEMENT_WORD_LIMIT)
    over = at_limit + " more"

    response = started.post(step_url("statement-motivation"), {"statement": over})
    assert response.status_code == 200
    assert (
        f"Motivation must be {STATEMENT_WORD_LIMIT} words or fewer: it has "
        f"{STATEMENT_WORD_LIMIT + 1} words"
        in soup(response).select_one("[data-error-summary]").text
    )
    # What was typed is shown again, not lost.
    assert soup(response).find("textarea").text.strip() == over
    assert "statement-motivation" not in ApplicationDraft.objects.get().answers

    response = started.post(step_url("statement-motivation"), {"statement": at_limit})
    assert response.status_code == 302


def test_check_answers_lists_every_answer_with_a_change_link(started, cohort):
    fill_all(started, cohort)
    response = started.get(APPLY_URL + "check/")
    assert response.status_code == 200
    page = soup(response)
    values = [dd.text.strip() for dd in page.select(".summary-list__value")]
    assert "Zoë Ó Example-Test" in values
    assert "Secondary" in values
    assert "Middle leader (for example head of department or head of year)" in values
    change = page.find("a", href=step_url("current-role") + "?change=1#id_subject")
    assert change is not None and "subject or specialism" in change.text.lower()


def test_changing_an_answer_returns_to_check_answers(started, cohort):
    fill_all(started, cohort)
    data = {**answers(cohort)["current-role"], "subject": "Drama"}
    response = started.post(step_url("current-role") + "?change=1", data)
    assert response["Location"] == APPLY_URL + "check/"
    assert "Drama" in started.get(APPLY_URL + "check/").text


def test_submitting_stores_once_sends_emails_and_clears_the_draft(
    started, cohort, django_capture_on_commit_callbacks, django_user_model
):
    from django.contrib.auth.models import Group

    staff = django_user_model.objects.create_user("recruiter", "recruiter@example.org", "x")
    staff.groups.add(Group.objects.get(name="Recruitment"))
    fill_all(started, cohort)

    with django_capture_on_commit_callbacks(execute=True):
        response = started.post(APPLY_URL + "check/")
    assert response.status_code == 302
    application = TeacherApplication.objects.get()
    assert response["Location"] == f"{APPLY_URL}confirmation/{application.reference}/"
    assert re.fullmatch(r"APP-[0-9A-Z]{6}", application.reference)
    assert application.status == "received"
    assert application.cohort == cohort
    assert application.full_name == "Zoë Ó Example-Test"
    assert set(application.statements) == set(COMPETENCIES)
    assert application.statements["motivation"].endswith("日本語 ✓")
    assert application.declarations_confirmed
    assert not ApplicationDraft.objects.exists()

    confirmation = started.get(response["Location"])
    assert application.reference in confirmation.text

    # A second press finds the same application.
    again = started.post(APPLY_URL + "check/")
    assert again["Location"] == response["Location"]
    assert TeacherApplication.objects.count() == 1

    to = {tuple(m.to): m for m in mail.outbox}
    assert ("zoe@example.com",) in to and ("recruiter@example.org",) in to
    notification = to[("recruiter@example.org",)]
    assert application.reference in notification.body
    assert "Zoë" not in notification.body and "zoe@example.com" not in notification.body


def test_others_cannot_see_the_confirmation(client, started, cohort):
    fill_all(started, cohort)
    started.post(APPLY_URL + "check/")
    reference = TeacherApplication.objects.get().reference
    from django.test import Client

    assert Client().get(f"{APPLY_URL}confirmation/{reference}/").status_code == 404


def test_script_payloads_are_stored_as_text_and_escaped(started, cohort):
    payload = '<script>alert("x")</script>'
    data = answers(cohort)
    data["current-role"]["current_school"] = payload
    fill_all(started, cohort)
    started.post(step_url("current-role") + "?change=1", data["current-role"])
    response = started.get(APPLY_URL + "check/")
    assert ApplicationDraft.objects.get().answers["current-role"]["current_school"] == payload
    assert payload not in response.text
    assert "&lt;script&gt;" in response.text


def test_tampered_choices_and_extra_fields_are_refused_or_ignored(started, cohort):
    data = answers(cohort)
    started.post(step_url("personal-details"), data["personal-details"])
    response = started.post(
        step_url("current-role"), {**data["current-role"], "phase": "university"}
    )
    assert response.status_code == 200
    assert "Select the phase you teach" in response.text
    started.post(
        step_url("current-role"), {**data["current-role"], "status": "offer", "is_spam": "1"}
    )
    assert "status" not in ApplicationDraft.objects.get().answers["current-role"]
    fill_all(started, cohort)
    started.post(APPLY_URL + "check/")
    assert TeacherApplication.objects.get().status == "received"


def test_a_closed_cohort_cannot_be_chosen(started, cohort):
    past = CohortFactory(
        opens_at=timezone.now() - timedelta(days=300),
        closes_at=timezone.now() - timedelta(days=200),
    )
    fill_all(started, cohort, upto="preferences")
    response = started.post(step_url("preferences"), {"cohort": str(past.pk)})
    assert "Select the cohort you are applying for" in response.text


@pytest.mark.parametrize(
    "form_class, field, value, message",
    [
        (PersonalDetailsForm, "email", "zoe@", "in the correct format"),
        (PersonalDetailsForm, "telephone", "12345", "Enter a telephone number, like"),
        (PersonalDetailsForm, "postcode", "NOT A CODE", "Enter a real postcode"),
        (PersonalDetailsForm, "full_name", "x" * 201, "200 characters or fewer"),
        (CurrentRoleForm, "qts_year", str(timezone.now().year + 1), "cannot be in the future"),
        (CurrentRoleForm, "years_teaching", "three", "whole number"),
        (RefereesForm, "referee_2_email", "one@example.com", "different email address"),
    ],
)
def test_bad_input_gets_a_clear_message(cohort, form_class, field, value, message):
    data = {**answers(cohort)["personal-details"], **answers(cohort)["current-role"]}
    data.update(answers(cohort)["referees"])
    data[field] = value
    form = form_class(data)
    assert not form.is_valid()
    assert message in " ".join(form.errors[field])


def test_every_step_costs_a_bounded_number_of_queries(started, cohort):
    # The site's settings row is made (and its links indexed) once per site, on the first page
    # ever served, not on every request: make it before measuring.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    data = answers(cohort)
    for slug in ORDER:
        with CaptureQueriesContext(connection) as get_queries:
            started.get(step_url(slug))
        with CaptureQueriesContext(connection) as post_queries:
            started.post(step_url(slug), data[slug])
        assert len(get_queries) <= 15, (slug, len(get_queries))
        assert len(post_queries) <= 15, (slug, len(post_queries))
    with CaptureQueriesContext(connection) as check_queries:
        started.get(APPLY_URL + "check/")
    assert len(check_queries) <= 15


text_values = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["", " ", "<script>", "=1+1", "0", "-1", "9" * 30, "a@b", "ß\u200b"]),
)


def _preferences(data):
    from datetime import date

    from submissions.applications.steps import PreferencesForm
    from submissions.models import Cohort

    cohort = Cohort(pk=7, name="Cohort 2030", programme_starts=date(2030, 9, 1))
    return PreferencesForm(data, cohorts=(cohort,))


def _eligibility(data):
    from home.models.programme import Criterion
    from submissions.applications.forms import EligibilityForm

    return EligibilityForm([Criterion("qts", "QTS", "You hold QTS.", "")], data)


def _declarations(data):
    from submissions.applications.steps import DeclarationsForm

    return DeclarationsForm(data)


def _monitoring(data):
    from submissions.applications.forms import MonitoringForm

    return MonitoringForm(data)


EVERY_FORM = [
    PersonalDetailsForm,
    CurrentRoleForm,
    RefereesForm,
    lambda data: StatementForm(data, competency_name="Motivation"),
    _preferences,
    _declarations,
    _eligibility,
    _monitoring,
]


@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    make_form=st.sampled_from(EVERY_FORM),
    data=st.dictionaries(
        st.sampled_from(
            [
                "full_name",
                "email",
                "telephone",
                "postcode",
                "current_role",
                "phase",
                "years_teaching",
                "qts_year",
                "leadership_experience",
                "referee_1_email",
                "referee_2_email",
                "statement",
                "cohort",
                "accurate",
                "qts",
                "sex",
                "ethnic_group",
                "extra",
            ]
        ),
        text_values,
    ),
)
def test_any_input_to_any_step_is_either_valid_or_explained(make_form, data):
    """Every form of the journey, whatever is posted: valid with clean values, or each
    error is a message on a field the form has (never an exception, never an extra field)."""
    form = make_form(data)
    if form.is_valid():
        assert "extra" not in form.cleaned_data
        for value in form.cleaned_data.values():
            assert value is None or isinstance(value, str | int | bool)
    else:
        for field, messages in form.errors.items():
            assert field in form.fields or field == "__all__"
            assert all(m.strip() for m in messages)
