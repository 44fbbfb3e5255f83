"""Teacher applications as stored: cohorts, requests to be told, drafts, applications, monitoring.

A `Cohort` is one intake of the programme with its application window. The apply page is open
while a cohort's window is; when none is, it names the next window (if one is set) and takes
email addresses of people who want to be told when it opens (`OpeningNotification`, stored with
their consent and deleted once that window has closed: see `purge_opening_notifications`).
An application is written into an `ApplicationDraft`, step by step, and becomes a
`TeacherApplication` when sent; the optional equal-opportunities answers are a
`MonitoringResponse`, linked to nothing but the cohort.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel

from submissions.base import BaseSubmission
from submissions.retention import log_purge
from taxonomy.places import REGION_NAMES, REGIONS, region_for_postcode

from .choices import (
    MONITORING_QUESTIONS,
    ApplicationStatus,
    HeardAboutProgramme,
    LeadershipExperience,
    TeachingPhase,
)

# Requests made while no next window was set are kept at most this long.
UNASSIGNED_NOTIFICATION_DAYS = 365


class CohortQuerySet(models.QuerySet):
    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at")

    def upcoming(self, now=None):
        return self.filter(opens_at__gt=now or timezone.now()).order_by("opens_at")


class Cohort(models.Model):
    name = models.CharField(
        max_length=120, unique=True, help_text="As applicants see it, such as 'Cohort 2027'."
    )
    opens_at = models.DateTimeField("applications open")
    closes_at = models.DateTimeField("applications close")
    programme_starts = models.DateField(help_text="The first day of the programme.")

    objects = CohortQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("programme_starts"),
    ]

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = "cohort"

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = "Applications must close after they open."
        if (
            self.closes_at
            and self.programme_starts
            and self.programme_starts <= timezone.localdate(self.closes_at)
        ):
            errors["programme_starts"] = "The programme must start after applications close."
        if errors:
            raise ValidationError(errors)

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    is_open.boolean = True


class OpeningNotification(models.Model):
    """Someone who asked to be emailed when applications open. Consent is required to store it."""

    email = models.EmailField(max_length=254)
    cohort = models.ForeignKey(
        Cohort,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="opening_notifications",
        help_text="The window they will be told about; empty if none was set when they asked.",
    )
    consent_given_at = models.DateTimeField(default=timezone.now, editable=False)
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    # Erased with the applications: the Recruitment team's personal data.
    email_fields = ("email",)
    personal_data_owner = "submissions.TeacherApplication"
    personal_data_label = "requests to be emailed when applications open"

    class Meta:
        ordering = ["-consent_given_at"]
        constraints = [
            models.UniqueConstraint(fields=["email", "cohort"], name="unique_opening_notification")
        ]

    def __str__(self) -> str:
        return f"Opening notification {self.pk}"


def purge_opening_notifications(now=None) -> int:
    """Delete requests whose window has closed, and unassigned ones older than a year."""
    now = now or timezone.now()
    expired = OpeningNotification.objects.filter(cohort__closes_at__lt=now) | (
        OpeningNotification.objects.filter(
            cohort__isnull=True,
            consent_given_at__lt=now - timedelta(days=UNASSIGNED_NOTIFICATION_DAYS),
        )
    )
    with transaction.atomic():
        deleted, _ = OpeningNotification.objects.filter(pk__in=expired.values("pk")).delete()
        log_purge(OpeningNotification, deleted)
    return deleted


# --- the application itself -----------------------------------------------------------------

RECRUITMENT_GROUP = "Recruitment"
# What staff see for an applicant whose postcode is in no English region.
OUTSIDE_ENGLAND = "Outside England or unknown"


class TeacherApplication(BaseSubmission):
    """A teacher's submitted application to a cohort of the programme."""

    status = models.CharField(
        max_length=32,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.RECEIVED,
        db_index=True,
    )
    cohort = models.ForeignKey(
        Cohort, on_delete=models.PROTECT, related_name="applications", help_text="Preferred cohort"
    )

    # Personal details
    full_name = models.CharField(max_length=200)
    email = models.EmailField(max_length=254, db_index=True)
    telephone = models.CharField(max_length=40)
    postcode = models.CharField("home postcode", max_length=10)
    # Derived from the postcode's area on every save; empty outside England (or unknown).
    region = models.CharField(max_length=40, choices=REGIONS, blank=True, db_index=True)

    # Current role
    current_role = models.CharField(max_length=200)
    current_school = models.CharField(max_length=200)
    phase = models.CharField(max_length=20, choices=TeachingPhase.choices, db_index=True)
    subject = models.CharField("subject or specialism", max_length=200)
    years_teaching = models.PositiveSmallIntegerField()
    qts_year = models.PositiveSmallIntegerField("year QTS was awarded")
    leadership_experience = models.CharField(max_length=20, choices=LeadershipExperience.choices)
    leadership_details = models.TextField(max_length=3000, blank=True)

    # Competency statements: {competency key: text}, in the order the form asked them.
    statements = models.JSONField(default=dict)

    # Referees
    referee_1_name = models.CharField("first referee's name", max_length=200)
    referee_1_role = models.CharField("first referee's role", max_length=200)
    referee_1_email = models.EmailField("first referee's email", max_length=254)
    referee_2_name = models.CharField("second referee's name", max_length=200)
    referee_2_role = models.CharField("second referee's role", max_length=200)
    referee_2_email = models.EmailField("second referee's email", max_length=254)

    heard_about = models.CharField(
        "how they heard about us", max_length=32, choices=HeardAboutProgramme.choices, blank=True
    )
    declarations_confirmed = models.BooleanField(default=False)

    reference_prefix = "APP"
    # The applicant's address, then the referees': found by erasure and subject access. A
    # referee's request removes their name, role and address and keeps the application.
    email_fields = ("email", "referee_1_email", "referee_2_email")
    mentioned_people = {
        "referee_1_email": ("referee_1_name", "referee_1_role", "referee_1_email"),
        "referee_2_email": ("referee_2_name", "referee_2_role", "referee_2_email"),
    }
    retention_setting = "APPLICATIONS_RETENTION_DAYS"
    staff_group = RECRUITMENT_GROUP
    staff_emails_setting = "APPLICATIONS_RECRUITMENT_EMAILS"

    class Meta(BaseSubmission.Meta):
        verbose_name = "teacher application"
        indexes = [models.Index(fields=["status", "-created_at"])]

    def save(self, *args, **kwargs):
        self.region = region_for_postcode(self.postcode)
        super().save(*args, **kwargs)

    def region_name(self) -> str:
        """The region as staff read it, saying so when there is none (the export's column)."""
        return REGION_NAMES.get(self.region, OUTSIDE_ENGLAND)

    @classmethod
    def retention_period(cls) -> timedelta:
        return timedelta(days=getattr(settings, cls.retention_setting, 730))


class ApplicationDraft(models.Model):
    """An application in progress, saved at every step. Found by its random id only."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="drafts")
    email = models.EmailField(max_length=254, blank=True, db_index=True)
    answers = models.JSONField(default=dict)  # {step slug: {field: value}}, each step valid
    # {step slug: {field: text as typed}}: what a step held when "Back" was pressed on it, kept
    # unchecked and shown again on that step until the step is saved. Never counts as answered.
    unchecked_answers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    # Save and return: a link carries the generation it was sent with and works only while the
    # draft is still at that generation, which moves on when a link is sent and when one is
    # used; so only the newest link works, and only once (`submissions.applications.resume`).
    link_generation = models.PositiveIntegerField(default=0, editable=False)
    # When the newest link was sent; cleared when it is used. A link goes out at most once per
    # APPLICATION_RESUME_LINK_INTERVAL seconds.
    link_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Why the first step looked automated (honeypot, form state, too fast), if it did: the
    # draft is then answered as any other, but sends no email, and the application it becomes
    # is stored flagged as spam.
    spam_reasons = models.JSONField(default=list, blank=True, editable=False)

    # Erased with the applications: the Recruitment team's personal data. The referees named
    # so far are found too; a referee's request sends the applicant back to the referees step.
    email_fields = (
        "email",
        "answers__referees__referee_1_email",
        "answers__referees__referee_2_email",
        "unchecked_answers__referees__referee_1_email",
        "unchecked_answers__referees__referee_2_email",
    )
    mentioned_people = {
        f"{part}__referees__referee_{n}_email": tuple(
            f"{part}__referees__referee_{n}_{name}" for name in ("name", "role", "email")
        )
        for part in ("answers", "unchecked_answers")
        for n in (1, 2)
    }
    personal_data_owner = "submissions.TeacherApplication"
    personal_data_label = "unfinished applications"
    # The draft's key is its save-and-return link: never copied out.
    subject_access_exclude = ("id",)

    class Meta:
        verbose_name = "application draft"

    def __str__(self) -> str:
        return f"Draft {str(self.id)[:8]}"

    @classmethod
    def lifetime(cls) -> timedelta:
        return timedelta(days=getattr(settings, "APPLICATION_DRAFT_DAYS", 60))

    @classmethod
    def expired(cls, now=None):
        return cls.objects.filter(updated_at__lt=(now or timezone.now()) - cls.lifetime())

    @property
    def expires_at(self):
        return (self.updated_at or timezone.now()) + self.lifetime()

    def forget_mention(self, paths) -> None:
        """A referee asked to be erased: their step is dropped, so it is asked again."""
        self.answers.pop("referees", None)
        self.unchecked_answers.pop("referees", None)
        self.save(update_fields=["answers", "unchecked_answers"])

    @property
    def token(self) -> str:
        """The form token of the application this draft becomes: one record per draft."""
        return f"draft-{self.id}"


def purge_expired_drafts(now=None) -> int:
    """Delete unfinished applications untouched for longer than APPLICATION_DRAFT_DAYS."""
    with transaction.atomic():
        deleted, _ = ApplicationDraft.expired(now).delete()
        log_purge(ApplicationDraft, deleted, ApplicationDraft.lifetime().days)
    return deleted


class MonitoringResponse(models.Model):
    """Equal-opportunities answers: optional, and deliberately unlinked from any application.

    No reference, no email, no timestamp finer than the cohort: nothing here can be joined
    back to the person. Staff see only aggregates, with small numbers suppressed.
    """

    # A random key, not a sequence: a row's position must not match an application's.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    cohort = models.ForeignKey(
        Cohort, null=True, on_delete=models.SET_NULL, related_name="monitoring_responses"
    )
    age_band = models.CharField(max_length=32, blank=True)
    sex = models.CharField(max_length=32, blank=True)
    gender_same_as_birth = models.CharField(max_length=32, blank=True)
    ethnic_group = models.CharField(max_length=32, blank=True)
    disability = models.CharField(max_length=32, blank=True)
    sexual_orientation = models.CharField(max_length=32, blank=True)
    religion = models.CharField(max_length=32, blank=True)
    free_school_meals = models.CharField(max_length=32, blank=True)

    class Meta:
        verbose_name = "equal-opportunities response"
        # Deliberately no ordering by creation: rows carry no time.
        permissions = [
            ("view_equal_opportunities_report", "Can view the equal-opportunities report")
        ]

    def __str__(self) -> str:
        return "Equal-opportunities response"

    @classmethod
    def retention_period(cls) -> timedelta:
        return timedelta(days=getattr(settings, "MONITORING_RETENTION_DAYS", 365))

    @classmethod
    def expired(cls, now=None):
        """Responses to cohorts whose applications closed longer ago than the retention period,
        and responses whose cohort was deleted."""
        cutoff = (now or timezone.now()) - cls.retention_period()
        return cls.objects.filter(models.Q(cohort__closes_at__lt=cutoff) | models.Q(cohort=None))


class MonitoringSummary(models.Model):
    """What the report keeps of a cohort's equal-opportunities answers once the answers
    themselves are purged: the counts, per question and answer ("" for not answered).

    One row per cohort, added to by each purge run. The report shows these figures with the
    same small-number protection as live ones.
    """

    cohort = models.OneToOneField(
        Cohort, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept as text, so the figures still say which cohort they are once the cohort is deleted.
    cohort_name = models.CharField(max_length=120, unique=True)
    responses = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict)  # {question: {answer key or "": count}}
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "equal-opportunities summary"
        verbose_name_plural = "equal-opportunities summaries"
        ordering = ["cohort_name"]

    def __str__(self) -> str:
        return f"Equal-opportunities summary: {self.cohort_name}"

    def add(self, question: str, answer: str, count: int) -> None:
        answers = self.counts.setdefault(question, {})
        answers[answer] = answers.get(answer, 0) + count


# Label for the figures of responses whose cohort was deleted before they were summarised.
NO_COHORT = "No cohort (deleted)"


def summarise_and_purge_monitoring(now=None) -> int:
    """Fold expired equal-opportunities responses into their cohort's `MonitoringSummary`,
    then delete them, in one transaction. Returns the number of responses deleted."""
    questions = list(MONITORING_QUESTIONS)
    expired = MonitoringResponse.expired(now)
    with transaction.atomic():
        rows = list(expired.values("id", "cohort_id", "cohort__name", *questions))
        log_purge(MonitoringResponse, len(rows), MonitoringResponse.retention_period().days)
        if not rows:
            return 0
        by_cohort: dict[tuple, list] = {}
        for row in rows:
            key = (row["cohort_id"], row["cohort__name"] or NO_COHORT)
            by_cohort.setdefault(key, []).append(row)
        for (cohort_id, name), cohort_rows in by_cohort.items():
            summary, _ = MonitoringSummary.objects.select_for_update().get_or_create(
                cohort_name=name, defaults={"cohort_id": cohort_id}
            )
            summary.responses += len(cohort_rows)
            for question in questions:
                for row in cohort_rows:
                    summary.add(question, row[question], 1)
            summary.save()
        MonitoringResponse.objects.filter(pk__in=[row["id"] for row in rows]).delete()
    return len(rows)
