"""Pages that show or take a person's answers are kept out of every cache; the rest are not.

`Cache-Control: private, no-store` on each of them (and `never_cache`'s companions), so neither
a proxy nor Varnish keeps a copy, and Back on a shared or library computer asks the server,
which shows the next person nothing. The public pages stay cacheable.
"""

from django.core import mail

import pytest

from .conftest import APPLY_URL, EOI_URL, valid_data
from .test_application_journey import answers, fill_all, step_url
from .test_application_resume import resume_link, save_and_return

pytestmark = pytest.mark.django_db


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def assert_private(response, what):
    directives = cache_control(response)
    assert {"no-store", "private"} <= directives, (what, response.get("Cache-Control"))


def assert_cacheable(response, what):
    assert response.status_code == 200, what
    assert "no-store" not in cache_control(response), (what, response.get("Cache-Control"))
    assert "private" not in cache_control(response), (what, response.get("Cache-Control"))


def test_every_application_page_with_answers_is_private(started, cohort, client):
    data = answers(cohort)
    seen = {}
    for slug in ["personal-details", "current-role"]:
        seen[f"GET step {slug}"] = started.get(step_url(slug))
        seen[f"POST step {slug}"] = started.post(step_url(slug), data[slug])
    seen["POST step with errors"] = started.post(step_url("statement-motivation"), {})
    seen["POST back"] = started.post(step_url("statement-motivation"), {"action": "back"})
    fill_all(started, cohort)
    seen["GET check"] = started.get(APPLY_URL + "check/")
    sent = started.post(APPLY_URL + "check/")
    seen["POST check"] = sent
    seen["GET confirmation"] = started.get(sent["Location"])
    seen["GET monitoring"] = started.get(APPLY_URL + "monitoring/")
    seen["POST monitoring"] = started.post(APPLY_URL + "monitoring/", {"skip": "1"})

    for what, response in seen.items():
        assert response.status_code in (200, 302), (what, response.status_code)
        assert_private(response, what)


def test_saving_and_resuming_are_private(started, cohort, client):
    seen = {"POST save and return": save_and_return(started, cohort)}
    seen["GET saved"] = started.get(APPLY_URL + "saved/")
    link = resume_link(mail.outbox[0])
    seen["GET link"] = client.get(link)
    seen["GET resume"] = client.get(APPLY_URL + "resume/")
    seen["POST resume"] = client.post(APPLY_URL + "resume/", {"email": "zoe@example.com"})
    for what, response in seen.items():
        assert_private(response, what)


def test_the_eligibility_result_is_private(client, apply_page, programme):
    criteria = programme.requirements().criteria
    response = client.post(APPLY_URL + "eligibility/", {c.key: "yes" for c in criteria})
    assert "You can apply" in response.text
    assert_private(response, "eligibility result")


def test_the_schools_form_its_errors_and_its_confirmation_are_private(client, post_form):
    assert_private(client.get(EOI_URL), "form (each carries its own form token)")
    errors = post_form(valid_data(email="not-an-email"))
    assert errors.status_code == 200
    assert "Springwell Demo Academy" in errors.text  # the answers, shown again
    assert_private(errors, "error re-display")
    sent = post_form(valid_data())
    assert_private(sent, "post")
    assert_private(client.get(sent["Location"]), "confirmation")


def test_a_refused_post_is_private(client, post_form, settings):
    settings.SUBMISSIONS_RATE_LIMITS = {**settings.SUBMISSIONS_RATE_LIMITS, "enquiry": "0/600"}
    response = post_form(valid_data())
    assert response.status_code == 429
    assert_private(response, "429")


def test_public_pages_stay_cacheable(client, home_page, apply_page, programme, cohort):
    assert_cacheable(client.get("/"), "home page")
    assert_cacheable(client.get(APPLY_URL), "apply page, open")
    # The eligibility questions are a form with a CSRF token: never kept by a shared cache
    # (caching.middleware), although they hold nothing personal.
    assert "no-store" in cache_control(client.get(APPLY_URL + "eligibility/"))
    assert_cacheable(client.get(programme.url), "programme page")
