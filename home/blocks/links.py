"""Links that point at a page or a URL, never both."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList

from wagtail import blocks


class LinkStructValue(blocks.StructValue):
    @property
    def url(self) -> str:
        return self.url_for(None)

    def url_for(self, request) -> str:
        """The address, worked out with the request when there is one (templates:
        `{% link_url %}`), as `{% pageurl %}` does: the site root paths the request already
        has, rather than a cache round trip per linked page (or a query, the cache cleared)."""
        page = self.get("page")
        if page is not None:
            return page.get_url(request) or ""
        return self.get("external_url") or ""

    @property
    def text(self) -> str:
        page = self.get("page")
        return self.get("label") or (page.title if page is not None else "")


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text="Leave blank to use the page's title.",
    )
    page = blocks.PageChooserBlock(required=False)
    external_url = blocks.URLBlock(required=False, label="URL")

    class Meta:
        icon = "link"
        value_class = LinkStructValue
        template = "components/streamfield/link_block.html"
        description = "A link to a page on this site or to another website."
        preview_value = {"label": "Apply to the programme", "external_url": "https://example.org"}

    def clean(self, value):
        value = super().clean(value)
        has_page = value.get("page") is not None
        has_url = bool(value.get("external_url"))
        if has_page == has_url:
            message = (
                "Choose a page or enter a URL, not both."
                if has_page
                else ("Choose a page or enter a URL.")
            )
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ErrorList([ValidationError(message)]),
                    "external_url": ErrorList([ValidationError(message)]),
                }
            )
        if has_url and not value.get("label"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "label": ErrorList([ValidationError("Give a link to another website a label.")])
                }
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, max_length=400)
    link = LinkBlock()
    style = blocks.ChoiceBlock(
        choices=[("primary", "Primary"), ("secondary", "Secondary")],
        default="primary",
        help_text="Use primary for the one action that matters most on the page.",
    )

    class Meta:
        icon = "pick"
        template = "components/streamfield/call_to_action_block.html"
        description = "A short prompt with one button, such as 'Apply now'."
        preview_value = {
            "heading": "Lead where it matters most",
            "text": "Spend two years on the senior leadership team of an alternative provision school.",
            "link": {"label": "Find out how to apply", "external_url": "https://example.org"},
            "style": "primary",
        }
