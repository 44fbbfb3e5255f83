"""Our research: the report that started The Difference, its key findings and who endorses it."""

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

from home.blocks import StatisticChooserBlock, TestimonialBlock

from .landing import LandingPage


class ResearchPage(LandingPage):
    """The research report: summary, key findings (Statistic records), download, endorsements."""

    report_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The report itself, to download.",
    )
    report_description = models.CharField(
        max_length=255, blank=True, help_text="One line under the download: authors, pages."
    )
    report_url = models.URLField(
        "publisher's page", blank=True, help_text="Where the publisher keeps the report."
    )
    key_findings_heading = models.CharField(max_length=120, default="Key findings")
    key_findings = StreamField(
        [("statistic", StatisticChooserBlock())],
        blank=True,
        max_num=12,
        help_text="Statistics from the shared list. Edit a figure under Evidence > Statistics "
        "and every page that shows it changes.",
    )
    endorsements_heading = models.CharField(max_length=120, default="What others say")
    endorsements = StreamField(
        [("testimonial", TestimonialBlock())],
        blank=True,
        max_num=12,
        help_text="Testimonials from the shared list (Evidence > Testimonials) about the research.",
    )

    content_panels = [
        *LandingPage.content_panels[:-1],  # the body comes after the findings
        MultiFieldPanel(
            [FieldPanel("key_findings_heading"), FieldPanel("key_findings")],
            heading="Key findings",
        ),
        MultiFieldPanel(
            [
                FieldPanel("report_document"),
                FieldPanel("report_description"),
                FieldPanel("report_url"),
            ],
            heading="The report",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("endorsements_heading"), FieldPanel("endorsements")],
            heading="Endorsements",
        ),
    ]

    template = "pages/research_page.html"

    class Meta:
        verbose_name = "research page"
