from .article import ArticleAuthor, ArticlePage, ArticleType
from .index import HubFeaturedArticle, HubIndexPage, hub_facets
from .people import Person

__all__ = [
    "ArticleAuthor",
    "ArticlePage",
    "ArticleType",
    "HubFeaturedArticle",
    "HubIndexPage",
    "Person",
    "hub_facets",
]
