"""Emails go out in the background, never cost a submission, and carry nothing extra."""

import logging
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from submissions.enquiries.factories import PartnershipEnquiryFactory
from submissions.models import PartnershipEnquiry
from submissions.tasks import MAX_ATTEMPTS, retry_delay

from .conftest import valid_data

pytestmark = pytest.mark.django_db

FAILING = "tests.submissions.failing_mail.FailingEmailBackend"
WORKING = "django.core.mail.backends.locmem.EmailBackend"
DURABLE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "durable": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
PERSONAL = ["Gill Example", "gill.example@example.com", "01632 960 001", "Springwell", "123456"]


@pytest.fixture
def run_worker(monkeypatch):
    """`manage.py db_worker --backend durable --batch`: run what is due, then stop.

    The worker recycles its database connection between tasks, as a long-running process
    should; inside a test's transaction that would end the test's transaction, so here the
    worker keeps the connection it has.
    """
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    return _run_worker


def _run_worker():
    call_command(
        "db_worker",
        "--backend",
        "durable",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
    )


@pytest.fixture
def partnerships_member(django_user_model):
    user = django_user_model.objects.create_user(
        "partnerships", "partnerships@the-difference.test", "x"
    )
    user.groups.add(Group.objects.get(name="Partnerships"))
    return user


def test_confirmation_to_the_contact_and_a_bare_notification_to_staff(
    post_form, partnerships_member
):
    post_form()

    enquiry = PartnershipEnquiry.objects.get()
    confirmation, notification = mail.outbox
    assert confirmation.to == ["gill.example@example.com"]
    assert enquiry.reference in confirmation.subject
    assert enquiry.reference in confirmation.body
    assert notification.to == ["partnerships@the-difference.test"]
    assert enquiry.reference in notification.subject
    assert f"http://testserver/admin/submissions/partnershipenquiry/inspect/{enquiry.pk}/" in (
        notification.body
    )
    for value in PERSONAL:
        assert value not in notification.subject + notification.body, value
    assert enquiry.confirmation_sent_at is not None
    assert enquiry.notification_sent_at is not None


def test_staff_addresses_from_settings_win_over_the_group(post_form, partnerships_member, settings):
    settings.SUBMISSIONS_PARTNERSHIPS_EMAILS = ["team@the-difference.test"]

    post_form()

    assert mail.outbox[1].to == ["team@the-difference.test"]


def test_nothing_personal_is_logged_during_a_submission(post_form, partnerships_member, caplog):
    caplog.set_level(logging.DEBUG)

    post_form(valid_data(contact_name="Gill Example", anything_else="Private note"))

    logged = "\n".join(
        f"{record.getMessage()} {record.exc_text or ''}" for record in caplog.records
    )
    assert PartnershipEnquiry.objects.get().reference in logged  # the log does say something
    for value in [*PERSONAL, "Private note"]:
        assert value not in logged, value


def test_a_mail_server_failure_never_costs_the_submission(post_form, settings, caplog):
    settings.EMAIL_BACKEND = FAILING

    response = post_form()

    assert response.status_code == 302
    enquiry = PartnershipEnquiry.objects.get()
    assert enquiry.confirmation_sent_at is None
    assert enquiry.email_attempts == 1
    assert enquiry.get_email_status_display() == "Waiting to send (1 failed attempt)"
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "SMTPServerDisconnected" in logged
    for value in PERSONAL:
        assert value not in logged


def test_emails_wait_in_the_database_retry_with_backoff_and_go_out_when_the_server_is_back(
    client, eoi_page, settings, run_worker, django_capture_on_commit_callbacks
):
    """The production path: the durable database backend and `manage.py db_worker`."""
    settings.TASKS = DURABLE
    settings.SUBMISSIONS_PARTNERSHIPS_EMAILS = ["team@the-difference.test"]
    settings.EMAIL_BACKEND = FAILING

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/expression-of-interest/", valid_data())

    assert response.status_code == 302
    enquiry = PartnershipEnquiry.objects.get()
    task = DBTaskResult.objects.get()
    assert task.status == TaskResultStatus.READY
    assert task.args_kwargs["args"] == ["submissions.partnershipenquiry", enquiry.pk, 1]

    # The mail server is down: the attempt fails and the next one is booked a minute later.
    run_worker()
    first, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert first.status == TaskResultStatus.FAILED
    assert first.exception_class_path.endswith("EmailDeliveryFailed")
    assert "SMTPServerDisconnected" in first.traceback
    for value in PERSONAL:
        assert value not in first.traceback + str(first.args_kwargs)
    assert retry.status == TaskResultStatus.READY
    assert retry.args_kwargs["args"][2] == 2
    assert timedelta(seconds=50) < retry.run_after - timezone.now() <= timedelta(minutes=1)
    assert mail.outbox == []

    # Not before its time: a worker run now leaves the retry waiting.
    run_worker()
    retry.refresh_from_db()
    assert retry.status == TaskResultStatus.READY

    # The server is back and the minute has passed: the emails go out, once.
    settings.EMAIL_BACKEND = WORKING
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    retry.refresh_from_db()
    assert retry.status == TaskResultStatus.SUCCESSFUL
    assert [m.to for m in mail.outbox] == [
        ["gill.example@example.com"],
        ["team@the-difference.test"],
    ]
    enquiry.refresh_from_db()
    assert enquiry.confirmation_sent_at and enquiry.notification_sent_at
    assert enquiry.email_attempts == 2


def test_a_retry_sends_only_what_is_still_unsent(settings, run_worker):
    settings.TASKS = DURABLE
    settings.SUBMISSIONS_PARTNERSHIPS_EMAILS = ["team@the-difference.test"]
    enquiry = PartnershipEnquiryFactory(notification_sent_at=None)
    from submissions.service import enqueue_emails

    enqueue_emails(enquiry)
    run_worker()

    assert [m.to for m in mail.outbox] == [["team@the-difference.test"]]


def test_back_off_doubles_and_is_capped():
    delays = [retry_delay(attempt) for attempt in range(1, MAX_ATTEMPTS)]
    assert delays[:4] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert max(delays) <= timedelta(hours=6)
    assert sum(delays, timedelta()) < timedelta(hours=12)  # the sweeper's default wait


def test_spam_sends_nothing_even_if_a_task_runs(post_form):
    post_form(valid_data(website="filled-by-a-bot"))
    enquiry = PartnershipEnquiry.objects.get()
    from submissions.tasks import send_submission_emails

    result = send_submission_emails.enqueue("submissions.partnershipenquiry", enquiry.pk)

    assert result.return_value == {"sent": [], "skipped": "spam"}
    assert mail.outbox == []


def test_sweeper_enqueues_submissions_whose_emails_never_went(settings):
    old = PartnershipEnquiryFactory(
        confirmation_sent_at=None,
        notification_sent_at=None,
        created_at=timezone.now() - timedelta(days=1),
    )
    PartnershipEnquiryFactory(confirmation_sent_at=None, notification_sent_at=None)  # too new
    PartnershipEnquiryFactory(
        is_spam=True, confirmation_sent_at=None, created_at=timezone.now() - timedelta(days=1)
    )
    PartnershipEnquiryFactory(created_at=timezone.now() - timedelta(days=1))  # all sent

    call_command("send_pending_submission_emails", stdout=__import__("io").StringIO())

    assert [m.to for m in mail.outbox] == [[old.email]]
    old.refresh_from_db()
    assert old.confirmation_sent_at is not None
