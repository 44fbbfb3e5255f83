"""Case study blocks: previews for editors, validation with clear messages, rendering."""

from wagtail import blocks

import pytest

from casestudies.blocks import CaseStudyStoryBlock, KeyFactBlock, KeyFactsBlock, PersonInvolvedBlock

OWN_BLOCKS = ["people", "tiered_approach", "statistic"]


@pytest.mark.parametrize("name", OWN_BLOCKS)
def test_each_case_study_block_gives_editors_a_preview(name):
    block = CaseStudyStoryBlock().child_blocks[name]
    assert block.meta.icon and block.meta.icon != "placeholder", name
    assert block.meta.template, name
    assert block.meta.description, name
    assert block.meta.preview_value is not None, name


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["people", "tiered_approach"])
def test_each_case_study_block_renders_its_preview(name):
    block = CaseStudyStoryBlock().child_blocks[name]
    html = block.render(block.get_preview_value())
    assert html.strip() and "None" not in html


def test_a_key_fact_renders_before_and_after_with_dates_and_source():
    block = KeyFactBlock()
    html = block.render(block.get_preview_value())
    assert "Ofsted judgement" in html
    assert "Special measures" in html and "(2015)" in html
    assert "Good" in html and "Source: Ofsted inspection reports" in html
    assert KeyFactsBlock().meta.template


def test_a_key_fact_needs_its_value_and_a_date_needs_a_value():
    block = KeyFactBlock()
    value = block.to_python(
        {"label": "Pupils", "before": {"value": "", "date": "2015"}, "after": {"value": ""}}
    )
    with pytest.raises(blocks.StructBlockValidationError) as error:
        block.clean(value)
    assert set(error.value.block_errors) == {"after", "before"}


def test_a_person_involved_needs_a_profile_or_a_name():
    block = PersonInvolvedBlock()
    with pytest.raises(blocks.StructBlockValidationError):
        block.clean(block.to_python({"person": None, "name": "", "role": "SENCO"}))
    assert block.clean(block.to_python({"person": None, "name": "Lisa", "role": "SENCO"}))
