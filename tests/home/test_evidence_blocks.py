"""The evidence blocks: what they show, what they leave out, the chart's data and JSON-LD."""

import json

from wagtail import blocks

import pytest
from bs4 import BeautifulSoup

from home import factories
from home.blocks import (
    ComparisonChartBlock,
    FAQBlock,
    StatisticsBandBlock,
    StepsBlock,
    StoryBlock,
)
from home.blocks import TestimonialBlock as QuotationBlock
from home.charts import ChartItem, bar_chart

pytestmark = pytest.mark.django_db


def render(block, raw):
    """Render a block from its stored (JSON) form, as a page would."""
    return BeautifulSoup(block.render(block.to_python(raw)), "html.parser")


# ---------- Statistics band ----------


def test_statistics_band_shows_each_published_statistic_with_its_source_and_date():
    shown = factories.StatisticFactory(value=82, form="percentage", label="rated Good or better")
    draft = factories.StatisticFactory(value=5, label="a figure still being checked", live=False)
    html = render(
        StatisticsBandBlock(),
        {"heading": "Why it matters", "statistics": [shown.pk, draft.pk]},
    )
    figures = html.select(".key-figure")
    assert len(figures) == 1
    assert figures[0].select_one(".key-figure__value").get_text() == "82%"
    assert figures[0].select_one(".key-figure__label").get_text() == "rated Good or better"
    caption = " ".join(figures[0].figcaption.get_text().split())
    assert caption == "Source: Making the Difference (IPPR), 2017"
    assert figures[0].figcaption.a["href"] == shown.source_url
    assert "still being checked" not in html.text


def test_a_band_whose_statistics_are_all_unpublished_renders_nothing():
    draft = factories.StatisticFactory(live=False)
    html = render(StatisticsBandBlock(), {"heading": "Why it matters", "statistics": [draft.pk]})
    assert html.text.strip() == ""


# ---------- Comparison chart ----------


def chart_statistics():
    return [
        factories.StatisticFactory(value=4, form="times", label="more likely to be poor"),
        factories.StatisticFactory(value=10, form="times", label="more likely to be unwell"),
        factories.StatisticFactory(
            value=2,
            form="times",
            label="more likely to be in care",
            source_title="Another survey",
            source_url="",
        ),
    ]


def test_chart_table_holds_the_same_data_as_the_bars():
    statistics = chart_statistics()
    html = render(
        ComparisonChartBlock(),
        {
            "title": "How much more likely excluded pupils are",
            "items": [
                {"statistic": statistics[0].pk, "short_label": "to be poor"},
                {"statistic": statistics[1].pk, "short_label": ""},
                {"statistic": statistics[2].pk, "short_label": "to be in care"},
            ],
        },
    )
    svg = html.find("svg")
    bars = svg.select("rect.chart__bar")
    values = [float(bar["data-value"]) for bar in bars]
    widths = [float(bar["width"]) for bar in bars]
    assert values == [4, 10, 2]
    # Bar lengths are proportional to the values: the longest bar is the largest value.
    assert widths[1] == max(widths)
    assert widths[0] == pytest.approx(widths[1] * 4 / 10, abs=0.1)
    assert widths[2] == pytest.approx(widths[1] * 2 / 10, abs=0.1)
    bar_labels = [" ".join(text.get_text(" ").split()) for text in svg.select("text.chart__label")]
    bar_values = [text.get_text() for text in svg.select("text.chart__value")]

    rows = html.select("details table tbody tr")
    table_labels = [row.th.contents[0].strip() for row in rows]
    table_values = [row.select("td")[0].get_text() for row in rows]
    assert table_labels == bar_labels == ["to be poor", "more likely to be unwell", "to be in care"]
    assert table_values == bar_values == ["4 times", "10 times", "2 times"]
    assert html.select_one("details table caption").get_text() == (
        "How much more likely excluded pupils are"
    )


def test_chart_is_an_accessible_svg_with_its_sources_and_no_script_or_style():
    statistics = chart_statistics()
    html = render(
        ComparisonChartBlock(),
        {
            "title": "How much more likely excluded pupils are",
            "items": [{"statistic": s.pk, "short_label": ""} for s in statistics],
        },
    )
    svg = html.find("svg")
    assert svg["role"] == "img"
    assert svg.title.get_text() == "How much more likely excluded pupils are"
    assert "more likely to be unwell: 10 times." in svg.desc.get_text()
    caption = " ".join(html.figcaption.get_text().split())
    assert caption == "Sources: Making the Difference (IPPR), 2017; Another survey, 2017"
    assert not html.find_all(style=True) and not html.find("script") and not html.find("style")
    assert html.find("details").summary.get_text() == "Show the data as a table"


def test_chart_refuses_statistics_of_different_kinds():
    times = factories.StatisticFactory(value=4, form="times")
    percentage = factories.StatisticFactory(value=82, form="percentage")
    block = ComparisonChartBlock()
    value = block.to_python(
        {
            "title": "Mixed",
            "items": [
                {"statistic": times.pk, "short_label": ""},
                {"statistic": percentage.pk, "short_label": ""},
            ],
        }
    )
    with pytest.raises(blocks.StructBlockValidationError) as error:
        block.clean(value)
    assert "one kind" in str(error.value.block_errors["items"])


def test_chart_layout_scales_bars_to_the_largest_value_and_wraps_long_labels():
    chart = bar_chart(
        [
            ChartItem("a label long enough to need a second line of text in the chart", 5, "5"),
            ChartItem("short", 10, "10"),
            ChartItem("zero", 0, "0"),
        ]
    )
    first, second, third = chart.bars
    assert len(first.label_lines) == 2
    assert second.width == chart.track_width
    assert first.width == pytest.approx(chart.track_width / 2, abs=0.1)
    assert third.width > 0  # a zero still shows a sliver
    assert first.y < second.y < third.y < chart.height


# ---------- Testimonials ----------


def test_testimonial_shows_quote_person_and_role():
    testimonial = factories.TestimonialFactory(
        quote="A much-needed initiative.", person_name="Lucy Heller", organisation="Ark"
    )
    html = render(QuotationBlock(), testimonial.pk)
    assert html.blockquote.get_text(strip=True) == "A much-needed initiative."
    assert "Lucy Heller" in html.figcaption.text and "Chief executive, Ark" in html.figcaption.text


def test_unpublished_testimonials_are_never_shown():
    draft = factories.TestimonialFactory(consent_recorded=False, live=False)
    assert render(QuotationBlock(), draft.pk).text.strip() == ""


# ---------- Questions and structured data ----------


def faq_block_html(raw):
    block = FAQBlock()
    return BeautifulSoup(block.render(block.to_python(raw)), "html.parser")


def structured_data(html):
    scripts = html.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_faq_block_shows_questions_for_its_audience_and_everyone_in_order():
    factories.FAQFactory(question="For schools?", audience="schools", sort_order=1)
    factories.FAQFactory(question="For teachers?", audience="applicants", sort_order=3)
    factories.FAQFactory(question="For everyone?", audience="everyone", sort_order=2)
    factories.FAQFactory(question="Draft?", audience="applicants", live=False, sort_order=0)

    html = faq_block_html({"heading": "Questions", "audience": "applicants", "questions": []})

    questions = [summary.get_text() for summary in html.select("details summary")]
    assert questions == ["For everyone?", "For teachers?"]


def test_faq_json_ld_parses_and_matches_the_questions_shown():
    factories.FAQFactory(
        question="Who can apply?",
        answer='<p>Teachers with <a href="https://example.org/qts">QTS</a>.</p>',
        audience="applicants",
    )
    factories.FAQFactory(question="Is there a deadline?", answer="<p>No.</p>")
    html = faq_block_html({"heading": "Questions", "audience": "applicants", "questions": []})

    data = structured_data(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "FAQPage"
    assert [q["@type"] for q in data["mainEntity"]] == ["Question", "Question"]
    assert [q["name"] for q in data["mainEntity"]] == [
        s.get_text() for s in html.select("details summary")
    ]
    answer = data["mainEntity"][0]["acceptedAnswer"]
    assert answer["@type"] == "Answer"
    assert 'href="https://example.org/qts"' in answer["text"]


def test_faq_json_ld_cannot_be_broken_out_of():
    factories.FAQFactory(
        question="</script><script>alert(1)</script>?",
        answer="<p>Fine &amp; dandy</p>",
    )
    raw = faq_block_html({"heading": "Questions", "audience": "everyone", "questions": []})
    script = raw.find("script", type="application/ld+json")
    assert "</script><script>" not in str(script)
    assert "\\u003C/script\\u003E" in script.string
    assert json.loads(script.string)["mainEntity"][0]["name"].startswith("</script>")
    # The only script on the block is the JSON-LD data.
    assert [s.get("type") for s in raw.find_all("script")] == ["application/ld+json"]


def test_chosen_questions_show_in_the_chosen_order():
    first = factories.FAQFactory(question="Chosen first?", sort_order=9)
    second = factories.FAQFactory(question="Chosen second?", sort_order=1)
    factories.FAQFactory(question="Not chosen?")
    html = faq_block_html(
        {"heading": "Questions", "audience": "everyone", "questions": [first.pk, second.pk]}
    )
    assert [s.get_text() for s in html.select("details summary")] == [
        "Chosen first?",
        "Chosen second?",
    ]


def test_a_question_for_another_audience_cannot_be_chosen():
    for_schools = factories.FAQFactory(question="For schools?", audience="schools")
    block = FAQBlock()
    value = block.to_python(
        {"heading": "Questions", "audience": "applicants", "questions": [for_schools.pk]}
    )
    with pytest.raises(blocks.StructBlockValidationError) as error:
        block.clean(value)
    assert "another audience" in str(error.value.block_errors["questions"])


def test_faq_block_without_questions_renders_nothing():
    html = faq_block_html({"heading": "Questions", "audience": "schools", "questions": []})
    assert html.text.strip() == "" and not html.find("script")


# ---------- Steps ----------


def test_steps_are_a_numbered_list():
    block = StepsBlock()
    html = BeautifulSoup(block.render(block.get_preview_value()), "html.parser")
    assert html.find("ol") is not None
    assert len(html.select("ol > li")) == 3
    assert html.select_one("li h3").get_text() == "Check you can apply"


# ---------- The block library ----------


def test_story_block_offers_the_evidence_blocks_in_their_group():
    children = StoryBlock().child_blocks
    for name in ("statistics", "comparison_chart", "testimonial", "faqs"):
        assert children[name].meta.group == "Evidence", name
    assert children["steps"].meta.group == "Structure"


def test_evidence_block_previews_use_published_records_when_there_are_some():
    statistic = factories.StatisticFactory(label="pupils counted for the preview")
    html = BeautifulSoup(
        StatisticsBandBlock().render(StatisticsBandBlock().get_preview_value()), "html.parser"
    )
    assert "pupils counted for the preview" in html.text
    assert statistic.source_title in html.text
