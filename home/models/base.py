"""What every page of the site shares: social sharing fields and search indexing."""

from django.db import models
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class BasePage(Page):
    """Abstract parent of every page type: adds a social image and text for sharing."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared (1200 x 630 works best). "
        "Defaults to the page's main image.",
    )
    social_text = models.CharField(
        max_length=255,
        blank=True,
        help_text="Text for social sharing. Defaults to the search description.",
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_text")],
            heading="Social sharing",
        ),
    ]

    class Meta:
        abstract = True

    @property
    def listing_image(self):
        """The page's main image, for cards and sharing. Page types override this."""
        return None

    @cached_property
    def sharing_image(self):
        return self.social_image or self.listing_image

    @property
    def sharing_description(self) -> str:
        return self.social_text or self.search_description or ""

    @property
    def meta_description(self) -> str:
        return self.search_description or ""

    def get_breadcrumbs(self):
        """Ancestors below the site root, as a list; one query."""
        return list(
            self.get_ancestors()
            .filter(depth__gt=1)
            .defer_streamfields()
            .only("id", "title", "url_path", "depth", "path", "draft_title", "slug")
        )
