from wagtail import blocks

from .content import CaptionedImageBlock, HeadingBlock, ParagraphBlock, QuoteBlock
from .evidence import (
    ComparisonChartBlock,
    FAQBlock,
    StatisticsBandBlock,
    StepsBlock,
    TestimonialBlock,
)
from .links import CallToActionBlock
from .structure import AccordionBlock, DocumentDownloadBlock, TableBlock, TimelineBlock


class StoryBlock(blocks.StreamBlock):
    """The shared body of the site's pages. Apps extend it with blocks of their own."""

    heading = HeadingBlock(group="Text")
    paragraph = ParagraphBlock(group="Text")
    quote = QuoteBlock(group="Text")
    image = CaptionedImageBlock(group="Media", label="Image")
    document = DocumentDownloadBlock(group="Media", label="Document")
    call_to_action = CallToActionBlock(group="Actions")
    accordion = AccordionBlock(group="Structure")
    table = TableBlock(group="Structure")
    timeline = TimelineBlock(group="Structure")
    steps = StepsBlock(group="Structure")
    statistics = StatisticsBandBlock(group="Evidence", label="Statistics band")
    comparison_chart = ComparisonChartBlock(group="Evidence")
    testimonial = TestimonialBlock(group="Evidence")
    faqs = FAQBlock(group="Evidence", label="Questions and answers")

    class Meta:
        template = "components/streamfield/story_block.html"
