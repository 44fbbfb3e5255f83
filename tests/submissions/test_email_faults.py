"""When the cache, the mail server or the worker fails: forms still work, and people are told."""

import logging
from datetime import timedelta
from unittest import mock

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from submissions.applications.factories import TeacherApplicationFactory
from submissions.enquiries.factories import PartnershipEnquiryFactory
from submissions.models import PartnershipEnquiry
from submissions.tasks import MAX_ATTEMPTS, EmailDeliveryFailed, send_submission_emails
from tests.ops.test_health import DURABLE, broken_cache

from .conftest import EOI_URL, valid_data

pytestmark = pytest.mark.django_db

PERSONAL = ["Gill Example", "gill.example@example.com", "01632 960 001", "Springwell", "123456"]


def unsent_enquiry(**fields):
    """An enquiry whose emails have not gone yet (factories make them as sent)."""
    return PartnershipEnquiryFactory(confirmation_sent_at=None, notification_sent_at=None, **fields)


def unsent_application(**fields):
    return TeacherApplicationFactory(confirmation_sent_at=None, notification_sent_at=None, **fields)


def run_one_task():
    """`manage.py db_worker` for one task, keeping the test's database connection."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command(
            "db_worker", "--backend", "durable", "--batch", "--no-startup-delay",
            "--no-reload", "--max-tasks", "1", verbosity=0,
        )  # fmt: skip


# --- the cache is down ------------------------------------------------------------------------


def test_with_the_cache_down_the_form_works_and_the_rate_limit_lets_posts_through(
    client, post_form, settings, caplog
):
    settings.CACHES = broken_cache()
    settings.SUBMISSIONS_RATE_LIMITS = {**settings.SUBMISSIONS_RATE_LIMITS, "enquiry": "1/600"}
    assert client.get(EOI_URL).status_code == 200
    with caplog.at_level(logging.WARNING, logger="submissions.protection"):
        assert post_form(valid_data()).status_code == 302
        assert post_form(valid_data()).status_code == 302  # over the limit, let through
    assert PartnershipEnquiry.objects.count() == 2
    assert "Rate limit not applied" in caplog.text


def test_with_the_cache_down_staff_can_still_sign_in(client, home_page, settings, admin_user):
    settings.CACHES = broken_cache()
    assert client.get("/admin/login/").status_code == 200
    response = client.post("/admin/login/", {"username": "admin", "password": "password"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_sessions_live_in_the_database_not_the_cache(settings):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


# --- the email task carries the request id -----------------------------------------------------


def test_the_email_task_logs_with_the_id_of_the_request_that_enqueued_it(
    client, eoi_page, django_capture_on_commit_callbacks, settings, log_lines
):
    settings.TASKS = DURABLE
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(EOI_URL, valid_data())
    request_id = response["X-Request-ID"]
    task = DBTaskResult.objects.get()
    assert task.args_kwargs["kwargs"] == {"request_id": request_id}

    settings.EMAIL_BACKEND = "tests.submissions.failing_mail.FailingEmailBackend"
    run_one_task()

    warnings = [line for line in log_lines() if "not sent (attempt 1" in line]
    assert warnings and f"[{request_id}]" in warnings[0]
    retry = DBTaskResult.objects.exclude(pk=task.pk).get()
    assert retry.args_kwargs["kwargs"] == {"request_id": request_id}


# --- giving up alerts the admins ---------------------------------------------------------------


def test_an_email_task_that_gives_up_emails_the_admins_without_personal_data(settings):
    settings.ADMINS = [("Site team", "ops@the-difference.test")]
    settings.EMAIL_BACKEND = "tests.submissions.failing_mail.RefusingExceptAdminsBackend"
    enquiry = unsent_enquiry(
        contact_name="Gill Example", email="gill.example@example.com", school_name="Springwell"
    )

    with pytest.raises(EmailDeliveryFailed):
        send_submission_emails.call(
            enquiry._meta.label_lower, enquiry.pk, MAX_ATTEMPTS, request_id="req-42"
        )

    (alert,) = mail.outbox
    assert alert.to == ["ops@the-difference.test"]
    assert f"Gave up sending the emails of {enquiry.reference}" in alert.subject
    assert "SMTPRecipientsRefused" in alert.body
    assert "Request id: req-42" in alert.body
    for value in PERSONAL:
        assert value not in alert.subject + alert.body


def test_alert_emails_are_throttled_to_one_per_message(settings):
    settings.ADMINS = [("Site team", "ops@the-difference.test")]
    settings.EMAIL_BACKEND = "tests.submissions.failing_mail.RefusingExceptAdminsBackend"
    for enquiry in [unsent_enquiry() for _ in range(3)]:
        with pytest.raises(EmailDeliveryFailed):
            send_submission_emails.call(enquiry._meta.label_lower, enquiry.pk, MAX_ATTEMPTS)
    assert len(mail.outbox) == 1


# --- check_queue -------------------------------------------------------------------------------


def check_queue(*args):
    try:
        call_command("check_queue", *args, stdout=(out := __import__("io").StringIO()))
    except CommandError as error:
        return error.returncode, str(error)
    return 0, out.getvalue()


def age(submission, minutes):
    type(submission).objects.filter(pk=submission.pk).update(
        created_at=timezone.now() - timedelta(minutes=minutes)
    )


def test_check_queue_is_quiet_when_every_email_is_sent_or_on_time(settings):
    settings.TASKS = DURABLE
    sent = PartnershipEnquiryFactory()
    age(sent, 600)
    unsent_enquiry()  # just sent, still on time
    age(unsent_enquiry(is_spam=True), 600)  # spam is never emailed
    code, output = check_queue()
    assert code == 0
    assert output.startswith("OK:")


def test_check_queue_fails_on_overdue_and_failed_emails_naming_references_only(settings):
    settings.SUBMISSIONS_EMAIL_OVERDUE_MINUTES = 30
    overdue = unsent_enquiry(email="gill.example@example.com")
    age(overdue, 45)
    failed = unsent_application(email_attempts=MAX_ATTEMPTS)
    code, output = check_queue()
    assert code == 1
    assert f"emails of 1 unsent for more than 30 minutes ({overdue.reference})" in output
    assert f"emails of 1 gave up after every retry ({failed.reference})" in output
    assert "gill.example" not in output


def test_check_queue_fails_when_the_worker_is_not_running(settings):
    settings.TASKS = DURABLE
    enquiry = unsent_enquiry()
    send_submission_emails.enqueue(enquiry._meta.label_lower, enquiry.pk)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=20))
    code, output = check_queue("--max-wait", "600")
    assert code == 1
    assert "1 task(s) waiting longer than 600 s" in output
    assert "db_worker --backend durable" in output

    # A worker killed mid-task leaves it "running" for ever.
    DBTaskResult.objects.update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(hours=1)
    )
    code, output = check_queue()
    assert code == 1
    assert "1 task(s) running for longer than 900 s" in output


# --- the dashboard -----------------------------------------------------------------------------


@pytest.fixture
def partnerships_client(client, django_user_model):
    user = django_user_model.objects.create_user("partnerships", "p@the-difference.test", "x")
    user.groups.add(Group.objects.get(name="Partnerships"))
    client.force_login(user)
    return client


def test_the_dashboard_shows_failed_and_overdue_emails_to_the_team_that_owns_them(
    partnerships_client, settings
):
    failed = unsent_enquiry(email_attempts=MAX_ATTEMPTS)
    overdue = unsent_enquiry()
    age(overdue, 120)
    on_time = unsent_enquiry()
    application = unsent_application(email_attempts=MAX_ATTEMPTS)

    html = partnerships_client.get("/admin/").content.decode()

    assert "Emails not sent" in html
    assert "1 failed" in html and failed.reference in html
    assert "1 waiting" in html and overdue.reference in html
    assert f"/admin/submissions/partnershipenquiry/inspect/{failed.pk}/" in html
    assert on_time.reference not in html
    assert application.reference not in html  # the Recruitment team's, not theirs


def test_no_panel_when_every_email_went(partnerships_client):
    age(PartnershipEnquiryFactory(), 120)
    assert "Emails not sent" not in partnerships_client.get("/admin/").content.decode()


def test_the_save_and_return_email_task_carries_the_request_id(started, cohort, settings):
    from .test_application_resume import save_and_return

    settings.TASKS = DURABLE
    response = save_and_return(started, cohort)
    task = DBTaskResult.objects.get(task_path="submissions.applications.resume.send_resume_link")
    assert task.args_kwargs["kwargs"] == {"request_id": response["X-Request-ID"]}
