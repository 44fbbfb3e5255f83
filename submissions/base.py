"""What every stored form submission shares: the abstract model both forms build on.

A concrete submission model (PartnershipEnquiry here; the teacher application later) subclasses
`BaseSubmission`, sets `reference_prefix`, `email_fields` and its own `status` choices, and
gets: an opaque unique reference, timestamps, the spam flag, the form token that makes a double
submit idempotent, the email delivery record, and its place in retention and erasure
(`submission_models()` finds every concrete subclass).
"""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone


class BaseSubmission(models.Model):
    reference = models.CharField(max_length=20, unique=True, editable=False)
    # Random per rendering of the form: a second post of the same form finds the first record.
    form_token = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(max_length=32, default="new", db_index=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    is_spam = models.BooleanField(
        "spam suspected",
        default=False,
        db_index=True,
        help_text="Set by the form's protections. No email is sent for a suspected spam post.",
    )
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    notification_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    email_attempts = models.PositiveSmallIntegerField(default=0, editable=False)

    # Subclasses set these.
    reference_prefix = "SUB"
    email_fields: tuple[str, ...] = ("email",)  # searched by the erase-by-email action
    retention_setting = "SUBMISSIONS_RETENTION_DAYS"
    # Templates: submissions/email/<model_name>_confirmation.txt and _notification.txt.

    class Meta:
        abstract = True
        ordering = ["-created_at"]
        permissions = [("erase_personal_data", "Can find and erase personal data by email")]

    def __str__(self):
        # Only the reference: this string is copied into audit log entries and page titles,
        # which must hold nothing personal.
        return self.reference

    def get_is_spam_display(self) -> str:
        return "Yes" if self.is_spam else "No"

    # --- retention ---------------------------------------------------------------------

    @classmethod
    def retention_period(cls) -> timedelta:
        return timedelta(days=getattr(settings, cls.retention_setting))

    @classmethod
    def expired(cls, now=None):
        return cls.objects.filter(created_at__lt=(now or timezone.now()) - cls.retention_period())

    @property
    def expires_at(self):
        return self.created_at + self.retention_period()

    # --- emails ------------------------------------------------------------------------

    @property
    def emails_pending(self) -> bool:
        return not self.is_spam and (
            self.confirmation_sent_at is None or self.notification_sent_at is None
        )

    def email_context(self) -> dict:
        return {"submission": self, "admin_url": self.get_admin_url()}

    def confirmation_recipients(self) -> list[str]:
        return [getattr(self, self.email_fields[0])]

    def staff_recipients(self) -> list[str]:
        return []

    def render_email(self, kind: str) -> tuple[str, str]:
        """(subject, body) of the 'confirmation' or 'notification' email."""
        name = self._meta.model_name
        context = self.email_context()
        subject = render_to_string(f"submissions/email/{name}_{kind}_subject.txt", context)
        body = render_to_string(f"submissions/email/{name}_{kind}.txt", context)
        return " ".join(subject.split()), body

    def get_admin_url(self) -> str:
        from wagtail_modeladmin.helpers import AdminURLHelper

        path = AdminURLHelper(type(self)).get_action_url("inspect", self.pk)
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def submission_models() -> list[type[BaseSubmission]]:
    """Every concrete submission model of the project: retention and erasure cover them all."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, BaseSubmission) and not model._meta.abstract
    ]
