import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Concat
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from hub.models import ArticleAuthor, ArticlePage, HubFeaturedArticle
from listings.restrictions import exclude_private

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data) -> str:
    """`data` as a <script type="application/ld+json"> element (data, not code: CSP allows it)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag
def featured_articles(limit: int = 3) -> list[ArticlePage]:
    """The hand-picked articles of the hub, in order, then the latest ones.

    One query, with the first two authors' names and the number of authors as sub-queries, so
    the cards' bylines need no second query.
    """
    rank = HubFeaturedArticle.objects.filter(article=OuterRef("pk")).values("sort_order")[:1]
    authors = ArticleAuthor.objects.filter(page=OuterRef("pk")).order_by("sort_order", "pk")
    full_name = Concat("person__given_names", Value(" "), "person__family_name")
    articles = list(
        exclude_private(ArticlePage.objects.live())
        .annotate(
            featured_rank=Subquery(rank),
            first_author=Subquery(authors.annotate(name=full_name).values("name")[:1]),
            second_author=Subquery(authors.annotate(name=full_name).values("name")[1:2]),
            author_count=Subquery(
                authors.order_by().values("page").annotate(n=Count("pk")).values("n")[:1]
            ),
        )
        .order_by(F("featured_rank").asc(nulls_last=True), "-first_published", "-pk")
        .defer_streamfields()[:limit]
    )
    for article in articles:
        names = [n for n in (article.first_author, article.second_author) if n]
        others = (article.author_count or 0) - len(names)
        if others > 0:
            names = [names[0], f"{others + 1} others"]
        article.byline_text = " and ".join(names)
    return articles
