"""Submitting a form: store it first, then send its emails in the background.

`submit()` is the one way a public form becomes a record. The row is committed before anything
else happens; the email task is enqueued only once the transaction has committed, so a worker
never looks for a row that is not there yet, and a failure to enqueue (or to send) never costs
a submission. Anything not enqueued is picked up by `manage.py send_pending_submission_emails`.
"""

import logging

from django.db import IntegrityError, transaction

from ops.request_id import get_request_id

from . import tasks
from .base import BaseSubmission
from .references import generate_reference

logger = logging.getLogger(__name__)
REFERENCE_ATTEMPTS = 8


def submit(form, *, token: str, spam_reasons: list[str] | tuple = ()) -> BaseSubmission:
    """Save a valid ModelForm's instance once per form token; the existing record on a repeat.

    Only the fields the form declares are taken from the post: status, flags and staff fields
    keep their defaults whatever the post contains.
    """
    model = form._meta.model
    existing = find_submitted(model, token)
    if existing is not None:
        return existing

    for _ in range(REFERENCE_ATTEMPTS):
        instance = form.save(commit=False)
        instance.pk = None
        instance.form_token = token
        instance.is_spam = bool(spam_reasons)
        instance.reference = generate_reference(model.reference_prefix)
        try:
            with transaction.atomic():
                instance.save()
                form.save_m2m()
                if not instance.is_spam:
                    request_id = get_request_id()  # on_commit may run after the request
                    transaction.on_commit(
                        lambda i=instance, r=request_id: enqueue_emails(i, request_id=r),
                        robust=True,
                    )
        except IntegrityError:
            # Either the same form was posted twice at once (the token is taken: show that
            # record), or the reference was drawn before (draw another).
            existing = find_submitted(model, token)
            if existing is not None:
                return existing
            continue
        logger.info(
            "Stored %s %s%s",
            model._meta.label,
            instance.reference,
            f" flagged as spam ({', '.join(spam_reasons)})" if spam_reasons else "",
        )
        return instance
    raise RuntimeError(
        f"No free {model.reference_prefix} reference after {REFERENCE_ATTEMPTS} draws"
    )


def find_submitted(model, token: str) -> BaseSubmission | None:
    """The record a form token already made, if any: a repeat of a post shows that record.

    Forms look here before anything else, the rate limits included, so a post sent twice (a
    double click, a reload) always reaches the confirmation of what the first one stored.
    """
    return model.objects.filter(form_token=token).first() if token else None


def enqueue_emails(
    instance: BaseSubmission, attempt: int = 1, request_id: str | None = None
) -> bool:
    """Put the email task on the durable queue. False (and a log line) if that failed.

    The task logs with `request_id` (by default the current request's), so its lines can be
    matched with those of the request that stored the submission.
    """
    try:
        tasks.send_submission_emails.enqueue(
            instance._meta.label_lower,
            instance.pk,
            attempt,
            request_id=request_id or get_request_id(),
        )
    except Exception:
        # The submission is safe; the sweeper command will enqueue it later.
        logger.exception("Could not enqueue the emails of %s", instance.reference)
        return False
    return True
