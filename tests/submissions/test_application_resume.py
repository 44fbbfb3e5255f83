"""Save and return: the emailed, signed, single-use, expiring link, its limits, and the purge.

A person saves, the browser forgets the draft, the email carries a link; opening the link shows
nothing until the email address it went to is typed; then that browser carries on and the link
is spent. Every older link stops working when a newer one is sent.
"""

import re
import time
from datetime import timedelta
from io import StringIO

from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

import pytest

from submissions.applications.resume import LinkSent, make_token, send_link
from submissions.models import ApplicationDraft

from .conftest import APPLY_URL
from .test_application_journey import answers, step_url

pytestmark = pytest.mark.django_db

RESUME_URL = APPLY_URL + "resume/"
# What the draft holds that nobody but the applicant may see.
PERSONAL = ["zoe@example.com", "Example Academy", "Zoë Ó Example-Test", "07700 900 982"]


def resume_link(message) -> str:
    return re.search(r"https?://testserver(/apply/resume/\?token=\S+)", message.body).group(1)


def save_and_return(client, cohort, step="current-role"):
    data = answers(cohort)
    client.post(step_url("personal-details"), data["personal-details"])
    return client.post(step_url(step), {**data[step], "save_and_return": "1"})


def open_link(client, link, email="zoe@example.com"):
    """What a person does with the emailed link: open it, then type their email address."""
    landing = client.get(link)
    assert landing.status_code == 303, landing.status_code
    assert landing["Location"] == RESUME_URL
    return client.post(RESUME_URL, {"email": email})


def shows_nothing_personal(response):
    return not any(value in response.text for value in PERSONAL)


def test_save_and_come_back_later_emails_a_link_that_works_once_in_a_fresh_browser(started, cohort):
    response = save_and_return(started, cohort)
    assert response["Location"] == APPLY_URL + "saved/"
    saved = started.get(response["Location"])
    assert "We have sent a link to <strong>zoe@example.com</strong>" in saved.text

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["zoe@example.com"]
    link = resume_link(message)
    # The email says when the link stops working, and that it works once.
    assert ApplicationDraft.objects.get().expires_at.strftime("%-d %B %Y") in message.body
    assert "The link works once" in message.body

    fresh = Client()
    # Landing keeps the token in the session and moves on to a URL without it, showing nothing.
    landing = fresh.get(link)
    assert landing.status_code == 303
    assert landing["Location"] == RESUME_URL
    assert landing["Referrer-Policy"] == "no-referrer"
    confirm = fresh.get(RESUME_URL)
    assert confirm.status_code == 200
    assert "Enter the email address" not in confirm.text  # no error yet
    assert "enter the email address we sent this link to" in confirm.text
    assert shows_nothing_personal(confirm)

    # The address it was sent to, in any case and with spaces, opens the application.
    response = fresh.post(RESUME_URL, {"email": "  ZOE@example.com "})
    assert response["Location"] == APPLY_URL + "start/"
    response = fresh.get(response["Location"])
    # Carries on at the first unanswered step, with the answers kept.
    assert response["Location"] == step_url("statement-motivation")
    page = fresh.get(step_url("current-role"))
    assert 'value="Example Academy"' in page.text

    # The link is spent: opened again, anywhere, it shows nothing.
    for client in (Client(), fresh):
        again = client.get(link)
        assert again.status_code == 404
        assert "This link has expired or is not valid" in again.text
        assert shows_nothing_personal(again)


def test_the_browser_that_saved_forgets_the_application(started, cohort):
    """On a shared computer, the next person finds nothing: not by Back, not by the links."""
    save_and_return(started, cohort)
    started.get(APPLY_URL + "saved/")
    for url in [
        step_url("personal-details"),
        step_url("current-role"),
        APPLY_URL + "check/",
        # The saved page said where the link went once; it does not say it again.
        APPLY_URL + "saved/",
    ]:
        response = started.get(url)
        assert response.status_code == 302
        assert response["Location"] == APPLY_URL
    # The start button starts a new, empty application.
    response = started.post(APPLY_URL + "start/")
    page = started.get(response["Location"])
    assert shows_nothing_personal(page)
    assert ApplicationDraft.objects.count() == 2


def test_a_wrong_email_address_opens_nothing_and_attempts_are_limited(started, cohort):
    save_and_return(started, cohort)
    link = resume_link(mail.outbox[0])
    stranger = Client()
    response = open_link(stranger, link, email="someone.else@example.com")
    assert response.status_code == 200
    assert "Enter the email address we sent this link to" in response.text
    assert shows_nothing_personal(response)
    assert stranger.get(step_url("current-role"))["Location"] == APPLY_URL
    for _ in range(4):
        stranger.post(RESUME_URL, {"email": "guess@example.com"})
    # Five tries an hour for one link, then even the right address waits.
    response = stranger.post(RESUME_URL, {"email": "zoe@example.com"})
    assert response.status_code == 429
    assert shows_nothing_personal(response)


def test_each_save_sends_a_fresh_link_and_older_links_stop_working(
    started, cohort, settings, monkeypatch
):
    settings.APPLICATION_RESUME_LINK_INTERVAL = 300
    save_and_return(started, cohort)
    first = resume_link(mail.outbox[0])
    # Carry on with the first link, save again later: a second, different link.
    browser = Client()
    open_link(browser, first)
    browser.get(APPLY_URL + "start/")
    data = answers(cohort)
    browser.post(step_url("statement-motivation"), {**data["statement-motivation"]})
    browser.post(
        step_url("statement-outstanding-teaching"),
        {**data["statement-outstanding-teaching"], "save_and_return": "1"},
    )
    assert len(mail.outbox) == 2
    second = resume_link(mail.outbox[1])
    assert second != first
    assert Client().get(first).status_code == 404
    assert open_link(Client(), second)["Location"] == APPLY_URL + "start/"


def test_a_draft_gets_one_link_per_few_minutes_unless_its_link_was_used(
    started, cohort, settings, rf
):
    """A double click on "Save and come back later" sends one link; after the link is used,
    the next save sends a new one at once (else the applicant would have no working link)."""
    settings.APPLICATION_RESUME_LINK_INTERVAL = 300
    save_and_return(started, cohort)
    draft = ApplicationDraft.objects.get()
    request = rf.post("/apply/step/current-role/")
    assert send_link(request, draft, "http://testserver/apply/") == LinkSent.RECENT
    assert len(mail.outbox) == 1

    open_link(Client(), resume_link(mail.outbox[0]))
    draft.refresh_from_db()
    assert send_link(request, draft, "http://testserver/apply/") == LinkSent.SENT
    assert len(mail.outbox) == 2

    ApplicationDraft.objects.update(link_sent_at=timezone.now() - timedelta(seconds=301))
    draft.refresh_from_db()
    assert send_link(request, draft, "http://testserver/apply/") == LinkSent.SENT
    assert len(mail.outbox) == 3


def test_an_address_gets_a_few_links_a_day_and_nothing_is_lost_after(
    apply_page, competencies, cohort
):
    data = answers(cohort)

    def save_a_new_draft():
        browser = Client()
        browser.post(APPLY_URL + "start/")
        browser.post(step_url("personal-details"), data["personal-details"])
        response = browser.post(
            step_url("current-role"), {**data["current-role"], "save_and_return": "1"}
        )
        return browser, browser.get(response["Location"])

    for _ in range(3):
        save_a_new_draft()
    assert len(mail.outbox) == 3

    browser, saved = save_a_new_draft()
    assert len(mail.outbox) == 3
    assert "We could not send another link to <strong>zoe@example.com</strong> today" in saved.text
    # Nothing is lost: that browser carries on with the draft it holds.
    assert "Carry on with your application now" in saved.text
    page = browser.get(step_url("current-role"))
    assert 'value="Example Academy"' in page.text


def test_opening_a_link_never_shows_the_token_again(started, cohort):
    """The token is in the landing URL only: the page after it, and its links, carry none."""
    save_and_return(started, cohort)
    link = resume_link(mail.outbox[0])
    token = link.split("token=", 1)[1]
    fresh = Client()
    landing = fresh.get(link)
    page = fresh.get(landing["Location"])
    assert token not in landing["Location"]
    assert token not in page.text


@pytest.mark.parametrize(
    "token",
    [
        "not-a-token",
        signing.dumps("00000000-0000-0000-0000-000000000000", salt="other-salt"),
    ],
)
def test_a_tampered_link_shows_a_clear_page_and_no_data(client, apply_page, token):
    response = client.get(RESUME_URL, {"token": token})
    assert response.status_code == 404
    assert "This link has expired or is not valid" in response.text


def test_without_a_link_the_resume_page_shows_nothing(client, apply_page):
    assert client.get(RESUME_URL).status_code == 404
    assert client.post(RESUME_URL, {"email": "zoe@example.com"}).status_code == 404


def test_an_altered_link_to_a_real_draft_shows_nothing(started, cohort):
    save_and_return(started, cohort)
    draft = ApplicationDraft.objects.get()
    token = make_token(draft)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    fresh = Client()
    response = fresh.get(RESUME_URL, {"token": tampered})
    assert response.status_code == 404
    assert shows_nothing_personal(response)


def test_an_expired_link_shows_a_clear_page(started, cohort, settings, monkeypatch):
    settings.APPLICATION_DRAFT_DAYS = 30
    save_and_return(started, cohort)
    draft = ApplicationDraft.objects.get()
    now = time.time()
    # A link signed 31 days ago, for a draft still kept: the link alone has expired.
    monkeypatch.setattr("django.core.signing.time.time", lambda: now - 31 * 86400)
    token = make_token(draft)
    monkeypatch.undo()
    response = Client().get(RESUME_URL, {"token": token})
    assert response.status_code == 404
    assert "This link has expired or is not valid" in response.text


def test_drafts_are_purged_after_the_configured_time(started, cohort, settings):
    settings.APPLICATION_DRAFT_DAYS = 30
    save_and_return(started, cohort)
    ApplicationDraft.objects.update(updated_at=timezone.now() - timedelta(days=29))
    call_command("purge_expired_submissions", stdout=StringIO())
    assert ApplicationDraft.objects.count() == 1
    ApplicationDraft.objects.update(updated_at=timezone.now() - timedelta(days=31))
    out = StringIO()
    call_command("purge_expired_submissions", stdout=out)
    assert ApplicationDraft.objects.count() == 0
    assert "Deleted 1 unfinished applications" in out.getvalue()
