"""Case studies' own blocks: key facts, the people involved and a tiered approach.

`CaseStudyStoryBlock` is the shared `StoryBlock` (which already has quotes, testimonials and
statistics) plus the people involved and the tiered approach. Key facts have a stream of their
own (`KeyFactsBlock`), shown as a panel beside the story.
"""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import StatisticChooserBlock, StoryBlock

SOURCE_HELP = "Where the figure or judgement comes from, such as 'Ofsted report, May 2015'."


class FactStateBlock(blocks.StructBlock):
    value = blocks.CharBlock(
        required=False, max_length=80, help_text="For example 'Special measures' or '62%'."
    )
    date = blocks.CharBlock(
        required=False, max_length=40, help_text="When it applied, such as 'May 2015' or '2019'."
    )


class KeyFactBlock(blocks.StructBlock):
    """One fact, or a change from before to after, with its source."""

    label = blocks.CharBlock(max_length=80, help_text="For example 'Ofsted judgement'.")
    before = FactStateBlock(
        required=False,
        help_text="Leave empty for a fact that did not change (the number of sites, say).",
    )
    after = FactStateBlock(label="Now (or after)")
    source = blocks.CharBlock(required=False, max_length=200, help_text=SOURCE_HELP)
    source_url = blocks.URLBlock(required=False, label="Source URL")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value["after"]["value"]:
            errors["after"] = "Give the fact, or what it became."
        if value["before"]["date"] and not value["before"]["value"]:
            errors["before"] = "Give what it was then, or leave the date empty too."
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "list-ul"
        template = "components/streamfield/key_fact_block.html"
        description = "A fact about the school, or how it changed, with dates and its source."
        preview_value = {
            "label": "Ofsted judgement",
            "before": {"value": "Special measures", "date": "2015"},
            "after": {"value": "Good", "date": "2019"},
            "source": "Ofsted inspection reports",
        }


class KeyFactsBlock(blocks.StreamBlock):
    """The key-facts panel: facts, and statistics from the shared list."""

    fact = KeyFactBlock()
    statistic = StatisticChooserBlock()

    class Meta:
        template = "components/streamfield/key_facts_block.html"


class PersonInvolvedBlock(blocks.StructBlock):
    person = SnippetChooserBlock(
        "hub.Person",
        required=False,
        help_text="A Difference Leader or another person with a profile: their name and role "
        "come from it, and link to their page. Or type a name and role below.",
    )
    name = blocks.CharBlock(required=False, max_length=120)
    role = blocks.CharBlock(
        required=False, max_length=160, help_text="Their role in this story, such as 'SENCO'."
    )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("person") and not value.get("name"):
            raise blocks.StructBlockValidationError(
                block_errors={"name": "Choose a person or type their name."}
            )
        return value


class PeopleInvolvedBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="The people involved")
    people = blocks.ListBlock(PersonInvolvedBlock(), min_num=1, max_num=20)

    class Meta:
        icon = "group"
        template = "components/streamfield/people_involved_block.html"
        description = "The named adults of the story, each with their role. Name only adults "
        "who have agreed to be named."
        preview_value = {
            "heading": "The people involved",
            "people": [
                {"name": "Gill Kelly", "role": "Interim executive principal"},
                {"name": "Lisa", "role": "Secondary SENCO"},
            ],
        }


class TierBlock(blocks.StructBlock):
    tier = blocks.CharBlock(max_length=40, help_text="For example 'Tier 1'.")
    title = blocks.CharBlock(max_length=120, help_text="For example 'Universal'.")
    what_happens = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"])
    partners = blocks.ListBlock(
        blocks.CharBlock(max_length=120),
        min_num=0,
        max_num=12,
        label="Partners involved",
        help_text="Organisations or people outside the school who take part at this tier.",
    )


class TieredApproachBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    introduction = blocks.TextBlock(required=False, max_length=600)
    tiers = blocks.ListBlock(TierBlock(), min_num=2, max_num=6)

    class Meta:
        icon = "order"
        template = "components/streamfield/tiered_approach_block.html"
        description = "A whole-school model in tiers: what happens at each and who is involved."
        preview_value = {
            "heading": "Three tiers of support",
            "tiers": [
                {
                    "tier": "Tier 1",
                    "title": "Universal",
                    "what_happens": "<p>Every pupil: clear routines and staff trained to spot "
                    "need early.</p>",
                    "partners": [],
                },
                {
                    "tier": "Tier 2",
                    "title": "Preventative",
                    "what_happens": "<p>Small groups and mentoring for pupils at risk.</p>",
                    "partners": ["A local youth charity"],
                },
            ],
        }


class CaseStudyStoryBlock(StoryBlock):
    """The shared body blocks, plus the people involved and a tiered approach."""

    people = PeopleInvolvedBlock(group="Structure", label="People involved")
    tiered_approach = TieredApproachBlock(group="Structure")
    statistic = StatisticChooserBlock(group="Evidence", label="One statistic")

    class Meta:
        template = "components/streamfield/story_block.html"
