"""What the programme, partner and research pages share: a hero and a body of blocks."""

from urllib.parse import quote

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import StoryBlock

from .base import BasePage


class LandingPage(BasePage):
    """Abstract: a page with an introduction and image in its hero, then a body of blocks."""

    introduction = models.TextField(
        max_length=600, help_text="The summary under the title: two or three sentences."
    )
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

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @property
    def listing_image(self):
        return self.image

    @property
    def meta_description(self) -> str:
        return self.search_description or self.introduction[:160]


def action_url(links, email: str, anchor: str, subject: str = "") -> str:
    """Where a page's main button goes: its linked form, else an email to the team, else its section.

    `links` is a one-item StreamField of LinkBlocks (the form, when it exists).
    """
    for link in links:
        return link.value.url
    if email:
        return f"mailto:{email}" + (f"?subject={quote(subject)}" if subject else "")
    return anchor
