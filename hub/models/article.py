"""The hub's articles: research, enquiries, talks, reflections and reviews by Difference Leaders."""

import math
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.db.models.functions import Lower
from django.forms import CheckboxSelectMultiple
from django.utils.functional import SimpleLazyObject, cached_property
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
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from home.models import BasePage
from home.sharing_cards import sharing_image_url
from hub.blocks import ArticleStoryBlock, cited_keys
from hub.citations import apa, bibtex, json_ld
from listings.restrictions import exclude_private
from listings.search import stream_text
from taxonomy.models import SettingType, Topic

from .people import Person

WORDS_PER_MINUTE = 230
RELATED_ARTICLES = 3
# Addresses the hub's own routes use (author, topic and feed pages): no article may take one.
RESERVED_SLUGS = frozenset({"authors", "topics", "feed"})


class ArticleType(models.TextChoices):
    RESEARCH = "research", "Research article"
    ENQUIRY = "enquiry", "Practitioner enquiry"
    TALK = "talk", "Talk or presentation"
    REFLECTION = "reflection", "Reflection"
    REVIEW = "review", "Review"


# Alphabetical whatever the database's collation: "SEND" beside "Science", not before it.
TOPICS_A_TO_Z = Topic.objects.order_by(Lower("name"))


def card_prefetch():
    """What a card of an article shows beyond its own columns: its authors and its topics."""
    return [author_prefetch(), Prefetch("topics", queryset=TOPICS_A_TO_Z)]


def author_prefetch(*related: str) -> Prefetch:
    """An article's authors in order, with their people (and anything `related` of theirs)."""
    return Prefetch(
        "authors",
        queryset=ArticleAuthor.objects.select_related("person", *related).order_by("sort_order"),
    )


@dataclass
class TocEntry:
    text: str
    anchor: str
    children: list = field(default_factory=list)


class ArticleAuthor(Orderable):
    page = ParentalKey("hub.ArticlePage", on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="article_authorships")

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = "author"


def reserved_slug_message(slug: str) -> str:
    return f"'{slug}' is used by the hub's own pages: choose another slug."


class ArticlePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        # Checked here as well as in the model's clean(), which Wagtail skips for drafts: a draft
        # (autosaved too) with the slug "authors" would hide the hub's authors page once published.
        slug = cleaned_data.get("slug")
        if slug in RESERVED_SLUGS:
            self.add_error("slug", reserved_slug_message(slug))
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
    body = StreamField(
        ArticleStoryBlock(),
        help_text="The article. Headings make its table of contents; a Paragraph cites with "
        "[@key], which the References block lists. "
        + "Choose + to add a block: headings, text, images, evidence and more. Each block shows a preview and what it is for.",
    )
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
            .prefetch_related(author_prefetch())[:limit]
        )

    # --- validation and saving ---

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = reserved_slug_message(self.slug)
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

    def prepare_to_draw(self):
        """The authors (with their photos), topics and setting types with the images, in three
        queries, whatever the template asks of them. The hub's route fetches the article alone:
        served from the fragment cache, it needs none of these."""
        if not getattr(self, "_prepared_to_draw", False):
            prefetch_related_objects(
                [self], author_prefetch("person__photo"), "topics", "setting_types"
            )
        super().prepare_to_draw()

    def author_links(self, request, hub) -> list[dict]:
        """The authors in order, each with their page's address if they have a public one."""
        return [
            {
                "person": person,
                "url": hub.subpage_url("author", request, slug=person.slug)
                if hub is not None and person.has_public_profile
                else "",
            }
            for person in self.author_people
        ]

    def structured_data(self, request, authors) -> dict:
        """The article's schema.org data (hub/citations.py), for `{% article_json_ld %}`."""
        site = Site.find_for_request(request)
        return json_ld(
            self,
            self.get_full_url(request) or "",
            site_url=f"{site.root_url}/" if site else "",
            author_urls={
                author["person"].pk: request.build_absolute_uri(author["url"])
                for author in authors
                if author["url"]
            },
            image_url=sharing_image_url(self, request),  # its own image, else its drawn card
        )

    def get_context(self, request, *args, **kwargs):
        # Everything here is worked out when the page's fragments are drawn, not when they come
        # from the cache.
        context = super().get_context(request, *args, **kwargs)
        hub = self.get_hub()
        url = SimpleLazyObject(lambda: self.get_full_url(request) or "")
        context.update(
            {
                "hub": hub,
                "authors": SimpleLazyObject(lambda: self.author_links(request, hub)),
                "reference_numbers": SimpleLazyObject(lambda: self.reference_numbers),
                "related_articles": SimpleLazyObject(self.related_articles),
                "apa": SimpleLazyObject(lambda: apa(self, str(url))),
                "bibtex": SimpleLazyObject(lambda: bibtex(self, str(url))),
                "feeds": SimpleLazyObject(lambda: hub.feed_links(request) if hub else []),
                "hub_nav": SimpleLazyObject(lambda: hub.hub_nav(request) if hub else {}),
            }
        )
        return context

    def get_hub(self):
        """The hub this article belongs to (its parent): set by the hub's route, else looked up
        (a preview, a test)."""
        hub = getattr(self, "_hub_page", None)
        if hub is None and self.path:
            hub = Page.objects.filter(path=self.path[: -self.steplen]).specific().first()
            self._hub_page = hub
        return hub
