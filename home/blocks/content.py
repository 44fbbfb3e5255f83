"""Text, image and quote blocks."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading (h2)"), ("h3", "Subheading (h3)")],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "components/streamfield/heading_block.html"
        description = "A section heading. The page's table of contents is built from these."
        preview_value = {"text": "Why alternative provision matters", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "components/streamfield/paragraph_block.html"
        description = "Body text with links, lists and subheadings."
        preview_value = (
            "<p>Alternative provision teaches some of the most vulnerable children in England. "
            "Its leaders deserve the best <a href='https://example.org'>training</a> there is.</p>"
        )


class CaptionedImageBlock(blocks.StructBlock):
    # Not "Image" again: the block and Wagtail's chooser inside it are both called that already.
    image = ImageBlock(label="Picture and alt text")
    caption = blocks.CharBlock(required=False, max_length=250)
    credit = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "image"
        template = "components/streamfield/image_block.html"
        description = (
            "An image with alt text (or marked decorative), an optional caption and credit."
        )
        preview_value = {"caption": "Difference Leaders at the summer residential."}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=800)
    attribution = blocks.CharBlock(required=False, max_length=120, help_text="Who said it.")
    role = blocks.CharBlock(
        required=False, max_length=160, help_text="Their role and organisation."
    )

    class Meta:
        icon = "openquote"
        template = "components/streamfield/quote_block.html"
        description = "A quotation with who said it."
        preview_value = {
            "quote": "Working with excluded pupils should be seen as the pinnacle of the profession.",
            "attribution": "A Difference Leader",
            "role": "Assistant headteacher, alternative provision academy",
        }
