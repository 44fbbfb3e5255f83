"""The words editors see: block names as docs/editing.md gives them, help text on every body and
section, and no doubled punctuation or raw keys in the labels."""

import re
from pathlib import Path

from wagtail.fields import StreamField

import pytest

from casestudies.blocks import CaseStudyStoryBlock
from casestudies.models import CaseStudyPage
from casestudies.safeguarding import CaseStudyPageForm
from home.blocks import StoryBlock
from home.blocks.evidence import ComparisonChartBlock
from home.models import HomePage, PartnerPage, ProgrammePage, ResearchPage, StandardPage
from home.models.settings import SocialLinkBlock
from hub.models import ArticlePage

DOCS = Path(__file__).resolve().parents[2] / "docs" / "editing.md"


def documented_blocks() -> list[str]:
    """The names in the first column of the "### Blocks" table of docs/editing.md."""
    section = DOCS.read_text().split("### Blocks", 1)[1].split("\n#", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]
    return [re.sub(r" \(Evidence\)$", "", row.split("|")[1].strip()) for row in rows]


def test_the_body_blocks_are_named_as_the_editing_guide_names_them():
    labels = [block.label for block in StoryBlock().child_blocks.values()]
    assert labels == documented_blocks()


def test_case_study_sections_say_one_statistic_beside_the_statistics_band():
    labels = {block.label for block in CaseStudyStoryBlock().child_blocks.values()}
    assert {"Statistics band", "One statistic", "People involved", "Tiered approach"} <= labels
    assert "Statistic" not in labels and "Statistics" not in labels


def test_the_image_block_does_not_say_image_three_times():
    image = StoryBlock().child_blocks["image"]
    assert image.label == "Image"
    assert image.child_blocks["image"].label != "Image"


@pytest.mark.parametrize(
    "model",
    [HomePage, StandardPage, ProgrammePage, PartnerPage, ResearchPage, ArticlePage, CaseStudyPage],
)
def test_every_body_and_section_has_help_text(model):
    fields = [field for field in model._meta.get_fields() if isinstance(field, StreamField)]
    assert fields
    missing = [field.name for field in fields if not str(field.help_text).strip()]
    assert not missing, f"{model.__name__}: no help text on {missing}"


def test_labels_read_cleanly_before_an_error_message():
    form_fields = CaseStudyPageForm.base_fields
    for name in ("confirm_consent", "confirm_no_pupil_identifiable"):
        assert not str(form_fields[name].label).endswith((".", ":")), name
    assert SocialLinkBlock().child_blocks["url"].label == "URL"


def test_the_comparison_chart_preview_compares_one_group_of_people(db):
    value = ComparisonChartBlock().get_preview_value()
    populations = {item["statistic"].population for item in value["items"]}
    assert len(value["items"]) >= 2
    assert len(populations) == 1
