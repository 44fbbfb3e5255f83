from django import template
from django.db.models import F, OuterRef, Subquery

from casestudies.models import (
    CaseStudyPage,
    FeaturedCaseStudy,
    case_studies_on_themes,
    live_case_studies,
    with_card_images,
)

register = template.Library()


@register.simple_tag
def featured_case_studies(limit: int = 3) -> list[CaseStudyPage]:
    """The case study index's hand-picked case studies, in order, then the most recent ones.

    One query, and two more for the cards' images and their renditions.
    """
    rank = FeaturedCaseStudy.objects.filter(case_study=OuterRef("pk")).values("sort_order")[:1]
    return list(
        with_card_images(
            live_case_studies()
            .annotate(featured_rank=Subquery(rank))
            .order_by(F("featured_rank").asc(nulls_last=True), *CaseStudyPage.NEWEST_FIRST)
            .defer_streamfields()
        )[:limit]
    )


@register.simple_tag
def related_case_studies(topics) -> list[CaseStudyPage]:
    """Live, public case studies sharing the most of these topics (a hub article's), then the
    newest: how other sections show related stories without knowing case studies' models."""
    return case_studies_on_themes(topic.pk for topic in topics)
