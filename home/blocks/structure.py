"""Blocks that give a page structure: accordions, tables, downloads and timelines."""

from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock

from .content import RICH_TEXT_FEATURES


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160)
    content = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "components/streamfield/accordion_block.html"
        description = (
            "Questions or sections that readers open one at a time. Works without JavaScript."
        )
        preview_value = {
            "heading": "Common questions",
            "items": [
                {
                    "title": "Who can apply?",
                    "content": "<p>Qualified teachers with at least three years in mainstream.</p>",
                },
                {
                    "title": "How long is the programme?",
                    "content": "<p>Two years, in a senior leadership post.</p>",
                },
            ],
        }


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(max_length=200, help_text="Says what the table shows.")
    table = TypedTableBlock(
        [
            ("text", blocks.CharBlock()),
            ("number", blocks.DecimalBlock()),
            ("rich_text", blocks.RichTextBlock(features=["bold", "italic", "link"])),
        ]
    )
    source = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "table"
        template = "components/streamfield/table_block.html"
        description = "A data table with a caption and, optionally, its source."
        preview_value = {
            "caption": "Cohorts of the programme",
            "table": {
                "columns": [
                    {"type": "text", "heading": "Cohort"},
                    {"type": "number", "heading": "Leaders"},
                ],
                "rows": [{"values": ["Pioneer (2019)", 10]}],
            },
        }


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, max_length=160, help_text="Defaults to the document's title."
    )
    description = blocks.TextBlock(required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        template = "components/streamfield/document_block.html"
        description = "A document to download, with its type and size."
        preview_value = {"title": "Making the Difference (report, PDF)"}


class TimelineEventBlock(blocks.StructBlock):
    date_label = blocks.CharBlock(max_length=40, help_text="For example '2017' or 'April 2016'.")
    title = blocks.CharBlock(max_length=160)
    text = blocks.TextBlock(required=False, max_length=600)


class TimelineBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    events = blocks.ListBlock(TimelineEventBlock(), min_num=1)

    class Meta:
        icon = "history"
        template = "components/streamfield/timeline_block.html"
        description = "Dated milestones in order, such as the organisation's story."
        preview_value = {
            "heading": "Our story",
            "events": [
                {"date_label": "2016", "title": "The idea", "text": "A year of research begins."},
                {"date_label": "2019", "title": "Pioneer cohort", "text": "Ten teachers start."},
            ],
        }
