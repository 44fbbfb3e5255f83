from django.db import models

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from home.blocks import LinkBlock
from home.navigation_fit import NavigationFitPanel

SOCIAL_PLATFORMS = [
    ("bluesky", "Bluesky"),
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("linkedin", "LinkedIn"),
    ("x", "X (Twitter)"),
    ("youtube", "YouTube"),
]


class SocialLinkValue(blocks.StructValue):
    @property
    def label(self) -> str:
        return dict(SOCIAL_PLATFORMS).get(self.get("platform"), self.get("platform"))


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(choices=SOCIAL_PLATFORMS)
    url = blocks.URLBlock(label="URL")

    class Meta:
        icon = "site"
        value_class = SocialLinkValue


@register_setting(icon="cog", order=100)
class SiteSettings(BaseSiteSetting):
    """Navigation, footer and sharing defaults, editable per site under Settings."""

    primary_navigation = StreamField(
        [("link", LinkBlock())],
        blank=True,
        max_num=7,
        help_text="The links in the site header, in order. Keep it to five or six.",
    )
    header_action = StreamField(
        [("link", LinkBlock())],
        blank=True,
        max_num=1,
        help_text="One highlighted button at the end of the header, such as 'Apply'.",
    )
    contact_email = models.EmailField(blank=True)
    contact_telephone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    charity_number = models.CharField(
        max_length=40, blank=True, help_text="Registered charity number in England and Wales."
    )
    company_number = models.CharField(max_length=40, blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        max_num=8,
        help_text="Links in the footer's 'About this site' list; the privacy notice is added.",
    )
    social_links = StreamField(
        [("social", SocialLinkBlock())],
        blank=True,
        max_num=8,
        help_text="The charity's profiles on other sites, listed under 'Follow us'.",
    )
    default_social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Used when a shared page has no image of its own.",
    )
    twitter_handle = models.CharField(max_length=40, blank=True, help_text="Without the @.")

    select_related = ["privacy_page", "default_social_image"]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("primary_navigation"),
                    NavigationFitPanel(),
                    FieldPanel("header_action"),
                ],
                heading="Header",
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("contact_email"),
                            FieldPanel("contact_telephone"),
                            FieldPanel("address"),
                        ],
                        heading="Contact",
                    ),
                    MultiFieldPanel(
                        [FieldPanel("charity_number"), FieldPanel("company_number")],
                        heading="Registration",
                    ),
                    FieldPanel("privacy_page"),
                    FieldPanel("footer_links"),
                    FieldPanel("social_links"),
                ],
                heading="Footer",
            ),
            ObjectList(
                [FieldPanel("default_social_image"), FieldPanel("twitter_handle")],
                heading="Sharing",
            ),
        ]
    )

    class Meta:
        verbose_name = "site settings"
