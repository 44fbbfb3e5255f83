"""Retention and erasure across every submission model (see submissions.base)."""

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from .base import submission_models

logger = logging.getLogger(__name__)


@dataclass
class Outcome:
    """What a purge or an erasure found (or deleted): references per model label."""

    references: dict[str, list[str]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(len(refs) for refs in self.references.values())


def purge_expired(*, dry_run: bool = False, now=None) -> Outcome:
    """Delete every submission older than its model's retention period."""
    now = now or timezone.now()
    outcome = Outcome()
    for model in submission_models():
        expired = model.expired(now)
        references = list(expired.order_by("created_at").values_list("reference", flat=True))
        if not references:
            continue
        outcome.references[model._meta.label] = references
        if not dry_run:
            with transaction.atomic():
                model.objects.filter(reference__in=references).delete()
        logger.info(
            "%s %d expired %s (kept %d days)",
            "Would purge" if dry_run else "Purged",
            len(references),
            model._meta.verbose_name_plural,
            model.retention_period().days,
        )
    return outcome


def find_by_email(email: str, models=None) -> dict:
    """Submissions holding this email address in any of their email fields, per model."""
    from django.db.models import Q

    found = {}
    address = email.strip()
    for model in models or submission_models():
        query = Q()
        for name in model.email_fields:
            query |= Q(**{f"{name}__iexact": address})
        matches = list(model.objects.filter(query).order_by("created_at"))
        if matches:
            found[model] = matches
    return found


def erase(found: dict, user) -> Outcome:
    """Delete the submissions found, leaving an audit entry (reference only) for each."""
    outcome = Outcome()
    with transaction.atomic():
        for model, submissions in found.items():
            for submission in submissions:
                log(instance=submission, action="submissions.erase", user=user)
            model.objects.filter(pk__in=[s.pk for s in submissions]).delete()
            outcome.references[model._meta.label] = [s.reference for s in submissions]
    logger.info("Erased %d submissions on request", outcome.total)
    return outcome


def unsubmitted_counts(email: str) -> dict[str, int]:
    """What is held about an address outside submissions: unfinished applications and
    requests to be told when applications open (neither has a reference)."""
    from .models import ApplicationDraft, OpeningNotification

    address = email.strip()
    counts = {
        "unfinished applications": ApplicationDraft.objects.filter(email__iexact=address).count(),
        "requests to be emailed when applications open": OpeningNotification.objects.filter(
            email__iexact=address
        ).count(),
    }
    return {label: n for label, n in counts.items() if n}


def erase_unsubmitted(email: str) -> int:
    from .models import ApplicationDraft, OpeningNotification

    address = email.strip()
    drafts, _ = ApplicationDraft.objects.filter(email__iexact=address).delete()
    requests, _ = OpeningNotification.objects.filter(email__iexact=address).delete()
    if drafts or requests:
        logger.info("Erased %d drafts and %d opening requests on request", drafts, requests)
    return drafts + requests
