"""Bots and floods on both public forms: honeypot and fill time on the application's first
step, a rate limit on every public post (per client address, and per email address where one
is given), and repeats of a stored post that always reach its confirmation."""

from django.core import mail
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

import pytest

from submissions.models import (
    ApplicationDraft,
    OpeningNotification,
    PartnershipEnquiry,
    TeacherApplication,
)
from submissions.protection import FormState, Rate, check_rate_limit, hit
from website.settings.base import env_overrides

from .conftest import APPLY_URL, EOI_URL, aged_state, valid_data
from .test_application_journey import ORDER, answers, fill_all, step_url
from .test_application_page import future_cohort, notify_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    """Set some scopes' limits for one test: limits(**{"apply-start": "3/3600"})."""

    def set_limits(**scopes):
        settings.SUBMISSIONS_RATE_LIMITS = {**settings.SUBMISSIONS_RATE_LIMITS, **scopes}

    return set_limits


def new_visitor(address="192.0.2.10"):
    return Client(REMOTE_ADDR=address)


# --- the application's first step: honeypot and minimum fill time ----------------------------


@pytest.mark.parametrize(
    "trap",
    [
        lambda: {"website": "http://spam.example"},
        lambda: {"form_state": aged_state(seconds=0.5)},
        lambda: {"form_state": ""},
        lambda: {"form_state": aged_state()[:-4] + "AAAA"},
    ],
    ids=["honeypot", "too-fast", "no-form-state", "forged-form-state"],
)
def test_an_automated_first_step_carries_on_but_its_application_is_flagged_and_sends_nothing(
    started, cohort, trap, django_capture_on_commit_callbacks
):
    data = answers(cohort)
    response = started.post(step_url("personal-details"), {**data["personal-details"], **trap()})
    # Answered as any other post: a bot learns nothing.
    assert response["Location"] == step_url("current-role")
    assert ApplicationDraft.objects.get().spam_reasons

    # "Save and come back later" says a link went, and sends none.
    response = started.post(
        step_url("current-role"), {**data["current-role"], "save_and_return": "1"}
    )
    assert "We have sent a link" in started.get(response["Location"]).text
    assert mail.outbox == []


def test_a_flagged_draft_becomes_an_application_flagged_as_spam(
    started, cohort, django_capture_on_commit_callbacks
):
    data = answers(cohort)
    started.post(step_url("personal-details"), {**data["personal-details"], "website": "x"})
    for slug in ORDER[1:]:
        started.post(step_url(slug), data[slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = started.post(APPLY_URL + "check/")
    application = TeacherApplication.objects.get()
    assert response["Location"] == f"{APPLY_URL}confirmation/{application.reference}/"
    assert application.is_spam
    assert mail.outbox == []


def test_a_person_is_judged_once_going_back_to_the_first_step_and_on_at_once_is_fine(
    started, cohort
):
    data = answers(cohort)
    started.post(step_url("personal-details"), data["personal-details"])
    page = started.get(step_url("personal-details"))
    assert 'name="form_state"' in page.text
    # Straight back on with a state signed a moment ago: still a person.
    started.post(
        step_url("personal-details"),
        {**data["personal-details"], "form_state": aged_state(seconds=0.1)},
    )
    assert ApplicationDraft.objects.get().spam_reasons == []


def test_the_first_step_hides_its_trap_from_people(started):
    page = started.get(step_url("personal-details")).text
    assert '<div class="form-honeypot" aria-hidden="true">' in page
    assert 'tabindex="-1"' in page
    # The protection fields are not questions: no label or row of their own elsewhere.
    assert page.count('name="website"') == 1


# --- rate limits on every public post ---------------------------------------------------------


def test_starts_are_limited_per_client_address(apply_page, competencies, cohort, limits):
    limits(**{"apply-start": "3/3600"})
    for _ in range(3):
        assert new_visitor().post(APPLY_URL + "start/").status_code == 302
    response = new_visitor().post(APPLY_URL + "start/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert ApplicationDraft.objects.count() == 3
    # Another address is not held back.
    assert new_visitor("192.0.2.11").post(APPLY_URL + "start/").status_code == 302


def test_step_posts_are_limited_per_client_address(started, cohort, limits):
    limits(**{"apply-step": "2/3600"})
    data = answers(cohort)
    assert started.post(step_url("personal-details"), data["personal-details"]).status_code == 302
    assert started.post(step_url("current-role"), data["current-role"]).status_code == 302
    response = started.post(step_url("statement-motivation"), data["statement-motivation"])
    assert response.status_code == 429
    assert "Too many attempts" in response.text


def test_the_first_step_is_limited_per_email_address(apply_page, competencies, cohort, limits):
    limits(**{"apply-step-email": "2/3600"})
    data = answers(cohort)
    statuses = []
    for n in range(3):
        visitor = new_visitor(f"192.0.2.{20 + n}")
        visitor.post(APPLY_URL + "start/")
        personal = {
            **data["personal-details"],
            "email": "Zoe@Example.com" if n else "zoe@example.com",
        }
        statuses.append(visitor.post(step_url("personal-details"), personal).status_code)
    assert statuses == [302, 302, 429]


def test_sending_is_limited_per_email_address_and_a_repeat_still_reaches_its_confirmation(
    apply_page, competencies, cohort, limits, django_capture_on_commit_callbacks
):
    limits(**{"apply-send-email": "1/86400", "apply-send": "1/3600"})
    first = new_visitor("192.0.2.30")
    first.post(APPLY_URL + "start/")
    fill_all(first, cohort)
    with django_capture_on_commit_callbacks(execute=True):
        sent = first.post(APPLY_URL + "check/")
    assert sent.status_code == 302
    # The address has had its one send: pressing "Send" again still shows the confirmation.
    again = first.post(APPLY_URL + "check/")
    assert again.status_code == 302
    assert again["Location"] == sent["Location"]

    # The same email address from elsewhere: refused, nothing stored.
    second = new_visitor("192.0.2.31")
    second.post(APPLY_URL + "start/")
    fill_all(second, cohort)
    response = second.post(APPLY_URL + "check/")
    assert response.status_code == 429
    assert TeacherApplication.objects.count() == 1
    # The answers are kept: once the window has passed, the application can be sent.
    assert ApplicationDraft.objects.count() == 1


def test_a_double_press_while_the_first_is_being_stored_is_not_refused(started, cohort, limits, rf):
    """The first press was let through and is still storing when the second arrives."""
    limits(**{"apply-send": "1/3600"})
    fill_all(started, cohort)
    draft = ApplicationDraft.objects.get()
    first_press = rf.post(APPLY_URL + "check/", REMOTE_ADDR="127.0.0.1")
    assert check_rate_limit(first_press, "apply-send", repeat_of=draft.token) is None
    # The address is at its limit, yet the repeat of the press let through goes on.
    response = started.post(APPLY_URL + "check/")
    assert response.status_code == 302
    assert TeacherApplication.objects.count() == 1


def test_a_double_click_on_the_schools_form_at_the_limit_shows_its_confirmation(
    post_form, limits, client, rf
):
    limits(enquiry="1/600")
    data = valid_data()
    first = post_form(data)
    assert first.status_code == 302
    # The same form again (a double click, a reload): its confirmation, never a 429.
    again = post_form(data)
    assert again.status_code == 302
    assert again["Location"] == first["Location"]
    assert client.get(again["Location"]).status_code == 200
    assert PartnershipEnquiry.objects.count() == 1
    # Another form from the same address is over the limit.
    assert post_form(valid_data(school_name="Another school")).status_code == 429


def test_a_double_click_at_the_limit_while_the_first_is_storing_is_stored_once(
    post_form, limits, rf
):
    limits(enquiry="1/600")
    data = valid_data()
    # The first click has been let through and is still being stored...
    token = FormState.read(data["form_state"]).token
    assert check_rate_limit(rf.post(EOI_URL), "enquiry", repeat_of=token) is None
    # ...when the second arrives: let through, stored once, confirmed.
    assert post_form(data).status_code == 302
    assert post_form(data).status_code == 302
    assert PartnershipEnquiry.objects.count() == 1


def test_enquiries_are_limited_per_email_address(post_form, limits):
    limits(**{"enquiry-email": "2/86400"})
    statuses = [
        post_form(valid_data(email="Head@Example.org"), REMOTE_ADDR=f"192.0.2.{40 + n}").status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert PartnershipEnquiry.objects.count() == 2


def test_requests_to_be_told_are_limited_per_address_and_per_email(client, apply_page, limits):
    future_cohort()
    limits(**{"notify-email": "1/86400", "notify": "3/600"})
    assert client.post(APPLY_URL + "notify/", notify_data(email="a@example.com")).status_code == 302
    assert client.post(APPLY_URL + "notify/", notify_data(email="A@example.com")).status_code == 429
    assert client.post(APPLY_URL + "notify/", notify_data(email="b@example.com")).status_code == 302
    assert client.post(APPLY_URL + "notify/", notify_data(email="c@example.com")).status_code == 429
    assert OpeningNotification.objects.count() == 2


def test_eligibility_checks_are_limited_per_address(client, apply_page, programme, limits):
    limits(eligibility="2/600")
    statuses = [client.post(APPLY_URL + "eligibility/", {}).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_equal_opportunities_posts_are_limited(started, cohort, limits):
    fill_all(started, cohort)
    started.post(APPLY_URL + "check/")
    limits(**{"apply-step": "0/3600"})
    assert started.post(APPLY_URL + "monitoring/", {"skip": "1"}).status_code == 429


# --- the rate-limit machinery ----------------------------------------------------------------


def test_a_window_opens_at_the_first_post_and_counts_each_key_apart(settings):
    settings.SUBMISSIONS_RATE_LIMITS = {"test": "2/60"}
    assert hit("test", "address:192.0.2.99") is None
    assert hit("test", "address:192.0.2.99") is None
    retry_after = hit("test", "address:192.0.2.99")
    assert 0 < retry_after <= 60
    assert hit("test", "address:192.0.2.98") is None
    # The cache holds a keyed hash of what was counted, never the address.
    keys = " ".join(str(key) for key in cache._cache)
    assert "submissions:rate:test:" in keys
    assert "192.0.2" not in keys


def test_repeats_of_one_token_are_let_through_a_bounded_number_of_times(settings, rf):
    settings.SUBMISSIONS_RATE_LIMITS = {"test": "1/60"}
    request = rf.post("/")
    assert check_rate_limit(request, "test", repeat_of="token") is None
    results = [check_rate_limit(request, "test", repeat_of="token") for _ in range(12)]
    assert results[:10] == [None] * 10
    assert all(result is not None for result in results[10:])
    assert check_rate_limit(request, "test", repeat_of="another") is not None


def test_limits_are_read_as_count_per_seconds():
    assert Rate.parse("30/3600") == Rate(30, 3600)
    assert Rate.parse("5") == Rate(5, 60)


def test_limits_are_set_from_the_environment(monkeypatch):
    defaults = {"apply-start": "30/3600", "enquiry": "20/600"}
    monkeypatch.setenv("LIMITS", "apply-start=5/60")
    assert env_overrides("LIMITS", defaults) == {"apply-start": "5/60", "enquiry": "20/600"}
    monkeypatch.setenv("LIMITS", "*=100/1, enquiry=1/1")
    assert env_overrides("LIMITS", defaults) == {"apply-start": "100/1", "enquiry": "1/1"}
    monkeypatch.setenv("LIMITS", "apply-strat=5/60")
    with pytest.raises(ImproperlyConfigured, match="apply-strat"):
        env_overrides("LIMITS", defaults)
