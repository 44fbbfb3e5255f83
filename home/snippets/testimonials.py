"""A quotation from a named person, published only once their consent is recorded."""

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from .base import EvidenceSnippet

CONSENT_REQUIRED_MESSAGE = (
    "Record the person's consent before publishing this testimonial. "
    "You can save it as a draft until then."
)
CONSENT_REQUIRED_WHILE_LIVE_MESSAGE = (
    "This testimonial is published, so it needs the person's consent. "
    "To withdraw it, unpublish the testimonial first."
)


class TestimonialConsentError(ValidationError):
    """Raised when a testimonial without recorded consent would go live."""


class Testimonial(EvidenceSnippet):
    quote = models.TextField(
        max_length=1200, help_text="Their words exactly as they gave them, without quote marks."
    )
    person_name = models.CharField("person", max_length=120)
    role = models.CharField(max_length=160, blank=True, help_text="For example 'Chief executive'.")
    organisation = models.CharField(max_length=160, blank=True)
    date = models.DateField(
        null=True, blank=True, help_text="When they said or wrote it, if known."
    )
    consent_recorded = models.BooleanField(
        default=False,
        help_text="Tick once the person has agreed, in writing, to this quotation being "
        "published. Without it the testimonial cannot be published.",
    )
    consent_notes = models.CharField(
        max_length=255,
        blank=True,
        help_text="For staff only: where the consent is kept, such as 'Email of 3 March 2019'.",
    )

    panels = [
        FieldPanel("quote"),
        MultiFieldPanel(
            [
                FieldPanel("person_name"),
                FieldRowPanel([FieldPanel("role"), FieldPanel("organisation")]),
                FieldPanel("date"),
            ],
            heading="Who said it",
        ),
        MultiFieldPanel(
            [FieldPanel("consent_recorded"), FieldPanel("consent_notes")], heading="Consent"
        ),
    ]

    search_fields = [
        index.SearchField("quote"),
        index.SearchField("person_name"),
        index.AutocompleteField("person_name"),
        index.SearchField("organisation"),
        index.AutocompleteField("organisation"),
    ]

    class Meta(EvidenceSnippet.Meta):
        verbose_name = "testimonial"
        ordering = ["person_name"]

    def __str__(self) -> str:
        words = self.quote.split()
        excerpt = " ".join(words[:8]) + ("..." if len(words) > 8 else "")
        return f"{self.person_name}: {excerpt}"

    @property
    def attribution_role(self) -> str:
        """'Chief executive, Ark', or whichever of the two is given."""
        return ", ".join(part for part in (self.role, self.organisation) if part)

    @property
    def can_be_published(self) -> bool:
        return self.consent_recorded

    def clean(self):
        super().clean()
        # A live testimonial must always have consent. New records are saved as drafts first
        # (the admin sets `live` to False before validating a new one), so this only stops a
        # published testimonial from losing its consent.
        if self.live and not self.consent_recorded:
            raise ValidationError({"consent_recorded": CONSENT_REQUIRED_WHILE_LIVE_MESSAGE})

    def publish(self, revision, *args, **kwargs):
        """Publishing a revision without consent fails, whoever or whatever asks for it."""
        if not revision.as_object().consent_recorded:
            raise TestimonialConsentError({"consent_recorded": CONSENT_REQUIRED_MESSAGE})
        return super().publish(revision, *args, **kwargs)
