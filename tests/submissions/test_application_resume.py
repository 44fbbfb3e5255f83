"""Save and return: the emailed, signed, expiring link and the purge of old drafts."""

import re
from datetime import timedelta
from io import StringIO

from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

import pytest

from submissions.applications.resume import make_token
from submissions.models import ApplicationDraft

from .conftest import APPLY_URL
from .test_application_journey import answers, step_url

pytestmark = pytest.mark.django_db


def resume_link(message) -> str:
    return re.search(r"https?://testserver(/apply/resume/\?token=\S+)", message.body).group(1)


def save_and_return(client, cohort):
    data = answers(cohort)
    client.post(step_url("personal-details"), data["personal-details"])
    response = client.post(
        step_url("current-role"), {**data["current-role"], "save_and_return": "1"}
    )
    return response


def test_save_and_come_back_later_emails_a_link_that_works_in_a_fresh_browser(
    started,
    cohort,
):
    response = save_and_return(started, cohort)
    assert response["Location"] == APPLY_URL + "saved/"
    saved = started.get(response["Location"])
    assert "zoe@example.com" in saved.text

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["zoe@example.com"]
    link = resume_link(message)
    # The email says when the link stops working.
    assert ApplicationDraft.objects.get().expires_at.strftime("%-d %B %Y") in message.body

    fresh = Client()
    response = fresh.get(link)
    assert response.status_code == 302
    response = fresh.get(response["Location"])
    # Carries on at the first unanswered step, with the answers kept.
    assert response["Location"] == step_url("statement-motivation")
    page = fresh.get(step_url("current-role"))
    assert 'value="Example Academy"' in page.text


@pytest.mark.parametrize(
    "token",
    [
        "not-a-token",
        signing.dumps("00000000-0000-0000-0000-000000000000", salt="other-salt"),
    ],
)
def test_a_tampered_link_shows_a_clear_page_and_no_data(client, apply_page, token):
    response = client.get(f"{APPLY_URL}resume/", {"token": token})
    assert response.status_code == 404
    assert "This link has expired or is not valid" in response.text


def test_an_altered_link_to_a_real_draft_shows_nothing(started, cohort):
    save_and_return(started, cohort)
    draft = ApplicationDraft.objects.get()
    token = make_token(draft)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    fresh = Client()
    response = fresh.get(f"{APPLY_URL}resume/", {"token": tampered})
    assert response.status_code == 404
    assert "Example Academy" not in response.text
    assert "zoe@example.com" not in response.text


def test_an_expired_link_shows_a_clear_page(started, cohort, settings, monkeypatch):
    import time

    settings.APPLICATION_DRAFT_DAYS = 30
    save_and_return(started, cohort)
    draft = ApplicationDraft.objects.get()
    now = time.time()
    # A link signed 31 days ago, for a draft still kept: the link alone has expired.
    monkeypatch.setattr("django.core.signing.time.time", lambda: now - 31 * 86400)
    token = make_token(draft)
    monkeypatch.undo()
    response = Client().get(f"{APPLY_URL}resume/", {"token": token})
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
