from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from ops.health import queue_backlog, stuck_tasks, uses_database_queue
from submissions.delivery import deliveries


class Command(BaseCommand):
    help = (
        "Check the task queue and the forms' emails; exit 1 and say what is wrong when tasks "
        "wait longer than --max-wait seconds (the worker is not running), a task has been "
        "running longer than --max-run seconds (its worker died), or a submission's emails "
        "have failed or are overdue. For cron or a monitor: prints nothing personal."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-wait",
            type=int,
            default=settings.HEALTH_QUEUE_MAX_WAIT,
            help="seconds a task may wait past its time (default HEALTH_QUEUE_MAX_WAIT)",
        )
        parser.add_argument(
            "--max-run", type=int, default=900, help="seconds a task may run (default 900)"
        )

    def handle(self, *args, max_wait, max_run, **options):
        try:
            problems, summary = self.find_problems(max_wait, max_run)
        except DatabaseError as error:
            problems, summary = [f"The database is unavailable ({type(error).__name__})."], []
        if problems:
            raise CommandError("\n".join(problems), returncode=1)
        self.stdout.write("OK: " + "; ".join(summary))

    def find_problems(self, max_wait, max_run):
        problems, summary = [], []
        if uses_database_queue():
            backlog = queue_backlog(max_wait)
            if backlog["overdue"]:
                problems.append(
                    f"{backlog['overdue']} task(s) waiting longer than {max_wait} s, the "
                    f"longest {backlog['longest_wait_seconds']} s: is `manage.py db_worker "
                    "--backend durable` running?"
                )
            stuck = stuck_tasks(max_run)
            if stuck:
                problems.append(
                    f"{stuck} task(s) running for longer than {max_run} s: their worker "
                    "probably stopped mid-task. Run `manage.py send_pending_submission_emails "
                    "--older-than 0` to enqueue their emails again."
                )
            summary.append("no task waiting or stuck")
        for delivery in deliveries():
            name = delivery.label
            if delivery.failed:
                references = ", ".join(s.reference for s in delivery.failed_items)
                problems.append(
                    f"{name}: emails of {delivery.failed} gave up after every retry "
                    f"({references}). Fix the mail server, then run "
                    "`manage.py send_pending_submission_emails --older-than 0`."
                )
            if delivery.overdue:
                references = ", ".join(s.reference for s in delivery.overdue_items)
                problems.append(
                    f"{name}: emails of {delivery.overdue} unsent for more than "
                    f"{settings.SUBMISSIONS_EMAIL_OVERDUE_MINUTES} minutes ({references})."
                )
            if delivery.ok:
                summary.append(f"{name}: every email sent or on time")
        return problems, summary
