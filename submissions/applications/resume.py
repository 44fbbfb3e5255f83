"""Save and return: a signed, expiring link to carry on with an application on any device.

The link holds the draft's random id, signed with the site's key and a timestamp
(`signing.dumps`); it stops working after `ApplicationDraft.lifetime()` (the same time after
which the draft itself is purged). The email is sent by a task on the durable backend, which
makes the token itself, so the task queue never stores a working link, and retries on a mail
error like the submission emails.
"""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone

from django_tasks import task

from ops.request_id import carries_request_id, get_request_id
from submissions.tasks import DELIVERY_ERRORS, MAX_ATTEMPTS, EmailDeliveryFailed, retry_delay

from .models import ApplicationDraft

logger = logging.getLogger(__name__)
SALT = "submissions.application-resume"


def make_token(draft: ApplicationDraft) -> str:
    return signing.dumps(str(draft.pk), salt=SALT, compress=False)


def read_token(token: str) -> str | None:
    """The draft id in a link, or None if it was tampered with or has expired."""
    try:
        return signing.loads(token, salt=SALT, max_age=ApplicationDraft.lifetime().total_seconds())
    except signing.BadSignature:  # includes SignatureExpired
        return None


def enqueue_resume_email(draft: ApplicationDraft, page_url: str) -> bool:
    try:
        send_resume_link.enqueue(str(draft.pk), page_url, 1, request_id=get_request_id())
    except Exception:
        logger.exception("Could not enqueue the resume link of a draft")
        return False
    return True


@task(backend="durable")
@carries_request_id
def send_resume_link(draft_id: str, page_url: str, attempt: int = 1) -> dict:
    draft = ApplicationDraft.objects.filter(pk=draft_id).select_related("cohort").first()
    if draft is None or not draft.email:
        return {"sent": False}
    context = {
        "draft": draft,
        "resume_url": f"{page_url.rstrip('/')}/resume/?{urlencode({'token': make_token(draft)})}",
        "expires_at": timezone.localtime(draft.expires_at),
    }
    subject = " ".join(
        render_to_string("submissions/email/application_resume_subject.txt", context).split()
    )
    body = render_to_string("submissions/email/application_resume.txt", context)
    try:
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [draft.email]).send()
    except DELIVERY_ERRORS as error:
        if attempt < MAX_ATTEMPTS:
            backend = send_resume_link.get_backend()
            if backend.supports_defer:
                send_resume_link.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
                    draft_id, page_url, attempt + 1, request_id=get_request_id()
                )
        raise EmailDeliveryFailed(
            f"Resume link not sent (attempt {attempt}): {type(error).__name__}"
        ) from None
    return {"sent": True}
