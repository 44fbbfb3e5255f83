"""The schools' Expression of Interest, as stored: one `PartnershipEnquiry` per form sent."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from submissions.base import BaseSubmission
from taxonomy import places as local_authorities

from .choices import (
    EnquiryStatus,
    HeardAbout,
    ImprovementArea,
    OfstedJudgement,
    Phase,
    SettingType,
    start_term_label,
)

PARTNERSHIPS_GROUP = "Partnerships"


class PartnershipEnquiry(BaseSubmission):
    """A school's Expression of Interest in hosting a Difference Leader."""

    status = models.CharField(
        max_length=32, choices=EnquiryStatus.choices, default=EnquiryStatus.NEW, db_index=True
    )

    # The school
    school_name = models.CharField(max_length=200)
    urn = models.CharField(
        "URN",
        max_length=6,
        validators=[RegexValidator(r"^[0-9]{6}$", "Enter the URN as 6 digits")],
        help_text="Unique reference number of the school",
    )
    setting_type = models.CharField(max_length=32, choices=SettingType.choices)
    phase = models.CharField(max_length=32, choices=Phase.choices)
    # No `choices=` here: the list lives in taxonomy/places.py and changes with
    # local government, without a migration each time. The form validates against it.
    local_authority = models.CharField(max_length=80, db_index=True)
    region = models.CharField(
        max_length=40, choices=local_authorities.REGIONS, blank=True, db_index=True
    )
    ofsted_judgement = models.CharField(
        "latest Ofsted judgement", max_length=32, choices=OfstedJudgement.choices
    )
    pupils_on_roll = models.PositiveIntegerField(
        "pupils on roll", validators=[MinValueValidator(1), MaxValueValidator(5000)]
    )

    # The contact
    contact_name = models.CharField(max_length=200)
    contact_role = models.CharField("role", max_length=200)
    email = models.EmailField(max_length=254, db_index=True)
    telephone = models.CharField(max_length=40)

    # The partnership
    improvement_areas = models.JSONField(default=list, blank=True)
    start_term = models.CharField("preferred start", max_length=20)
    anything_else = models.TextField(max_length=2000, blank=True)
    heard_about = models.CharField(
        "how they heard about us", max_length=32, choices=HeardAbout.choices, blank=True
    )
    privacy_acknowledged = models.BooleanField(default=False)

    reference_prefix = "EOI"
    email_fields = ("email",)
    staff_group = PARTNERSHIPS_GROUP
    staff_emails_setting = "SUBMISSIONS_PARTNERSHIPS_EMAILS"

    class Meta(BaseSubmission.Meta):
        verbose_name = "partnership enquiry"
        verbose_name_plural = "partnership enquiries"
        indexes = [models.Index(fields=["status", "-created_at"])]

    def save(self, *args, **kwargs):
        self.region = local_authorities.region_for(self.local_authority)
        super().save(*args, **kwargs)

    def get_local_authority_display(self) -> str:
        authority = local_authorities.BY_KEY.get(self.local_authority)
        return authority.name if authority else self.local_authority

    get_local_authority_display.short_description = "local authority"

    def get_improvement_areas_display(self) -> str:
        labels = dict(ImprovementArea.choices)
        return "; ".join(labels.get(key, key) for key in self.improvement_areas or [])

    get_improvement_areas_display.short_description = "improvement areas"

    def get_start_term_display(self) -> str:
        return start_term_label(self.start_term)

    get_start_term_display.short_description = "preferred start"

    def get_email_status_display(self) -> str:
        if self.is_spam:
            return "Not sent (spam suspected)"
        if self.confirmation_sent_at and self.notification_sent_at:
            return "Sent"
        if self.email_attempts:
            return f"Waiting to send ({self.email_attempts} failed attempt{'s' if self.email_attempts != 1 else ''})"
        return "Waiting to send"

    get_email_status_display.short_description = "emails"

    @property
    def email_status(self) -> str:
        return self.get_email_status_display()

    email_status.fget.short_description = "emails"
