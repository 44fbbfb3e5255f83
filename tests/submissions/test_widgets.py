"""Every field of every public form is drawn as what its widget is.

A multiple choice is checkboxes, a single choice radios or a select, text a text box of its own
type: checked for every field of both public forms, every application step and the forms
around them, first as `{% govuk_field %}` draws each field, then on the pages as people get
them (which also draw the honeypot and the form state).
"""

from datetime import date
from types import SimpleNamespace

from django import forms
from django.template import Context, Template

import pytest
from bs4 import BeautifulSoup

from submissions.applications.choices import DEFAULT_COMPETENCIES
from submissions.applications.forms import (
    EligibilityForm,
    MonitoringForm,
    OpeningNotificationForm,
    ResumeForm,
)
from submissions.applications.steps import build_steps
from submissions.enquiries.forms import ExpressionOfInterestForm
from submissions.models import ApplicationDraft

from .conftest import APPLY_URL, EOI_URL, apply_step_url
from .test_application_journey import ORDER, answers

COHORTS = (SimpleNamespace(pk=7, name="Cohort 2030", programme_starts=date(2030, 9, 1)),)
CRITERIA = (
    SimpleNamespace(key="qts", name="Qualified teacher status", description="QTS."),
    SimpleNamespace(key="right-to-work", name="Right to work", description="In the UK."),
)


def every_form():
    """(name, form) for each form people fill in, unbound, as its page builds it."""
    yield "enquiry", ExpressionOfInterestForm()
    yield "notify", OpeningNotificationForm()
    yield "eligibility", EligibilityForm(CRITERIA)
    yield "monitoring", MonitoringForm()
    yield "resume", ResumeForm()
    competencies = [(key, name, "") for key, name in DEFAULT_COMPETENCIES]
    for step in build_steps(competencies, COHORTS):
        yield f"step:{step.slug}", step.form()


FIELDS = [
    pytest.param(form, name, id=f"{form_name}.{name}")
    for form_name, form in every_form()
    for name in form.fields
    if name not in form.protection_fields
]


def implied_control(widget) -> tuple[str, str | None]:
    """The element and input type a widget stands for: ("select", None), ("input", "radio")..."""
    if isinstance(widget, forms.Select):
        return "select", None
    if isinstance(widget, forms.Textarea):
        return "textarea", None
    return "input", widget.attrs.get("type") or widget.input_type


def controls(html, name):
    return BeautifulSoup(html, "html.parser").find_all(
        ["input", "select", "textarea"], attrs={"name": name}
    )


def assert_drawn_as_its_widget(html, bound_field):
    widget = bound_field.field.widget
    found = controls(html, bound_field.html_name)
    tag, input_type = implied_control(widget)
    assert found, f"{bound_field.html_name}: no control drawn"
    assert {c.name for c in found} == {tag}, [str(c)[:80] for c in found]
    if tag == "input":
        assert {c.get("type") for c in found} == {input_type}, [str(c)[:80] for c in found]
    if isinstance(widget, forms.RadioSelect):  # radios, and CheckboxSelectMultiple
        choices = [key for key, _ in bound_field.field.choices if key != ""]
        assert [c["value"] for c in found] == [str(key) for key in choices]
    else:
        assert len(found) == 1
    if tag == "select":
        assert found[0].has_attr("multiple") == widget.allow_multiple_selected


@pytest.mark.parametrize("form, name", FIELDS)
def test_every_field_is_drawn_as_the_input_its_widget_implies(form, name):
    html = Template("{% load govuk_forms %}{% govuk_field field %}").render(
        Context({"field": form[name]})
    )
    assert_drawn_as_its_widget(html, form[name])


def test_a_multiple_choice_is_checkboxes_and_keeps_every_ticked_box():
    form = ExpressionOfInterestForm(
        {"improvement_areas": ["curriculum", "safeguarding"], "website": ""}
    )
    html = Template("{% load govuk_forms %}{% govuk_field field %}").render(
        Context({"field": form["improvement_areas"]})
    )
    boxes = controls(html, "improvement_areas")
    assert {box["type"] for box in boxes} == {"checkbox"}
    assert sorted(box["value"] for box in boxes if box.has_attr("checked")) == [
        "curriculum",
        "safeguarding",
    ]


# --- on the pages ---------------------------------------------------------------------------


def assert_page_draws_the_form(response, form):
    assert response.status_code == 200, response.status_code
    for bound_field in form:
        assert_drawn_as_its_widget(response.content, bound_field)


@pytest.mark.django_db
def test_the_expression_of_interest_page_draws_every_field_as_its_widget(client, eoi_page):
    assert_page_draws_the_form(client.get(EOI_URL), ExpressionOfInterestForm())


@pytest.mark.django_db
def test_every_application_page_draws_every_field_as_its_widget(
    client, apply_page, competencies, cohort
):
    client.post(APPLY_URL + "start/")
    data = answers(cohort)
    steps = {
        step.slug: step
        for step in build_steps(
            [(c.key, c.name, c.description) for c in competencies.requirements().competencies],
            [cohort],
        )
    }
    for slug in ORDER:
        assert_page_draws_the_form(client.get(apply_step_url(slug)), steps[slug].form())
        client.post(apply_step_url(slug), data[slug])
    assert ApplicationDraft.objects.get().answers.keys() == set(ORDER)

    client.post(APPLY_URL + "check/")
    assert_page_draws_the_form(client.get(APPLY_URL + "monitoring/"), MonitoringForm())


@pytest.mark.django_db
def test_the_eligibility_and_notify_pages_draw_every_field_as_its_widget(
    client, apply_page, programme
):
    criteria = list(programme.requirements().criteria)
    assert_page_draws_the_form(client.get(APPLY_URL + "eligibility/"), EligibilityForm(criteria))
    # While applications are closed, the apply page asks for an email address.
    assert_page_draws_the_form(client.get(APPLY_URL), OpeningNotificationForm())
