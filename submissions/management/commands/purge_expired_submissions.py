from django.conf import settings
from django.core.management.base import BaseCommand

from submissions.applications.models import (
    purge_expired_drafts,
    purge_opening_notifications,
    summarise_and_purge_monitoring,
)
from submissions.base import submission_models
from submissions.retention import purge_expired


class Command(BaseCommand):
    help = (
        "Delete form submissions older than their retention period "
        "(SUBMISSIONS_RETENTION_DAYS, APPLICATIONS_RETENTION_DAYS), for every submission "
        "model; expired drafts and requests; equal-opportunities answers past "
        "MONITORING_RETENTION_DAYS (their counts kept). Each run is audited. Safe to run "
        "again; run it daily from cron or the scheduler."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        outcome = purge_expired(dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        for model in submission_models():
            references = outcome.references.get(model._meta.label, [])
            self.stdout.write(
                f"{verb} {len(references)} {model._meta.verbose_name_plural} older than "
                f"{model.retention_period().days} days"
                + (f": {', '.join(references)}" if references and options["verbosity"] > 1 else "")
            )
        if not dry_run:
            notifications = purge_opening_notifications()
            self.stdout.write(
                f"Deleted {notifications} 'tell me when applications open' requests "
                "whose window has closed"
            )
            drafts = purge_expired_drafts()
            self.stdout.write(f"Deleted {drafts} unfinished applications past their expiry")
            monitoring = summarise_and_purge_monitoring()
            self.stdout.write(
                f"Deleted {monitoring} equal-opportunities responses of cohorts closed more "
                f"than {settings.MONITORING_RETENTION_DAYS} days ago (their counts are kept)"
            )
        if not dry_run and outcome.total:
            self.stdout.write(self.style.SUCCESS(f"Purged {outcome.total} in all."))
