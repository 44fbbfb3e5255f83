"""What every stored form submission shares: the abstract model both forms build on.

A concrete submission model (`PartnershipEnquiry`, `TeacherApplication`) subclasses
`BaseSubmission`, sets `reference_prefix`, `email_fields`, `staff_group` and its own `status`
choices, and gets: an opaque unique reference, timestamps, the spam flag, the form token that
makes a double submit idempotent, the email delivery record, the staff's own fields (assignee
and notes), and its place in retention and erasure (`submission_models()` finds every concrete
subclass). Other models that hold someone's email address without being a submission (an
unfinished application, a "tell me when it opens" request) declare `email_fields` and the
submission model whose staff own them, `personal_data_owner`, and `personal_data_models()`
finds them, so erasure and subject access cover them without the shared machinery knowing any
form.
"""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse
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

    # Staff only: never set from a public form (the forms do not declare them). The register's
    # edit view offers as assignees only the active members of `staff_group` and superusers.
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The member of staff following this up.",
    )
    internal_notes = models.TextField(
        blank=True, help_text="For staff only: never shown to the person who sent it."
    )

    # Subclasses set these.
    reference_prefix = "SUB"
    # Every field holding an email address, the person's own first (their confirmation goes
    # there). Erasure and subject access find an address in any of them (submissions.
    # personal_data). `mentioned_people` names those that hold someone else's address (a
    # referee's), each with the fields about that person: erasing it blanks those fields and
    # keeps the record.
    email_fields: tuple[str, ...] = ("email",)
    mentioned_people: dict[str, tuple[str, ...]] = {}
    retention_setting = "SUBMISSIONS_RETENTION_DAYS"
    # The admin group that owns these submissions: its members review them and are told of new
    # ones unless `staff_emails_setting` names addresses instead.
    staff_group = ""
    staff_emails_setting = ""
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
        """Who is told of a new submission: the configured addresses, else the staff group."""
        configured = getattr(settings, self.staff_emails_setting, None)
        if configured:
            return list(configured)
        return sorted(
            set(staff_members(self.staff_group).exclude(email="").values_list("email", flat=True))
        )

    def render_email(self, kind: str) -> tuple[str, str]:
        """(subject, body) of the 'confirmation' or 'notification' email."""
        name = self._meta.model_name
        context = self.email_context()
        subject = render_to_string(f"submissions/email/{name}_{kind}_subject.txt", context)
        body = render_to_string(f"submissions/email/{name}_{kind}.txt", context)
        return " ".join(subject.split()), body

    def get_admin_url(self) -> str:
        """The register's inspect view of this submission (wagtail-modeladmin's URL name)."""
        meta = self._meta
        path = reverse(
            f"{meta.app_label}_{meta.model_name}_modeladmin_inspect", args=[quote(self.pk)]
        )
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def submission_models() -> list[type[BaseSubmission]]:
    """Every concrete submission model of the project: retention and erasure cover them all."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, BaseSubmission) and not model._meta.abstract
    ]


def staff_members(group: str):
    """The active members of an admin group."""
    return get_user_model().objects.filter(is_active=True, groups__name=group)


def personal_data_models() -> list[type[models.Model]]:
    """Models that hold an email address outside a submission, each owned by a submission
    model's staff (`personal_data_owner`): erasure finds and deletes their rows too."""
    return [
        model
        for model in apps.get_models()
        if getattr(model, "personal_data_owner", None) and getattr(model, "email_fields", None)
    ]
