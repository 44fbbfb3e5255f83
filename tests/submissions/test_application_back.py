""" "Back" on a step of the application keeps what was typed there, valid or not, without errors."""

import pytest
from bs4 import BeautifulSoup

from submissions.models import ApplicationDraft, TeacherApplication

from .conftest import APPLY_URL
from .test_application_journey import answers, fill_all, step_url

pytestmark = pytest.mark.django_db

BACK = {"action": "back"}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def value_of(page, name):
    field = page.find(attrs={"name": name})
    return field.text.strip() if field.name == "textarea" else field.get("value", "")


def assert_no_errors(page):
    assert page.select_one("[data-error-summary]") is None
    assert not page.title.text.startswith("Error")
    assert page.select(".form-group--error, .error-message") == []


def test_back_is_a_button_of_the_step_form_and_enter_still_continues(started):
    page = soup(started.get(step_url("personal-details")))
    form = page.find("form", id="step-form")
    buttons = [
        b
        for b in page.find_all("button")
        if b.get("form") == "step-form" or form in b.parents
        if b.get("type", "submit") == "submit"
    ]
    back = page.find("button", attrs={"name": "action", "value": "back"})
    assert back is not None and back.text.strip() == "Back"
    assert back in buttons
    # Enter in a field presses the form's first submit button: it must not be "Back".
    assert buttons[0] is not back and buttons[0].get("name") is None
    assert page.find("a", string="Back") is None


def test_back_keeps_unfinished_answers_and_shows_them_again_without_errors(started, cohort):
    fill_all(started, cohort, upto="current-role")
    typed = {"current_role": "Head of", "years_teaching": "three", "leadership_details": "Led"}
    response = started.post(step_url("current-role"), {**typed, **BACK})
    assert response.status_code == 302
    assert response["Location"] == step_url("personal-details")
    assert_no_errors(soup(started.get(response["Location"])))

    page = soup(started.get(step_url("current-role")))
    assert_no_errors(page)
    assert value_of(page, "current_role") == "Head of"
    assert value_of(page, "years_teaching") == "three"
    assert value_of(page, "leadership_details") == "Led"
    assert value_of(page, "current_school") == ""
    # Unfinished answers do not count: the application carries on from that step.
    assert started.get(APPLY_URL + "check/")["Location"] == step_url("current-role")
    assert started.post(APPLY_URL + "start/")["Location"] == step_url("current-role")
    assert started.get(step_url("statement-motivation"))["Location"] == step_url("current-role")

    # Finishing the step saves it, and its unfinished answers are no longer shown.
    data = answers(cohort)["current-role"]
    response = started.post(step_url("current-role"), data)
    assert response["Location"] == step_url("statement-motivation")
    page = soup(started.get(step_url("current-role")))
    assert value_of(page, "current_role") == data["current_role"]
    assert value_of(page, "years_teaching") == data["years_teaching"]


def test_back_with_valid_answers_saves_them(started, cohort):
    fill_all(started, cohort, upto="current-role")
    response = started.post(step_url("current-role"), {**answers(cohort)["current-role"], **BACK})
    assert response["Location"] == step_url("personal-details")
    assert started.post(APPLY_URL + "start/")["Location"] == step_url("statement-motivation")


def test_back_from_the_first_step_goes_to_the_apply_page_and_keeps_the_answers(started):
    response = started.post(
        step_url("personal-details"), {"full_name": "Zoë Half-Done", "email": "zoe@", **BACK}
    )
    assert response["Location"] == APPLY_URL
    page = soup(started.get(step_url("personal-details")))
    assert_no_errors(page)
    assert value_of(page, "full_name") == "Zoë Half-Done"
    assert value_of(page, "email") == "zoe@"
    # An address that is not valid yet is not one to send a link to.
    assert ApplicationDraft.objects.get().email == ""


def test_back_keeps_ticked_boxes_and_long_statements(started, cohort):
    over = " ".join(["word"] * 450)
    fill_all(started, cohort, upto="statement-motivation")
    started.post(step_url("statement-motivation"), {"statement": over, **BACK})
    page = soup(started.get(step_url("statement-motivation")))
    assert_no_errors(page)
    assert value_of(page, "statement") == over

    fill_all(started, cohort, upto="declarations")
    started.post(step_url("declarations"), {"eligible": "on", **BACK})
    page = soup(started.get(step_url("declarations")))
    assert_no_errors(page)
    boxes = {box["name"]: box.has_attr("checked") for box in page.select("input[type=checkbox]")}
    assert boxes == {"accurate": False, "eligible": True, "privacy": False}


def test_back_while_changing_an_answer_keeps_the_sent_answers_until_it_is_saved(started, cohort):
    fill_all(started, cohort)
    changed = {**answers(cohort)["current-role"], "current_school": "New School", "subject": ""}
    response = started.post(step_url("current-role") + "?change=1", {**changed, **BACK})
    assert response["Location"] == APPLY_URL + "check/"

    # The check page shows the answers that would be sent, and says a change is unfinished.
    check = soup(started.get(APPLY_URL + "check/"))
    values = [dd.text.strip() for dd in check.select(".summary-list__value")]
    assert "Example Academy" in values and "New School" not in values
    notice = check.select_one(".inset-text")
    assert "You started changing these answers" in notice.text
    assert notice.a["href"] == step_url("current-role") + "?change=1"

    page = soup(started.get(step_url("current-role") + "?change=1"))
    assert_no_errors(page)
    assert value_of(page, "current_school") == "New School"
    assert value_of(page, "subject") == ""

    started.post(step_url("current-role") + "?change=1", {**changed, "subject": "Drama"})
    check = soup(started.get(APPLY_URL + "check/"))
    assert check.select_one(".inset-text") is None
    started.post(APPLY_URL + "check/")
    application = TeacherApplication.objects.get()
    assert (application.current_school, application.subject) == ("New School", "Drama")
