from django import template
from django.db.models import F, OuterRef, Subquery

from casestudies import structured_data
from casestudies.models import (
    CaseStudyPage,
    FeaturedCaseStudy,
    case_studies_on_themes,
    live_case_studies,
    with_card_images,
)
from home.sharing_cards import sharing_image_url
from home.structured_data import json_ld_script

register = template.Library()


@register.simple_tag
def featured_case_studies(limit: int = 3) -> list[CaseStudyPage]:
    """The case study index's hand-picked case studies, in order, then the most recent ones.

    One query, and two more for the cards' image renditions and setting types.
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


@register.simple_tag(takes_context=True)
def case_study_json_ld(context):
    """The case study's schema.org Article (casestudies/structured_data.py), as a script."""
    page, request = context.get("page"), context.get("request")
    if page is None or request is None:
        return ""
    data = structured_data.case_study_json_ld(
        page, request, image_url=sharing_image_url(page, request)
    )
    return json_ld_script(data)
