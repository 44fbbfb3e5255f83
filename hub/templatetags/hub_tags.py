from django import template
from django.db.models import Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Concat
from django.utils.html import format_html_join

from home.structured_data import absolute_url, json_ld_script
from hub.citations import highwire_tags
from hub.models import ArticleAuthor, ArticlePage, HubFeaturedArticle
from listings.restrictions import exclude_private

register = template.Library()


@register.filter(is_safe=True)
def json_ld(data) -> str:
    """`data` as a <script type="application/ld+json"> element (data, not code: CSP allows it)."""
    return json_ld_script(data)


@register.simple_tag(takes_context=True)
def article_json_ld(context):
    """The article's schema.org data as a script (ArticlePage.structured_data)."""
    page, request = context.get("page"), context.get("request")
    if page is None or request is None:
        return ""
    return json_ld_script(page.structured_data(request, context.get("authors") or []))


@register.simple_tag(takes_context=True)
def scholar_meta(context):
    """The article's Google Scholar (Highwire Press) tags, said as "Cite this" says them."""
    page, request = context.get("page"), context.get("request")
    if page is None or request is None:
        return ""
    document = page.document
    pdf_url = ""
    if document is not None and document.file_extension.lower() == "pdf":
        pdf_url = absolute_url(request, document.url)
    tags = highwire_tags(page, page.get_full_url(request) or "", pdf_url=pdf_url)
    return format_html_join("\n", '<meta name="{}" content="{}">', tags)


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
