"""The knowledge hub's index: the listing of articles (search and filters), author and topic
pages, feeds, and the articles featured on the home page."""

from django.db import models
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable
from wagtail.search import index

from home.models import BasePage
from hub.feeds import AtomFeed, RssFeed
from listings.facets import ChoiceFacet, RelatedFacet, YearFacet
from listings.listing import Listing
from listings.restrictions import exclude_private
from listings.subpages import SubPage
from taxonomy.models import SettingType, Topic

from .article import (
    RESERVED_SLUGS,
    TOPICS_A_TO_Z,
    ArticlePage,
    ArticleType,
    card_prefetch,
)
from .people import Person


def hub_facets(*, topic: bool = True, author: bool = True):
    """The hub's filters. Topic and author pages leave out the one they are about."""
    facets = []
    if topic:
        facets.append(
            RelatedFacet("topic", "Topic", TOPICS_A_TO_Z, lookup="topics", reverse="articles")
        )
    facets.append(ChoiceFacet("type", "Type", "article_type", ArticleType.choices))
    if author:
        facets.append(
            RelatedFacet(
                "author",
                "Author",
                Person,
                lookup="authors__person",
                reverse="article_authorships__page",
                label_fields=("given_names", "family_name"),
            )
        )
    facets.append(
        RelatedFacet("setting", "Setting", SettingType, lookup="setting_types", reverse="articles")
    )
    facets.append(YearFacet("year", "Year", "first_published"))
    return facets


class HubIndexPage(RoutablePageMixin, BasePage):
    """The knowledge hub: every article, searchable and filterable, with author and topic pages.

    Author and topic pages are routes of this page (`authors/<slug>/`, `topics/<slug>/`), not
    pages of their own: people and topics are snippets shared with case studies, so a route
    shows each one from its single record, with no page tree to keep in step, and the listing
    machinery and templates of the hub are reused as they are.
    """

    introduction = models.TextField(max_length=600, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [InlinePanel("featured_articles", max_num=3, label="Featured article")],
            heading="Featured on the home page",
            help_text="Up to three articles for the home page, in order. Empty places are "
            "filled with the latest articles.",
        ),
    ]

    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["hub.ArticlePage"]
    max_count = 1
    template = "pages/hub_index_page.html"

    PER_PAGE = 12
    FEED_ITEMS = 20
    # Addresses the routes below use: an article may not take one of these as its slug.
    RESERVED_SLUGS = RESERVED_SLUGS

    class Meta:
        verbose_name = "knowledge hub"

    @property
    def meta_description(self) -> str:
        return self.search_description or self.introduction[:160]

    # --- the articles ---

    def articles(self):
        """Live, public articles of this hub (kept for the request: `exclude_private` costs a
        query, to list the view restrictions)."""
        if "_articles" not in self.__dict__:
            self._articles = exclude_private(ArticlePage.objects.child_of(self).live())
        return self._articles.all()

    def feed_articles(self, topic=None):
        """The newest articles for a feed (all of them, or a topic's), with what an item shows."""
        articles = self.articles()
        if topic is not None:
            articles = articles.filter(topics=topic)
        return articles.order_by("-first_published", "-pk").prefetch_related(*card_prefetch())[
            : self.FEED_ITEMS
        ]

    def listing(self, request, queryset=None, *, topic=True, author=True, searchable=True):
        """The hub's listing; `queryset` narrows it (a topic's articles), searched in two steps:
        the backend searches the hub's live, public articles (filters it indexes: path, depth,
        live), and the hits are narrowed to `queryset` in SQL."""
        return Listing(
            request,
            self.articles() if queryset is None else queryset,
            hub_facets(topic=topic, author=author),
            ordering=("-first_published", "-pk"),
            per_page=self.PER_PAGE,
            searchable=searchable,
            search_queryset=None if queryset is None else self.articles(),
            search_text=ArticlePage.search_text,
            prefetch=card_prefetch(),
        )

    def get_context(self, request, *args, listing=True, **kwargs):
        # Worked out when the page's fragments are drawn, not when they come from the cache.
        context = super().get_context(request, *args, **kwargs)
        if listing:
            context["listing"] = SimpleLazyObject(lambda: self.listing(request))
            context["feeds"] = SimpleLazyObject(lambda: self.feed_links(request))
        context["hub_nav"] = SimpleLazyObject(lambda: self.hub_nav(request))
        return context

    # --- routing ---

    def route(self, request, path_components):
        # An article in one query, with the rows its page shows beside it, instead of Wagtail's
        # two; its authors and topics are fetched when it is drawn (ArticlePage.prepare_to_draw).
        if len(path_components) == 1 and path_components[0] not in self.RESERVED_SLUGS:
            article = (
                ArticlePage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("phase", "document", "image")
                .first()
            )
            if article is not None:
                # As BasePage.route does: the article knows its hub and the pages above it.
                article._hub_page = self
                return self.route_to_child(request, article)
        return super().route(request, path_components)

    def subpage_url(self, name: str, request=None, **kwargs) -> str:
        return self.get_url(request) + self.reverse_subpage(name, kwargs=kwargs or None)

    def subpage_full_url(self, name: str, request=None, **kwargs) -> str:
        return self.get_full_url(request) + self.reverse_subpage(name, kwargs=kwargs or None)

    def feed_links(self, request=None, topic=None) -> list[dict]:
        """<link rel="alternate"> for this hub's feeds, and a topic's when given."""
        links = []
        if topic is not None:
            links += [
                {
                    "title": f"{topic.name}: {self.title} (RSS)",
                    "type": "application/rss+xml",
                    "url": self.subpage_url("topic_rss", request, slug=topic.slug),
                },
                {
                    "title": f"{topic.name}: {self.title} (Atom)",
                    "type": "application/atom+xml",
                    "url": self.subpage_url("topic_atom", request, slug=topic.slug),
                },
            ]
        links += [
            {
                "title": f"{self.title} (RSS)",
                "type": "application/rss+xml",
                "url": self.subpage_url("rss", request),
            },
            {
                "title": f"{self.title} (Atom)",
                "type": "application/atom+xml",
                "url": self.subpage_url("atom", request),
            },
        ]
        return links

    def hub_nav(self, request=None) -> dict:
        """The hub's own links, shown on each of its pages."""
        return {
            "hub_url": self.get_url(request),
            "topics_url": self.subpage_url("topics", request),
            "authors_url": self.subpage_url("authors", request),
            "rss_url": self.subpage_url("rss", request),
            "atom_url": self.subpage_url("atom", request),
        }

    @path("authors/", name="authors")
    def authors_route(self, request):
        people = (
            Person.objects.filter(
                live=True,
                show_profile_publicly=True,
                article_authorships__page__in=self.articles().values("pk"),
            )
            .annotate(article_count=models.Count("article_authorships", distinct=True))
            .select_related("photo")
            .order_by("family_name", "given_names")
        )
        subpage = SubPage(
            parent=self,
            title="Authors",
            url=self.subpage_url("authors", request),
            full_url=self.subpage_full_url("authors", request),
            meta_description=f"The Difference Leaders and staff who write for the {self.title}.",
        )
        return self.render(
            request,
            template="pages/hub_authors_page.html",
            context_overrides={"page": subpage, "hub": self, "people": people},
            listing=False,
        )

    def author_context(self, request, person: Person) -> dict:
        url = self.subpage_url("author", request, slug=person.slug)
        articles = self.articles().filter(authors__person=person).distinct()
        listing = SimpleLazyObject(
            lambda: Listing(
                request,
                articles,
                ordering=("-first_published", "-pk"),
                per_page=self.PER_PAGE,
                prefetch=card_prefetch(),
            )
        )
        description = person.bio[:160] or f"Articles and talks by {person.name}."
        return {
            "page": SubPage(
                parent=self,
                title=person.name,
                url=url,
                full_url=self.subpage_full_url("author", request, slug=person.slug),
                meta_description=description,
                sharing_image=person.photo,
            ),
            "self": self,
            "hub": self,
            "hub_nav": SimpleLazyObject(lambda: self.hub_nav(request)),
            "person": person,
            "listing": listing,
            "feeds": SimpleLazyObject(lambda: self.feed_links(request)),
            "person_json_ld": {
                "@context": "https://schema.org",
                "@type": "ProfilePage",
                "url": request.build_absolute_uri(url),
                "mainEntity": {
                    "@type": "Person",
                    "name": person.name,
                    **({"jobTitle": person.role} if person.role else {}),
                    **(
                        {"affiliation": {"@type": "Organization", "name": person.school}}
                        if person.school
                        else {}
                    ),
                    **({"description": person.bio} if person.bio else {}),
                    "sameAs": [link.value["url"] for link in person.links],
                },
            },
        }

    @path("authors/<slug:slug>/", name="author")
    def author_route(self, request, slug):
        person = get_object_or_404(
            Person.objects.select_related("photo"),
            slug=slug,
            live=True,
            show_profile_publicly=True,
        )
        return self.render(
            request,
            template="pages/author_page.html",
            context_overrides=self.author_context(request, person),
            listing=False,
        )

    @path("topics/", name="topics")
    def topics_route(self, request):
        topics = (
            Topic.objects.filter(articles__in=self.articles().values("pk"))
            .annotate(article_count=models.Count("articles", distinct=True))
            .order_by(Lower("name"))
        )
        subpage = SubPage(
            parent=self,
            title="Topics",
            url=self.subpage_url("topics", request),
            full_url=self.subpage_full_url("topics", request),
            meta_description=f"Every topic of the {self.title}, with its articles and feeds.",
        )
        return self.render(
            request,
            template="pages/hub_topics_page.html",
            context_overrides={"page": subpage, "hub": self, "topics": topics},
            listing=False,
        )

    @path("topics/<slug:slug>/", name="topic")
    def topic_route(self, request, slug):
        topic = get_object_or_404(Topic, slug=slug)
        listing = SimpleLazyObject(
            lambda: self.listing(request, self.articles().filter(topics=topic), topic=False)
        )
        subpage = SubPage(
            parent=self,
            title=topic.name,
            url=self.subpage_url("topic", request, slug=slug),
            full_url=self.subpage_full_url("topic", request, slug=slug),
            meta_description=topic.description[:160]
            or f"Research, enquiries and talks on {topic.name.lower()} from Difference Leaders.",
        )
        return self.render(
            request,
            template="pages/topic_page.html",
            context_overrides={
                "page": subpage,
                "hub": self,
                "topic": topic,
                "listing": listing,
                "feeds": SimpleLazyObject(lambda: self.feed_links(request, topic)),
                "topic_feeds": SimpleLazyObject(
                    lambda: {
                        "rss": self.subpage_url("topic_rss", request, slug=slug),
                        "atom": self.subpage_url("topic_atom", request, slug=slug),
                    }
                ),
            },
            listing=False,
        )

    @path("feed/rss/", name="rss")
    def rss_route(self, request):
        return RssFeed()(request, hub=self)

    @path("feed/atom/", name="atom")
    def atom_route(self, request):
        return AtomFeed()(request, hub=self)

    @path("topics/<slug:slug>/feed/rss/", name="topic_rss")
    def topic_rss_route(self, request, slug):
        return RssFeed()(request, hub=self, topic=get_object_or_404(Topic, slug=slug))

    @path("topics/<slug:slug>/feed/atom/", name="topic_atom")
    def topic_atom_route(self, request, slug):
        return AtomFeed()(request, hub=self, topic=get_object_or_404(Topic, slug=slug))

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if not self.live:
            return urls
        articles = self.articles().values("pk")
        people = Person.objects.filter(
            live=True, show_profile_publicly=True, article_authorships__page__in=articles
        ).distinct()
        topics = Topic.objects.filter(articles__in=articles).distinct()
        urls += [
            {"location": self.subpage_full_url("author", request, slug=p.slug)} for p in people
        ]
        urls += [{"location": self.subpage_full_url("topic", request, slug=t.slug)} for t in topics]
        return urls


class HubFeaturedArticle(Orderable):
    hub = ParentalKey(HubIndexPage, on_delete=models.CASCADE, related_name="featured_articles")
    article = models.ForeignKey(
        "hub.ArticlePage", on_delete=models.CASCADE, related_name="featured_in"
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = "featured article"
