"""The hub's own blocks: citations, references, key takeaways and numbered figures.

`ArticleStoryBlock` is the shared `StoryBlock` plus these. Its paragraphs can cite the article's
references as `[@key]` (or `[@key1; @key2]`), pandoc style: each citation becomes a numbered link
to the entry with that key in the references list, numbered in the list's order.
"""

import re

from django.core.validators import RegexValidator
from django.utils.safestring import mark_safe

from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.rich_text import expand_db_html

from home.blocks import ParagraphBlock, StoryBlock

KEY_HELP = "A short label the text cites as [@key], such as gill2017. Letters, numbers, - and _."
CITATION = re.compile(r"\[@([\w-]+(?:\s*;\s*@[\w-]+)*)\]")
KEY = re.compile(r"^[\w-]+$")


def cited_keys(text: str) -> list[str]:
    """Every key cited in `text`, in order of first citation."""
    keys: list[str] = []
    for match in CITATION.finditer(text or ""):
        for key in re.split(r"\s*;\s*@", match.group(1)):
            if key not in keys:
                keys.append(key)
    return keys


def link_citations(html: str, numbers: dict[str, int]) -> str:
    """Turn `[@key]` markers in rendered HTML into numbered links to the references list.

    A marker citing a key that is not in `numbers` is left as it is, so the editor sees it (and
    the page's validation refuses to publish it).
    """

    def replace(match):
        keys = re.split(r"\s*;\s*@", match.group(1))
        if not all(key in numbers for key in keys):
            return match.group(0)
        links = ", ".join(
            f'<a href="#ref-{numbers[key]}"><span class="visually-hidden">Reference </span>'
            f"{numbers[key]}</a>"
            for key in keys
        )
        return f'<sup class="citation">[{links}]</sup>'

    return CITATION.sub(replace, html)


class CitingParagraphBlock(ParagraphBlock):
    """Body text that can cite the article's references as [@key]."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        numbers = (parent_context or {}).get("reference_numbers") or {}
        html = expand_db_html(value.source) if value else ""
        context["text"] = mark_safe(link_citations(html, numbers))  # noqa: S308 - rich text
        return context

    class Meta:
        icon = "pilcrow"
        template = "components/streamfield/citing_paragraph_block.html"
        description = "Body text. Cite a reference from the references list as [@key]."
        preview_value = (
            "<p>Pupils who return to mainstream do best when the receiving school plans the "
            "move with them [@gill2017].</p>"
        )


class KeyTakeawaysBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=80, default="Key takeaways")
    items = blocks.ListBlock(
        blocks.TextBlock(max_length=300), min_num=1, max_num=7, label="Takeaways"
    )

    class Meta:
        icon = "tick-inverse"
        template = "components/streamfield/key_takeaways_block.html"
        description = "A box of the three to five points a busy reader should remember."
        preview_value = {
            "heading": "Key takeaways",
            "items": [
                "Plan the return with the pupil, the family and the receiving school together.",
                "Keep one trusted adult in touch for the first half term.",
            ],
        }


class FigureBlock(blocks.StructBlock):
    """A numbered figure: an image (a chart, a diagram, a photo) with a caption and source."""

    image = ImageBlock()
    caption = blocks.CharBlock(max_length=300, help_text="What the figure shows.")
    source = blocks.CharBlock(required=False, max_length=200)
    long_description = blocks.TextBlock(
        required=False,
        max_length=2000,
        help_text="For charts and diagrams: the data or the structure in words, for readers who "
        "cannot see the image. Shown under the figure, folded.",
    )

    class Meta:
        icon = "image"
        template = "components/streamfield/figure_block.html"
        description = "A chart, diagram or photo, numbered (Figure 1, 2...) with its caption."
        preview_value = {
            "caption": "Attendance in the first term after returning to mainstream",
            "source": "School records, 2022 to 2023",
        }


class ReferenceBlock(blocks.StructBlock):
    key = blocks.CharBlock(
        max_length=40, help_text=KEY_HELP, validators=[RegexValidator(KEY, KEY_HELP)]
    )
    citation = blocks.RichTextBlock(
        features=["italic", "link"],
        help_text="The full reference, for example in APA style. Italicise the title.",
    )
    url = blocks.URLBlock(required=False, label="URL", help_text="Where to read it online.")


class ReferencesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=80, default="References")
    references = blocks.ListBlock(ReferenceBlock(), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "components/streamfield/references_block.html"
        description = "The numbered list of works the text cites as [@key]. One per article."
        preview_value = {
            "heading": "References",
            "references": [
                {
                    "key": "gill2017",
                    "citation": "<p>Gill, K. (2017). <i>Making the Difference: Breaking the "
                    "link between school exclusion and social exclusion</i>. IPPR.</p>",
                    "url": "",
                }
            ],
        }

    def clean(self, value):
        value = super().clean(value)
        keys = [reference["key"] for reference in value["references"]]
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        if duplicates:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "references": blocks.ListBlockValidationError(
                        non_block_errors=[f"Each key once only: {', '.join(duplicates)}."]
                    )
                }
            )
        return value


class ProfileLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=60, help_text="For example 'Blog' or 'LinkedIn'.")
    url = blocks.URLBlock(label="URL")

    class Meta:
        icon = "link"


class ArticleStoryBlock(StoryBlock):
    """The shared body blocks, with paragraphs that cite, plus the hub's own blocks."""

    paragraph = CitingParagraphBlock(group="Text")
    key_takeaways = KeyTakeawaysBlock(group="Text")
    figure = FigureBlock(group="Media")
    references = ReferencesBlock(group="Structure")

    class Meta:
        template = "components/streamfield/story_block.html"
        block_counts = {"references": {"max_num": 1}, "key_takeaways": {"max_num": 1}}
