"""Evidence blocks: statistics, a comparison chart, testimonials, questions and numbered steps.

Statistics, testimonials and questions are snippets chosen by reference, so one edit shows
everywhere. The chooser blocks fetch their records in bulk: a page with any number of them costs
one query per block type (Wagtail's StreamValue batches `bulk_to_python` by type), never one per
item. Records that are not live (drafts never published, testimonials without consent) are left
out of the page.
"""

import datetime
from collections import OrderedDict

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.safestring import mark_safe

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from home.charts import ChartItem, bar_chart
from home.rich_text import expand_rich_text_many
from home.snippets import FAQ, Audience, Statistic, Testimonial

AUDIENCE_CHOICES = [
    ("applicants", "Teachers applying"),
    ("schools", "Schools"),
    ("everyone", "Everyone"),
]


def _live(items):
    return [item for item in items if item is not None and item.live]


def _example_statistics():
    """Unsaved records for previews when the database has none to show."""
    return [
        Statistic(
            value=41,
            form=Statistic.Form.COUNT,
            label="pupils are permanently excluded from school in England every school day",
            source_title="Making the Difference (IPPR)",
            as_of=datetime.date(2017, 10, 1),
        ),
        Statistic(
            value=10,
            form=Statistic.Form.TIMES,
            label="more likely to have mental health problems",
            population="Excluded pupils, compared with all pupils",
            source_title="Making the Difference (IPPR)",
            as_of=datetime.date(2017, 10, 1),
        ),
        Statistic(
            value=4,
            form=Statistic.Form.TIMES,
            label="more likely to grow up in poverty",
            population="Excluded pupils, compared with all pupils",
            source_title="Making the Difference (IPPR)",
            as_of=datetime.date(2017, 10, 1),
        ),
    ]


def _preview_records(model, count, example):
    """Live records from the database for block previews, or unsaved examples."""
    records = list(model.objects.filter(live=True)[:count])
    return records or example()


# ---------- Chooser blocks ----------


class StatisticChooserBlock(SnippetChooserBlock):
    """One Statistic record, shown with its source and date."""

    def __init__(self, **kwargs):
        super().__init__("home.Statistic", **kwargs)

    class Meta:
        icon = "decimal"
        template = "components/streamfield/statistic_block.html"
        description = "One statistic from the shared list, shown with its source and date."
        preview_value = "The first published statistic"

    def get_preview_value(self):
        return _preview_records(Statistic, 1, _example_statistics)[0]


class TestimonialBlock(SnippetChooserBlock):
    """One Testimonial record. Only published testimonials (which all have consent) show."""

    def __init__(self, **kwargs):
        super().__init__("home.Testimonial", **kwargs)

    class Meta:
        icon = "openquote"
        template = "components/streamfield/testimonial_block.html"
        description = "A quotation from the shared list of testimonials, with who said it."
        preview_value = "The first published testimonial"

    def get_preview_value(self):
        def example():
            return [
                Testimonial(
                    quote="This is a much-needed initiative to address the complex problem of "
                    "school exclusion.",
                    person_name="Lucy Heller",
                    role="Chief executive",
                    organisation="Ark",
                    consent_recorded=True,
                )
            ]

        return _preview_records(Testimonial, 1, example)[0]


class FAQChooserBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("home.FAQ", **kwargs)

    class Meta:
        icon = "help"


# ---------- Statistics band ----------


class StatisticsBandBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    statistics = blocks.ListBlock(StatisticChooserBlock(), min_num=1, max_num=8)

    class Meta:
        icon = "decimal"
        template = "components/streamfield/statistics_band_block.html"
        description = (
            "Up to eight statistics side by side, each from the shared list, with its source."
        )
        preview_value = {"heading": "Why it matters"}

    def get_preview_value(self):
        return self.normalize(
            {
                "heading": "Why it matters",
                "statistics": _preview_records(Statistic, 3, _example_statistics),
            }
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["statistics"] = _live(value["statistics"])
        return context


# ---------- Comparison chart ----------


class ChartItemBlock(blocks.StructBlock):
    statistic = StatisticChooserBlock()
    short_label = blocks.CharBlock(
        required=False,
        max_length=80,
        help_text="Shorter words for the chart, such as 'to grow up in poverty'. "
        "Defaults to the statistic's label.",
    )


class ComparisonChartBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=160,
        help_text="Says what the bars compare: 'How much more likely excluded pupils are than "
        "other pupils to ...'.",
    )
    items = blocks.ListBlock(ChartItemBlock(), min_num=2, max_num=8, label="Bars")

    class Meta:
        icon = "sliders"
        template = "components/streamfield/comparison_chart_block.html"
        description = (
            "A bar chart comparing statistics of the same kind, drawn without JavaScript, "
            "with its sources and a table of the data."
        )
        preview_value = {"title": "How much more likely excluded pupils are than other pupils"}

    def get_preview_value(self):
        statistics = [
            statistic
            for statistic in _preview_records(Statistic, 8, _example_statistics)
            if statistic.form == "times"
        ] or [s for s in _example_statistics() if s.form == "times"]
        # Bars about the same people only, as the title promises: the largest group of "times"
        # figures that share a population ("Excluded pupils, compared with all pupils").
        by_population = {}
        for statistic in statistics:
            by_population.setdefault(statistic.population, []).append(statistic)
        statistics = max(by_population.values(), key=len)
        return self.normalize(
            {
                "title": "How much more likely excluded pupils are than other pupils",
                "items": [{"statistic": statistic, "short_label": ""} for statistic in statistics],
            }
        )

    def clean(self, value):
        value = super().clean(value)
        forms = {item["statistic"].form for item in value["items"] if item["statistic"]}
        if len(forms) > 1:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "items": ErrorList(
                        [
                            ValidationError(
                                "Compare statistics of one kind only: all percentages, "
                                "or all 'times more likely', for example."
                            )
                        ]
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        rows = [
            (item["short_label"] or item["statistic"].label, item["statistic"])
            for item in value["items"]
            if item["statistic"] is not None and item["statistic"].live
        ]
        chart = bar_chart(
            [
                ChartItem(
                    label=label, value=statistic.chart_value, value_text=statistic.display_value
                )
                for label, statistic in rows
            ]
        )
        sources = OrderedDict()
        for _label, statistic in rows:
            sources.setdefault(
                (statistic.source_title, statistic.as_of_display), statistic.source_url
            )
        context.update(
            {
                "chart": chart,
                "rows": [
                    {"label": label, "statistic": statistic, "bar": bar}
                    for (label, statistic), bar in zip(rows, chart.bars, strict=True)
                ],
                "sources": [
                    {"title": title, "as_of": as_of, "url": url}
                    for (title, as_of), url in sources.items()
                ],
                "description": " ".join(
                    f"{label}: {statistic.display_value}." for label, statistic in rows
                ),
            }
        )
        return context


# ---------- Questions ----------


class FAQBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Questions and answers")
    audience = blocks.ChoiceBlock(
        choices=AUDIENCE_CHOICES,
        default="everyone",
        help_text="Whose questions to show. Questions marked 'Everyone' show for every audience.",
    )
    questions = blocks.ListBlock(
        FAQChooserBlock(),
        min_num=0,
        max_num=30,
        help_text="Leave empty to show every published question for this audience, in the "
        "order set under Evidence > Frequently asked questions.",
    )

    class Meta:
        icon = "help"
        template = "components/streamfield/faq_block.html"
        description = (
            "Questions and answers from the shared list, for teachers, schools or everyone; "
            "search engines can read them too."
        )
        preview_value = {"heading": "Questions and answers", "audience": "everyone"}

    def get_preview_value(self):
        def example():
            return [
                FAQ(
                    question="Who can apply?",
                    answer="<p>Qualified teachers with at least three years in mainstream "
                    "schools.</p>",
                    audience="applicants",
                ),
                FAQ(
                    question="Which schools can host a Difference Leader?",
                    answer="<p>Alternative provision rated Good or Outstanding.</p>",
                    audience="schools",
                ),
            ]

        return self.normalize(
            {
                "heading": "Questions and answers",
                "audience": "everyone",
                "questions": _preview_records(FAQ, 4, example),
            }
        )

    def clean(self, value):
        value = super().clean(value)
        allowed = set(Audience.shown_to(value["audience"]))
        wrong = [faq.question for faq in value["questions"] if faq and faq.audience not in allowed]
        if wrong:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "questions": ErrorList(
                        [
                            ValidationError(
                                "These questions are for another audience: " + "; ".join(wrong)
                            )
                        ]
                    )
                }
            )
        return value

    def questions_for(self, value):
        """The live questions the block shows, in order: those chosen, or all for its audience."""
        if value["questions"]:
            return _live(value["questions"])
        return list(
            FAQ.objects.filter(live=True, audience__in=Audience.shown_to(value["audience"]))
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        faqs = self.questions_for(value)
        answers = expand_rich_text_many([faq.answer for faq in faqs])
        items = [
            {"question": faq.question, "answer": mark_safe(answer)}  # noqa: S308 - editor rich text
            for faq, answer in zip(faqs, answers, strict=True)
        ]
        context["items"] = items
        context["structured_data"] = {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": item["question"],
                    "acceptedAnswer": {"@type": "Answer", "text": str(item["answer"])},
                }
                for item in items
            ],
        }
        return context


# ---------- Numbered steps ----------


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, max_length=600)


class StepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    steps = blocks.ListBlock(StepBlock(), min_num=2, max_num=12)

    class Meta:
        icon = "list-ol"
        template = "components/streamfield/steps_block.html"
        description = "Numbered steps in order, such as how to apply."
        preview_value = {
            "heading": "How to apply",
            "steps": [
                {"title": "Check you can apply", "text": "Read the criteria above."},
                {"title": "Tell us about yourself", "text": "Email us your CV and a short letter."},
                {
                    "title": "Meet us",
                    "text": "We talk about your teaching and what you hope to learn.",
                },
            ],
        }
