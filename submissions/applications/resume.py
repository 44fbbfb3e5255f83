"""Save and return: a signed, single-use, expiring link to carry on with an application.

A link holds the draft's random id and its *link generation*, signed with the site's key and a
timestamp (`signing.dumps`). The generation moves on each time a link is sent and each time one
is used, so only the newest link works, and only once; a link also stops working after
`ApplicationDraft.lifetime()` (when the draft itself is purged).

Opening a link (`flow.resume`) shows nothing of the application: the link lands, is kept in
that browser's session and replaced in the address bar by a clean URL; the applicant then types
the email address the link was sent to, and only then is the link spent and the draft opened in
that browser. Mail scanners that fetch every link in an email spend nothing and see nothing, and
a link read from an access log is useless: it needs the email address as well, and is dead once
used or replaced.

The email is sent by a task on the durable backend, which makes the token itself, so the task
queue never stores a working link, and retries on a mail error like the submission emails.
Sending is limited: one link per draft per APPLICATION_RESUME_LINK_INTERVAL seconds, and the
"resume-link" rate limits per email address and per client address.
"""

import logging
from enum import StrEnum
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from django_tasks import task

from ops.request_id import carries_request_id, get_request_id
from submissions.protection import check_email_rate_limit, check_rate_limit
from submissions.tasks import DELIVERY_ERRORS, MAX_ATTEMPTS, EmailDeliveryFailed, retry_delay

from .models import ApplicationDraft

logger = logging.getLogger(__name__)
SALT = "submissions.application-resume"


class LinkSent(StrEnum):
    """What happened when an applicant asked for a link."""

    SENT = "sent"  # a fresh link is on its way; older ones no longer work
    RECENT = "recent"  # one went to this draft a few minutes ago, and still works
    LIMITED = "limited"  # the address has had as many as it may have for now


def make_token(draft: ApplicationDraft) -> str:
    return signing.dumps(
        {"draft": str(draft.pk), "generation": draft.link_generation}, salt=SALT, compress=False
    )


def read_token(token: str) -> tuple[str, int] | None:
    """(draft id, generation) from a link, or None if it was tampered with or has expired."""
    try:
        data = signing.loads(token, salt=SALT, max_age=ApplicationDraft.lifetime().total_seconds())
        return str(data["draft"]), int(data["generation"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):  # includes SignatureExpired
        return None


def draft_for_token(token: str, drafts) -> ApplicationDraft | None:
    """The unfinished application a link opens: None if the link is bad, expired, or spent."""
    link = read_token(token[:300]) if token else None
    if link is None:
        return None
    draft_id, generation = link
    return drafts.filter(pk=draft_id, link_generation=generation).first()


def spend(draft: ApplicationDraft) -> bool:
    """Use the link `draft` was opened with: True once, False if it was used (or replaced)."""
    return bool(
        ApplicationDraft.objects.filter(pk=draft.pk, link_generation=draft.link_generation).update(
            link_generation=F("link_generation") + 1, link_sent_at=None
        )
    )


def send_link(request, draft: ApplicationDraft, page_url: str) -> LinkSent:
    """Email a fresh link to the draft's address, if the limits allow it."""
    now = timezone.now()
    interval = settings.APPLICATION_RESUME_LINK_INTERVAL
    if draft.link_sent_at and (now - draft.link_sent_at).total_seconds() < interval:
        return LinkSent.RECENT
    if draft.spam_reasons:
        # Answered as if sent, so an automated post learns nothing; nothing is sent.
        return LinkSent.SENT
    if (
        check_email_rate_limit("resume-link-email", draft.email) is not None
        or check_rate_limit(request, "resume-link") is not None
    ):
        logger.warning("Save-and-return link not sent: rate limit reached")
        return LinkSent.LIMITED
    ApplicationDraft.objects.filter(pk=draft.pk).update(
        link_generation=F("link_generation") + 1, link_sent_at=now
    )
    draft.refresh_from_db(fields=["link_generation", "link_sent_at"])
    try:
        send_resume_link.enqueue(str(draft.pk), page_url, 1, request_id=get_request_id())
    except Exception:
        logger.exception("Could not enqueue the resume link of a draft")
    return LinkSent.SENT


@task(backend="durable")
@carries_request_id
def send_resume_link(draft_id: str, page_url: str, attempt: int = 1) -> dict:
    draft = ApplicationDraft.objects.filter(pk=draft_id).select_related("cohort").first()
    if draft is None or not draft.email or draft.link_sent_at is None:
        return {"sent": False}  # gone, or its link was used before this ran
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
