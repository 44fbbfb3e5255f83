"""The shared block library. Import blocks from here, not from the modules."""

from .content import (
    CaptionedImageBlock,
    HeadingBlock,
    KeyFigureBlock,
    ParagraphBlock,
    QuoteBlock,
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
    "DocumentDownloadBlock",
    "HeadingBlock",
    "KeyFigureBlock",
    "LinkBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "StoryBlock",
    "TableBlock",
    "TimelineBlock",
    "TimelineEventBlock",
]
