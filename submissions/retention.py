"""Retention and erasure across every submission model, and the other models that hold an
email address for one (see submissions.base: `submission_models()`, `personal_data_models()`)."""

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.log_actions import log

from .base import personal_data_models, submission_models

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


def _holding(model, email: str):
    """The rows of a model holding this address in any of its email fields."""
    query = Q()
    for name in model.email_fields:
        query |= Q(**{f"{name}__iexact": email.strip()})
    return model.objects.filter(query)


def find_by_email(email: str, models=None) -> dict:
    """Submissions holding this email address in any of their email fields, per model."""
    found = {}
    for model in models or submission_models():
        matches = list(_holding(model, email).order_by("created_at"))
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


def _unsubmitted_models(owners) -> list:
    """The personal-data models (drafts, requests...) owned by these submission models."""
    labels = {model._meta.label for model in owners}
    return [model for model in personal_data_models() if model.personal_data_owner in labels]


def unsubmitted_counts(email: str, owners) -> dict[str, int]:
    """What else is held about an address for these submission models' staff: rows without a
    reference, such as unfinished applications and requests to be told when applications open.
    """
    counts = {
        model.personal_data_label: _holding(model, email).count()
        for model in _unsubmitted_models(owners)
    }
    return {label: n for label, n in counts.items() if n}


def erase_unsubmitted(email: str, owners) -> int:
    removed = 0
    for model in _unsubmitted_models(owners):
        deleted, _ = _holding(model, email).delete()
        if deleted:
            logger.info("Erased %d %s on request", deleted, model._meta.verbose_name_plural)
        removed += deleted
    return removed
