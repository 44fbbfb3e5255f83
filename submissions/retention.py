"""Retention: every submission model's records are deleted once older than its retention
period (`submission_models()`), and every run is written to the audit log."""

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from .audit import log_register
from .base import submission_models

logger = logging.getLogger(__name__)


@dataclass
class Outcome:
    """What a purge found (or deleted): references per model label."""

    references: dict[str, list[str]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(len(refs) for refs in self.references.values())


def purge_expired(*, dry_run: bool = False, now=None) -> Outcome:
    """Delete every submission older than its model's retention period. A real run (not a dry
    run) leaves one audit entry per model, with the count, even when nothing was due."""
    now = now or timezone.now()
    outcome = Outcome()
    for model in submission_models():
        expired = model.expired(now)
        references = list(expired.order_by("created_at").values_list("reference", flat=True))
        if references:
            outcome.references[model._meta.label] = references
        if not dry_run:
            with transaction.atomic():
                model.objects.filter(reference__in=references).delete()
                log_purge(model, len(references), model.retention_period().days)
        logger.info(
            "%s %d expired %s (kept %d days)",
            "Would purge" if dry_run else "Purged",
            len(references),
            model._meta.verbose_name_plural,
            model.retention_period().days,
        )
    return outcome


def log_purge(model, count: int, kept_days: int | None = None) -> None:
    """The audit entry of one retention purge run over one model (no user: the scheduler)."""
    data = {"count": count}
    if kept_days is not None:
        data["kept_days"] = kept_days
    log_register(model, "submissions.purge", None, data)
