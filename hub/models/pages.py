"""The knowledge hub: its index (listing, search, author and topic pages, feeds) and articles."""

import math
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.forms import CheckboxSelectMultiple
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.text import slugify

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from home.models import BasePage
from home.sharing_cards import sharing_image_url
from hub.blocks import ArticleStoryBlock, cited_keys
from hub.subpages import SubPage
from taxonomy.filters import ChoiceFacet, RelatedFacet, YearFacet
from taxonomy.listing import Listing, exclude_private, stream_text
from taxonomy.models import SettingType, Topic

from .people import Person

WORDS_PER_MINUTE = 230
RELATED_ARTICLES = 3
FEED_ITEMS = 20


class ArticleType(models.TextChoices):
    RESEARCH = "research", "Research article"
    ENQUIRY = "enquiry", "Practitioner enquiry"
    TALK = "talk", "Talk or presentation"
    REFLECTION = "reflection", "Reflection"
    REVIEW = "review", "Review"


# Alphabetical whatever the database's collation: "SEND" beside "Science", not before it.
TOPICS_A_TO_Z = Topic.objects.order_by(Lower("name"))


def _card_prefetch():
    """What a card of an article shows beyond its own columns: its authors and its topics."""
    return [
        Prefetch(
            "authors",
            queryset=ArticleAuthor.objects.select_related("person").order_by("sort_order"),
        ),
        Prefetch("topics", queryset=TOPICS_A_TO_Z),
    ]


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
            )
        )
    facets.append(
        RelatedFacet("setting", "Setting", SettingType, lookup="setting_types", reverse="articles")
    )
    facets.append(YearFacet("year", "Year", "first_published"))
    return facets


@dataclass
class TocEntry:
    text: str
    anchor: str
    children: list = field(default_factory=list)


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
    # Addresses the routes below use: an article may not take one of these as its slug.
    RESERVED_SLUGS = frozenset({"authors", "topics", "feed"})

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
            prefetch=_card_prefetch(),
        )

    def get_context(self, request, *args, listing=True, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if listing:
            context["listing"] = self.listing(request)
            context["feeds"] = self.feed_links(request)
        context["hub_nav"] = self.hub_nav(request)
        return context

    # --- routing ---

    def route(self, request, path_components):
        # An article in one query, with what its page shows, instead of Wagtail's two.
        if len(path_components) == 1 and path_components[0] not in self.RESERVED_SLUGS:
            article = (
                ArticlePage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("phase", "document", "image")
                .prefetch_related(
                    Prefetch(
                        "authors",
                        queryset=ArticleAuthor.objects.select_related("person__photo").order_by(
                            "sort_order"
                        ),
                    ),
                    "topics",
                    "setting_types",
                )
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
        listing = Listing(
            request,
            articles,
            ordering=("-first_published", "-pk"),
            per_page=self.PER_PAGE,
            prefetch=_card_prefetch(),
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
            "hub_nav": self.hub_nav(request),
            "person": person,
            "listing": listing,
            "feeds": self.feed_links(request),
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
        listing = self.listing(request, self.articles().filter(topics=topic), topic=False)
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
                "feeds": self.feed_links(request, topic),
                "topic_feeds": {
                    "rss": self.subpage_url("topic_rss", request, slug=slug),
                    "atom": self.subpage_url("topic_atom", request, slug=slug),
                },
            },
            listing=False,
        )

    @path("feed/rss/", name="rss")
    def rss_route(self, request):
        from hub.feeds import RssFeed

        return RssFeed()(request, hub=self)

    @path("feed/atom/", name="atom")
    def atom_route(self, request):
        from hub.feeds import AtomFeed

        return AtomFeed()(request, hub=self)

    @path("topics/<slug:slug>/feed/rss/", name="topic_rss")
    def topic_rss_route(self, request, slug):
        from hub.feeds import RssFeed

        return RssFeed()(request, hub=self, topic=get_object_or_404(Topic, slug=slug))

    @path("topics/<slug:slug>/feed/atom/", name="topic_atom")
    def topic_atom_route(self, request, slug):
        from hub.feeds import AtomFeed

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


class ArticleAuthor(Orderable):
    page = ParentalKey("hub.ArticlePage", on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="article_authorships")

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = "author"


class ArticlePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        authors = self.formsets["authors"]
        if authors.is_valid():
            people = [
                form.cleaned_data["person"]
                for form in authors.forms
                if form.cleaned_data.get("person") and not form.cleaned_data.get("DELETE")
            ]
            if len(people) != len(set(people)):
                self.add_error(None, "An author is listed twice: list each author once.")
        return cleaned_data


class ArticlePage(BasePage):
    """A piece of research, an enquiry, a talk, a reflection or a review by Difference Leaders."""

    ArticleType = ArticleType
    base_form_class = ArticlePageForm

    standfirst = models.TextField(
        max_length=400,
        help_text="One or two sentences under the title: what the piece is about and why it "
        "matters. Shown on cards and in search results.",
    )
    article_type = models.CharField(
        "type", max_length=20, choices=ArticleType.choices, default=ArticleType.RESEARCH
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. Shown at the top and when the article is shared.",
    )
    body = StreamField(ArticleStoryBlock())
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: the full paper, poster or slides (usually a PDF) to download.",
    )
    topics = ParentalManyToManyField(Topic, blank=True, related_name="articles")
    setting_types = ParentalManyToManyField(
        SettingType,
        blank=True,
        related_name="articles",
        help_text="The kinds of school the work comes from or is about.",
    )
    phase = models.ForeignKey(
        "taxonomy.Phase",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    first_published = models.DateField(
        default=date.today,
        help_text="When the work was first published or presented. Sets the order of the hub.",
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="When the content was last checked and brought up to date."
    )
    reading_time = models.PositiveSmallIntegerField(
        default=1, editable=False, help_text="Minutes, worked out from the text when saved."
    )
    event_name = models.CharField(
        max_length=200, blank=True, help_text="For example 'IncludEd conference'."
    )
    event_venue = models.CharField(max_length=200, blank=True)
    event_date = models.DateField(null=True, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("standfirst"),
        InlinePanel("authors", min_num=1, label="Author", heading="Authors, in order"),
        FieldPanel("article_type"),
        MultiFieldPanel(
            [
                FieldPanel("event_name"),
                FieldRowPanel([FieldPanel("event_venue"), FieldPanel("event_date")]),
            ],
            heading="Talk or presentation",
            help_text="Only for talks and presentations: where and when it was given.",
        ),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("document"),
    ]
    classification_panels = [
        FieldPanel("topics", widget=CheckboxSelectMultiple),
        FieldPanel("setting_types", widget=CheckboxSelectMultiple),
        FieldPanel("phase"),
        FieldRowPanel([FieldPanel("first_published"), FieldPanel("last_reviewed")]),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(classification_panels, heading="Classification"),
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(BasePage.settings_panels, heading="Settings"),
        ]
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("standfirst", boost=2),
        index.SearchField("body"),
        index.SearchField("event_name"),
        index.RelatedFields(
            "authors",
            [
                index.RelatedFields(
                    "person",
                    [index.SearchField("given_names"), index.SearchField("family_name")],
                )
            ],
        ),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("article_type"),
        index.FilterField("first_published"),
    ]

    parent_page_types = ["hub.HubIndexPage"]
    subpage_types = []
    template = "pages/article_page.html"

    class Meta:
        verbose_name = "article"

    # --- derived values ---

    @property
    def type_label(self) -> str:
        return self.get_article_type_display()

    @property
    def is_talk(self) -> bool:
        return self.article_type == ArticleType.TALK

    @property
    def listing_image(self):
        return self.image

    @property
    def meta_description(self) -> str:
        return self.search_description or self.standfirst[:160]

    @property
    def sharing_description(self) -> str:
        return self.social_text or self.search_description or self.standfirst

    @cached_property
    def author_people(self) -> list[Person]:
        return [author.person for author in self.authors.all() if author.person_id]

    @property
    def byline(self) -> str:
        """'A', 'A and B', 'A, B and C'; or as worked out in SQL for the home page's cards."""
        if hasattr(self, "byline_text"):
            return self.byline_text
        names = [person.name for person in self.author_people]
        if len(names) <= 2:
            return " and ".join(names)
        return ", ".join(names[:-1]) + " and " + names[-1]

    def body_text(self) -> str:
        """The body's words, from its stored data: no block (or image) is loaded."""
        return stream_text(self.body)

    def search_text(self) -> str:
        return f"{self.standfirst} {self.body_text()}"

    def word_count(self) -> int:
        return len(f"{self.title} {self.standfirst} {self.body_text()}".split())

    @cached_property
    def reference_numbers(self) -> dict[str, int]:
        """Each reference's key and its number, in the order of the references list."""
        for child in self.body or []:
            if child.block_type == "references":
                return {
                    reference["key"]: number
                    for number, reference in enumerate(child.value["references"], start=1)
                }
        return {}

    def numbered_body(self) -> list[tuple]:
        """The body's blocks, each with its figure number (None for anything but a figure)."""
        numbered, figures = [], 0
        for child in self.body or []:
            number = None
            if child.block_type == "figure":
                figures += 1
                number = figures
            numbered.append((child, number))
        return numbered

    def table_of_contents(self) -> list[TocEntry]:
        """h2 headings, with their h3s, and the references: as the heading blocks anchor them."""
        entries: list[TocEntry] = []
        for child in self.body or []:
            if child.block_type == "heading":
                entry = TocEntry(child.value["text"], slugify(child.value["text"]))
                if child.value["level"] == "h3" and entries:
                    entries[-1].children.append(entry)
                else:
                    entries.append(entry)
            elif child.block_type == "references":
                entries.append(TocEntry(child.value["heading"], slugify(child.value["heading"])))
        return entries

    def related_articles(self, limit: int = RELATED_ARTICLES):
        """Other articles sharing a topic with this one, newest first: two queries."""
        topic_ids = [topic.pk for topic in self.topics.all()]
        if not topic_ids:
            return []
        parent = Page(path=self.path[: -self.steplen], depth=self.depth - 1)
        return list(
            exclude_private(
                ArticlePage.objects.child_of(parent).live().filter(topics__in=topic_ids)
            )
            .exclude(pk=self.pk)
            .distinct()
            .order_by("-first_published", "-pk")
            .prefetch_related(
                Prefetch(
                    "authors",
                    queryset=ArticleAuthor.objects.select_related("person").order_by("sort_order"),
                )
            )[:limit]
        )

    # --- validation and saving ---

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in HubIndexPage.RESERVED_SLUGS:
            errors["slug"] = f"'{self.slug}' is used by the hub's own pages: choose another slug."
        if self.is_talk and not self.event_name:
            errors["event_name"] = "Say where the talk or presentation was given."
        missing = [key for key in self._cited_keys() if key not in self.reference_numbers]
        if missing:
            listed = ", ".join(f"[@{key}]" for key in missing)
            errors["body"] = (
                f"The text cites {listed}, which the references list does not have. Add a "
                "reference with that key, or correct the citation."
            )
        if errors:
            raise ValidationError(errors)

    def _cited_keys(self) -> list[str]:
        keys: list[str] = []
        for child in self.body or []:
            if child.block_type == "paragraph":
                for key in cited_keys(child.value.source):
                    if key not in keys:
                        keys.append(key)
        return keys

    def save(self, *args, **kwargs):
        self.reading_time = max(1, math.ceil(self.word_count() / WORDS_PER_MINUTE))
        return super().save(*args, **kwargs)

    # --- the page ---

    def get_context(self, request, *args, **kwargs):
        from casestudies.models import case_studies_on_themes
        from hub.citations import apa, bibtex, json_ld

        context = super().get_context(request, *args, **kwargs)
        url = self.get_full_url(request) or ""
        hub = self.get_hub()
        authors = [
            {
                "person": person,
                "url": hub.subpage_url("author", request, slug=person.slug)
                if hub is not None and person.has_public_profile
                else "",
            }
            for person in self.author_people
        ]
        site = Site.find_for_request(request)
        image_url = sharing_image_url(self, request)  # its own image, else its drawn card
        context.update(
            {
                "hub": hub,
                "authors": authors,
                "reference_numbers": self.reference_numbers,
                "related_articles": self.related_articles(),
                "related_case_studies": case_studies_on_themes(
                    topic.pk for topic in self.topics.all()
                ),
                "apa": apa(self, url),
                "bibtex": bibtex(self, url),
                "json_ld": json_ld(
                    self,
                    url,
                    site_url=f"{site.root_url}/" if site else "",
                    author_urls={
                        author["person"].pk: request.build_absolute_uri(author["url"])
                        for author in authors
                        if author["url"]
                    },
                    image_url=image_url,
                ),
                "feeds": hub.feed_links(request) if hub is not None else [],
                "hub_nav": hub.hub_nav(request) if hub is not None else {},
            }
        )
        return context

    def get_hub(self):
        """The hub this article belongs to: set by the hub's route, else one query."""
        hub = getattr(self, "_hub_page", None)
        if hub is None and self.path:
            hub = HubIndexPage.objects.filter(path=self.path[: -self.steplen]).first()
            self._hub_page = hub
        return hub
