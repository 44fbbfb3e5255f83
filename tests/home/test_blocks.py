"""The shared block library: validation, previews and rendering."""

from django.core.exceptions import ValidationError

from wagtail import blocks

import pytest

from home.blocks import CallToActionBlock, LinkBlock, StoryBlock
from home.factories import StandardPageFactory


def all_blocks(block):
    for child in getattr(block, "child_blocks", {}).values():
        yield child
        yield from all_blocks(child)


@pytest.mark.parametrize("name", list(StoryBlock().child_blocks))
def test_every_story_block_gives_editors_a_preview(name):
    block = StoryBlock().child_blocks[name]
    assert block.meta.icon and block.meta.icon != "placeholder", f"{name} has no icon"
    assert block.meta.template, f"{name} has no template"
    assert block.meta.description, f"{name} has no description"
    assert block.meta.preview_value is not None, f"{name} has no preview value"


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(StoryBlock().child_blocks))
def test_every_story_block_renders_its_preview_value(name):
    block = StoryBlock().child_blocks[name]
    html = block.render(block.get_preview_value())
    assert html.strip(), f"{name} rendered nothing"
    assert "None" not in html


@pytest.mark.django_db
def test_link_block_accepts_a_page(home_page):
    page = StandardPageFactory(parent=home_page, title="About us", slug="about")
    value = LinkBlock().clean({"label": "", "page": page, "external_url": ""})
    assert value.url == "/about/"
    assert value.text == "About us"


def test_link_block_accepts_a_url_with_a_label():
    value = LinkBlock().clean(
        {"label": "Report", "page": None, "external_url": "https://example.org/report"}
    )
    assert value.url == "https://example.org/report"
    assert value.text == "Report"


@pytest.mark.django_db
def test_link_block_refuses_a_page_and_a_url_together(home_page):
    page = StandardPageFactory(parent=home_page)
    with pytest.raises(blocks.StructBlockValidationError) as error:
        LinkBlock().clean({"label": "x", "page": page, "external_url": "https://example.org"})
    assert "not both" in str(error.value.block_errors["page"])


def test_link_block_refuses_neither():
    with pytest.raises(blocks.StructBlockValidationError) as error:
        LinkBlock().clean({"label": "x", "page": None, "external_url": ""})
    assert "Choose a page or enter a URL" in str(error.value.block_errors["external_url"])


def test_link_block_needs_a_label_for_an_outside_url():
    with pytest.raises(blocks.StructBlockValidationError) as error:
        LinkBlock().clean({"label": "", "page": None, "external_url": "https://example.org"})
    assert "label" in error.value.block_errors


def test_call_to_action_renders_heading_text_and_button():
    block = CallToActionBlock()
    html = block.render(block.get_preview_value())
    assert "<h2" in html and "Lead where it matters most" in html
    assert 'class="button"' in html and 'href="https://example.org"' in html


def test_accordion_works_without_javascript():
    block = StoryBlock().child_blocks["accordion"]
    html = block.render(block.get_preview_value())
    assert html.count("<details") == 2
    assert "<summary" in html


def test_table_has_a_caption_and_header_cells():
    block = StoryBlock().child_blocks["table"]
    html = block.render(block.get_preview_value())
    assert "<caption" in html and "Cohorts of the programme" in html
    assert '<th scope="col"' in html and '<th scope="row"' in html


def test_timeline_is_an_ordered_list_of_events():
    block = StoryBlock().child_blocks["timeline"]
    html = block.render(block.get_preview_value())
    assert "<ol" in html and html.count("timeline__event") == 2


def test_image_block_marks_decorative_images_with_empty_alt(db):
    from home.factories import ImageFactory

    image = ImageFactory(description="Pupils in a classroom")
    block = StoryBlock().child_blocks["image"]
    decorative = block.to_python(
        {"image": {"image": image.pk, "decorative": True, "alt_text": ""}, "caption": ""}
    )
    described = block.to_python(
        {
            "image": {"image": image.pk, "decorative": False, "alt_text": "Two teachers"},
            "caption": "At work",
        }
    )
    assert 'alt=""' in block.render(decorative)
    html = block.render(described)
    assert 'alt="Two teachers"' in html
    assert "<figcaption" in html and "At work" in html


def test_no_block_is_left_without_a_template():
    missing = [
        child.name
        for child in all_blocks(StoryBlock())
        if isinstance(child, blocks.StructBlock)
        and child.name in StoryBlock().child_blocks
        and not child.meta.template
    ]
    assert missing == []


def test_story_block_validation_error_message_is_for_editors():
    with pytest.raises(ValidationError):
        StoryBlock().child_blocks["call_to_action"].clean(
            {"heading": "", "text": "", "link": {"label": "", "page": None, "external_url": ""}}
        )
