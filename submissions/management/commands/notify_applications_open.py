from django.conf import settings
from django.core.mail import EmailMessage
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.utils import timezone

from submissions.applications.models import Cohort, OpeningNotification
from submissions.applications.page import ApplicationPage
from submissions.tasks import DELIVERY_ERRORS


class Command(BaseCommand):
    help = (
        "Email everyone who asked to be told when applications open, once, while a cohort's "
        "window is open. Safe to run again (each request is emailed once); run it daily."
    )

    def handle(self, *args, **options):
        cohort = Cohort.objects.open().first()
        if cohort is None:
            self.stdout.write("No application window is open: nothing sent.")
            return
        page = ApplicationPage.objects.live().first()
        apply_url = page.full_url if page else ""
        waiting = OpeningNotification.objects.filter(notified_at__isnull=True).filter(
            cohort__in=[cohort]
        ) | OpeningNotification.objects.filter(notified_at__isnull=True, cohort__isnull=True)
        sent = failed = 0
        context = {"cohort": cohort, "apply_url": apply_url}
        subject = " ".join(
            render_to_string("submissions/email/applications_open_subject.txt", context).split()
        )
        body = render_to_string("submissions/email/applications_open.txt", context)
        seen = set()
        for request in waiting.order_by("consent_given_at"):
            if request.email in seen:  # asked twice: one email, one request kept
                request.delete()
                continue
            seen.add(request.email)
            try:
                EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [request.email]).send()
            except DELIVERY_ERRORS as error:
                failed += 1
                self.stderr.write(f"Not sent ({type(error).__name__}); will retry next run")
                continue
            # Now tied to this window, so it is deleted once the window closes.
            OpeningNotification.objects.filter(email=request.email, cohort=cohort).exclude(
                pk=request.pk
            ).delete()
            OpeningNotification.objects.filter(pk=request.pk).update(
                notified_at=timezone.now(), cohort=cohort
            )
            sent += 1
        self.stdout.write(f"Sent {sent} 'applications are open' emails for {cohort}")
        if failed:
            self.stdout.write(f"{failed} could not be sent")
