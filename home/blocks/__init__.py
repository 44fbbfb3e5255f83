"""The shared block library. Import blocks from here, not from the modules."""

from .content import (
    CaptionedImageBlock,
    HeadingBlock,
    ParagraphBlock,
    QuoteBlock,
)
from .evidence import (
    ChartItemBlock,
    ComparisonChartBlock,
    FAQBlock,
    FAQChooserBlock,
    StatisticChooserBlock,
    StatisticsBandBlock,
    StepBlock,
    StepsBlock,
    TestimonialBlock,
)
from .links import CallToActionBlock, LinkBlock
from .story import StoryBlock
from .structure import (
    AccordionBlock,
    AccordionItemBlock,
    DocumentDownloadBlock,
    TableBlock,
    TimelineBlock,
    TimelineEventBlock,
)

__all__ = [
    "AccordionBlock",
    "AccordionItemBlock",
    "CallToActionBlock",
    "CaptionedImageBlock",
    "ChartItemBlock",
    "ComparisonChartBlock",
    "DocumentDownloadBlock",
    "FAQBlock",
    "FAQChooserBlock",
    "HeadingBlock",
    "LinkBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "StatisticChooserBlock",
    "StatisticsBandBlock",
    "StepBlock",
    "StepsBlock",
    "StoryBlock",
    "TableBlock",
    "TestimonialBlock",
    "TimelineBlock",
    "TimelineEventBlock",
]
