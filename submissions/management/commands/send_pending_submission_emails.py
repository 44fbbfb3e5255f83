from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from submissions.base import submission_models
from submissions.service import enqueue_emails


class Command(BaseCommand):
    help = (
        "Enqueue the emails of submissions that still have some unsent: those whose task was "
        "never enqueued (the process stopped between saving and enqueueing) or that gave up "
        "after every retry. Run it daily; it skips submissions younger than --older-than "
        "minutes (longer than the 8.5 hours the automatic retries take)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=720, help="minutes (default 720)")

    def handle(self, *args, older_than=720, **options):
        cutoff = timezone.now() - timedelta(minutes=older_than)
        total = 0
        for model in submission_models():
            pending = model.objects.filter(
                Q(confirmation_sent_at__isnull=True) | Q(notification_sent_at__isnull=True),
                is_spam=False,
                created_at__lt=cutoff,
            )
            for submission in pending.only("pk", "reference"):
                total += enqueue_emails(submission)
        self.stdout.write(f"Enqueued the emails of {total} submission{'s' if total != 1 else ''}.")
