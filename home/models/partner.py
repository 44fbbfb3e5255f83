"""The page for schools: why partner with The Difference, and how to start."""

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField

from home.blocks import LinkBlock, StoryBlock

from .landing import LandingPage, action_url
from .programme import SECTION_FEATURES


class PartnerPage(LandingPage):
    """For alternative provision schools thinking of hosting a Difference Leader."""

    questions = StreamField(
        StoryBlock(),
        blank=True,
        help_text="Questions from schools (the 'Questions and answers' block).",
    )
    interest_heading = models.CharField(max_length=120, default="Send us an Expression of Interest")
    interest_text = RichTextField(features=SECTION_FEATURES, blank=True)
    interest_link = StreamField(
        [("link", LinkBlock())],
        blank=True,
        max_num=1,
        help_text="The Expression of Interest form, when it exists. Until then, leave empty and "
        "give an email address below.",
    )
    interest_email = models.EmailField(
        blank=True, help_text="Where schools write to until the form is ready."
    )

    content_panels = [
        *LandingPage.content_panels,
        FieldPanel("questions"),
        MultiFieldPanel(
            [
                FieldPanel("interest_heading"),
                FieldPanel("interest_text"),
                FieldPanel("interest_link"),
                FieldPanel("interest_email"),
            ],
            heading="Expression of Interest",
        ),
    ]

    template = "pages/partner_page.html"

    class Meta:
        verbose_name = "partner page"

    @property
    def interest_url(self) -> str:
        return action_url(
            self.interest_link,
            self.interest_email,
            "#expression-of-interest",
            subject="Expression of Interest",
        )

    @property
    def interest_link_text(self) -> str:
        for link in self.interest_link:
            return link.value.text
        return "Email us your Expression of Interest" if self.interest_email else ""
