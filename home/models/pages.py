from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import CallToActionBlock, LinkBlock, StatisticChooserBlock, StoryBlock

from .base import BasePage


class HomePage(BasePage):
    """The root of the site. Later apps fill its featured slots (articles, case studies)."""

    hero_heading = models.CharField(max_length=120)
    hero_intro = models.TextField(max_length=400, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        max_num=2,
        help_text="Up to two buttons under the introduction: the first is the main action.",
    )
    mission_heading = models.CharField(max_length=120, blank=True)
    mission = RichTextField(features=["bold", "italic", "link"], blank=True)
    key_figures_heading = models.CharField(max_length=120, blank=True, default="Why it matters")
    key_figures = StreamField(
        [("statistic", StatisticChooserBlock())],
        blank=True,
        max_num=6,
        help_text="Statistics from the shared list (Evidence > Statistics), each shown with its "
        "source and date. Edit a figure there and every page that shows it changes.",
    )
    calls_to_action = StreamField(
        [("call_to_action", CallToActionBlock())],
        blank=True,
        max_num=3,
        help_text="Up to three prompts, each with one button, shown after the key figures.",
    )
    body = StreamField(
        StoryBlock(),
        blank=True,
        help_text="Optional: more sections at the foot of the home page. "
        + "Choose + to add a block: headings, text, images, evidence and more. Each block shows a preview and what it is for.",
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_intro"),
                FieldPanel("hero_image"),
                FieldPanel("hero_links"),
            ],
            heading="Hero",
        ),
        MultiFieldPanel([FieldPanel("mission_heading"), FieldPanel("mission")], heading="Mission"),
        MultiFieldPanel(
            [FieldPanel("key_figures_heading"), FieldPanel("key_figures")], heading="Key figures"
        ),
        FieldPanel("calls_to_action"),
        FieldPanel("body"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("hero_intro"),
        index.SearchField("mission"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.ProgrammePage",
        "home.PartnerPage",
        "home.ResearchPage",
        "submissions.ExpressionOfInterestPage",
        "submissions.ApplicationPage",
        "hub.HubIndexPage",
        "casestudies.CaseStudyIndexPage",
    ]
    max_count_per_parent = 1
    template = "pages/home_page.html"

    class Meta:
        verbose_name = "home page"

    @property
    def listing_image(self):
        return self.hero_image


class StandardPage(BasePage):
    """About, Our story, Privacy notice and other pages of text and blocks."""

    introduction = models.TextField(max_length=600, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(
        StoryBlock(),
        blank=True,
        help_text="Choose + to add a block: headings, text, images, evidence and more. Each block shows a preview and what it is for.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = "standard page"

    @property
    def listing_image(self):
        return self.image

    @property
    def meta_description(self) -> str:
        return self.search_description or self.introduction[:160]
