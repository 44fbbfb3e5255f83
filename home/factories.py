"""Factories for the site's own pages and evidence, for the tests (and the bench's query counts).

The demo content is built by `home.demo`, not from these."""

import datetime

import factory
import wagtail_factories

from home.models import (
    FAQ,
    EligibilityCriterion,
    HomePage,
    PartnerPage,
    ProgrammePage,
    ResearchPage,
    SelectionCompetency,
    StandardPage,
    Statistic,
    Testimonial,
)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    hero_heading = "Exceptional teachers, leading where it matters most"
    hero_intro = "We place great teachers in the leadership of schools for excluded children."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    introduction = "A short introduction to the page."

    class Meta:
        model = StandardPage


class ImageFactory(wagtail_factories.ImageFactory):
    description = factory.Sequence(lambda n: f"Abstract illustration {n}")


# ---------- Evidence snippets (created live, without revisions) ----------


class StatisticFactory(factory.django.DjangoModelFactory):
    value = 41
    form = Statistic.Form.COUNT
    label = factory.Sequence(lambda n: f"pupils counted in example figure {n}")
    source_title = "Making the Difference (IPPR)"
    source_url = "https://www.ippr.org/research/publications/making-the-difference"
    as_of = datetime.date(2017, 10, 1)
    live = True

    class Meta:
        model = Statistic


class TestimonialFactory(factory.django.DjangoModelFactory):
    quote = factory.Sequence(lambda n: f"Example quotation number {n} about the programme.")
    person_name = factory.Sequence(lambda n: f"Person {n}")
    role = "Chief executive"
    organisation = "Example Trust"
    consent_recorded = True
    live = True

    class Meta:
        model = Testimonial


class FAQFactory(factory.django.DjangoModelFactory):
    question = factory.Sequence(lambda n: f"Example question {n}?")
    answer = "<p>An example answer.</p>"
    audience = "everyone"
    sort_order = factory.Sequence(lambda n: n)
    live = True

    class Meta:
        model = FAQ


# ---------- Programme, partner and research pages ----------


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = "The Difference Leadership Programme"
    slug = "the-programme"
    introduction = "Two years as a senior leader in a school for excluded pupils."
    apply_email = "apply@example.org"

    class Meta:
        model = ProgrammePage


class EligibilityCriterionFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ProgrammePageFactory)
    name = factory.Sequence(lambda n: f"Criterion {n}")
    sort_order = factory.Sequence(lambda n: n)
    description = "What the criterion means."
    if_not_met = "What to do instead."

    class Meta:
        model = EligibilityCriterion


class SelectionCompetencyFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ProgrammePageFactory)
    name = factory.Sequence(lambda n: f"Competency {n}")
    sort_order = factory.Sequence(lambda n: n)
    description = "What we look for."

    class Meta:
        model = SelectionCompetency


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = "Partner with us"
    slug = "partner-with-us"
    introduction = "Host a Difference Leader on your senior team."
    interest_email = "partnerships@example.org"

    class Meta:
        model = PartnerPage


class ResearchPageFactory(wagtail_factories.PageFactory):
    title = "Our research"
    slug = "our-research"
    introduction = "The report behind The Difference."

    class Meta:
        model = ResearchPage
