"""Which submissions' emails are late or have failed: for `manage.py check_queue` and the
admin dashboard.

- **Failed:** the email task gave up (`MAX_ATTEMPTS` attempts) and something is still unsent.
  `manage.py send_pending_submission_emails` tries again; staff may want to reply by hand.
- **Overdue:** still unsent `SUBMISSIONS_EMAIL_OVERDUE_MINUTES` after the form was sent, and
  not given up: the mail server has been refusing, or the worker is not running.

Spam is never emailed, so it is never late. Only references leave this module, never a name or
an address.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .base import BaseSubmission, submission_models
from .tasks import MAX_ATTEMPTS

SHOWN = 10  # references listed per model and kind


@dataclass
class Delivery:
    model: type[BaseSubmission]
    failed: int = 0
    overdue: int = 0
    failed_items: list[BaseSubmission] = field(default_factory=list)
    overdue_items: list[BaseSubmission] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name_plural)

    @property
    def ok(self) -> bool:
        return not (self.failed or self.overdue)


def overdue_after() -> timedelta:
    return timedelta(minutes=settings.SUBMISSIONS_EMAIL_OVERDUE_MINUTES)


def unsent(model):
    return model.objects.filter(
        Q(confirmation_sent_at__isnull=True) | Q(notification_sent_at__isnull=True),
        is_spam=False,
    )


def delivery(model, now=None) -> Delivery:
    cutoff = (now or timezone.now()) - overdue_after()
    failed = unsent(model).filter(email_attempts__gte=MAX_ATTEMPTS)
    overdue = unsent(model).filter(email_attempts__lt=MAX_ATTEMPTS, created_at__lt=cutoff)
    columns = ("pk", "reference", "created_at", "email_attempts")
    result = Delivery(model)
    result.failed_items = list(failed.only(*columns).order_by("created_at")[:SHOWN])
    result.overdue_items = list(overdue.only(*columns).order_by("created_at")[:SHOWN])
    # Counted only past the first page: most of the time there are none, and no COUNT runs.
    result.failed = _count(failed, result.failed_items)
    result.overdue = _count(overdue, result.overdue_items)
    return result


def _count(queryset, first) -> int:
    return len(first) if len(first) < SHOWN else queryset.count()


def deliveries(models=None, now=None) -> list[Delivery]:
    return [delivery(model, now) for model in (models or submission_models())]
