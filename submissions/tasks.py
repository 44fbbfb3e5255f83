"""Background email for submissions, on the durable (database) task backend.

One task per submission sends what has not been sent yet: the confirmation to the person who
filled the form, then the notification to staff (reference and admin link only). Each sent email
is recorded on the row, so a retry never sends one twice. When the mail server fails, the task
records the attempt, enqueues itself again with a growing delay (1, 2, 4... minutes, at most 6
hours apart, MAX_ATTEMPTS in all), and fails with a message that names the error class only:
task results and logs never hold an address or a name.
"""

import logging
import smtplib
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import F
from django.utils import timezone

from django_tasks import task

from ops.request_id import carries_request_id, get_request_id

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
LONGEST_DELAY = timedelta(hours=6)
# What a mail server being down or refusing looks like.
DELIVERY_ERRORS = (smtplib.SMTPException, OSError)


class EmailDeliveryFailed(Exception):
    """An attempt failed; the message says which and what happens next, with nothing personal."""


def retry_delay(attempt: int) -> timedelta:
    first = timedelta(seconds=getattr(settings, "SUBMISSIONS_EMAIL_FIRST_RETRY", 60))
    return min(first * 2 ** (attempt - 1), LONGEST_DELAY)


@task(backend="durable")
@carries_request_id
def send_submission_emails(model_label: str, pk: int, attempt: int = 1) -> dict:
    model = apps.get_model(model_label)
    submission = model.objects.filter(pk=pk).first()
    if submission is None or submission.is_spam:
        return {"sent": [], "skipped": "gone" if submission is None else "spam"}

    model.objects.filter(pk=pk).update(email_attempts=F("email_attempts") + 1)
    sent = []
    try:
        connection = get_connection()
        if submission.confirmation_sent_at is None:
            _send(submission, "confirmation", submission.confirmation_recipients(), connection)
            model.objects.filter(pk=pk).update(confirmation_sent_at=timezone.now())
            sent.append("confirmation")
        if submission.notification_sent_at is None:
            recipients = submission.staff_recipients()
            if recipients:
                _send(submission, "notification", recipients, connection)
            model.objects.filter(pk=pk).update(notification_sent_at=timezone.now())
            sent.append("notification")
    except DELIVERY_ERRORS as error:
        problem = type(error).__name__
        if attempt >= MAX_ATTEMPTS:
            logger.error(
                "Gave up sending the emails of %s after %d attempts (%s); "
                "`manage.py send_pending_submission_emails` tries again.",
                submission.reference,
                attempt,
                problem,
            )
            raise EmailDeliveryFailed(f"attempt {attempt}: {problem}; giving up") from None
        when = _schedule_retry(submission, attempt + 1)
        logger.warning(
            "Emails of %s not sent (attempt %d, %s); %s",
            submission.reference,
            attempt,
            problem,
            f"retrying at {when:%Y-%m-%d %H:%M:%S %Z}" if when else "not retried automatically",
        )
        raise EmailDeliveryFailed(
            f"attempt {attempt}: {problem}; "
            + (f"attempt {attempt + 1} at {when.isoformat()}" if when else "no retry scheduled")
        ) from None
    return {"sent": sent}


def _send(submission, kind: str, recipients: list[str], connection) -> None:
    subject, body = submission.render_email(kind)
    EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        connection=connection,
    ).send()


def _schedule_retry(submission, attempt: int):
    """Enqueue the next attempt to run after the back-off; None if the backend cannot defer."""
    backend = send_submission_emails.get_backend()
    if not backend.supports_defer:
        return None
    when = timezone.now() + retry_delay(attempt - 1)
    send_submission_emails.using(run_after=when).enqueue(
        submission._meta.label_lower, submission.pk, attempt, request_id=get_request_id()
    )
    return when
