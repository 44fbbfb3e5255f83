"""Case studies: structured stories of schools, leaders and local areas, and their index."""

from django.conf import settings
from django.db import models
from django.db.models import Count, F, Q, prefetch_related_objects
from django.forms import CheckboxSelectMultiple
from django.utils.functional import SimpleLazyObject, cached_property

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.log_actions import log
from wagtail.models import Orderable
from wagtail.search import index

from home.models import BasePage
from hub.models import ArticlePage
from hub.models.article import author_prefetch
from listings.facets import ChoiceFacet, RelatedFacet
from listings.listing import Listing
from listings.restrictions import exclude_private
from listings.search import stream_text
from taxonomy import places
from taxonomy.models import Phase, SettingType, Topic

from . import safeguarding
from .blocks import CaseStudyStoryBlock, KeyFactsBlock

RELATED_ITEMS = 3

SECTIONS = (
    ("starting_point", "The starting point"),
    ("what_changed", "What changed"),
    ("impact", "The impact"),
)


class Subject(models.TextChoices):
    SCHOOL = "school", "A school"
    LEADER = "leader", "A leader"
    AREA = "area", "A local area"


def with_card_images(queryset):
    """Case studies with what a card shows beyond their own columns: the image (joined), its
    renditions and the setting types (named on a card without a picture): two more queries,
    for any number of cards."""
    return queryset.select_related("image").prefetch_related("image__renditions", "setting_types")


def case_study_facets():
    return [
        RelatedFacet(
            "setting", "Setting", SettingType, lookup="setting_types", reverse="case_studies"
        ),
        ChoiceFacet("region", "Region", "region", places.REGIONS),
        RelatedFacet("theme", "Theme", Topic, lookup="themes", reverse="case_studies"),
        RelatedFacet("phase", "Phase", Phase, lookup="phase", reverse="case_studies"),
    ]


def live_case_studies():
    return exclude_private(CaseStudyPage.objects.live())


def case_studies_on_themes(topic_ids, *, exclude=None, limit: int = RELATED_ITEMS):
    """Live, public case studies sharing the most of these themes, then the newest: one query
    (and two for their images). Used by a case study's and a hub article's "related" lists."""
    topic_ids = list(topic_ids)
    if not topic_ids:
        return []
    queryset = live_case_studies().filter(themes__in=topic_ids)
    if exclude is not None:
        queryset = queryset.exclude(pk=exclude.pk)
    return list(
        with_card_images(
            queryset.annotate(shared=Count("themes", filter=Q(themes__in=topic_ids)))
            .order_by("-shared", *CaseStudyPage.NEWEST_FIRST)
            .defer_streamfields()
            .select_related("phase")
        )[:limit]
    )


class CaseStudyIndexPage(BasePage):
    """Every case study, filterable by setting type, region, theme and phase."""

    introduction = models.TextField(max_length=600, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [InlinePanel("featured_case_studies", max_num=3, label="Featured case study")],
            heading="Featured on the home page and the partner page",
            help_text="Up to three case studies, in order. Empty places are filled with the "
            "most recent case studies.",
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.CaseStudyPage"]
    max_count = 1
    template = "pages/case_study_index_page.html"

    PER_PAGE = 12

    class Meta:
        verbose_name = "case study index"
        verbose_name_plural = "case study indexes"

    @property
    def meta_description(self) -> str:
        return self.search_description or self.introduction[:160]

    def case_studies(self):
        return exclude_private(CaseStudyPage.objects.child_of(self).live()).select_related("image")

    def listing(self, request) -> Listing:
        return Listing(
            request,
            self.case_studies(),
            case_study_facets(),
            ordering=CaseStudyPage.NEWEST_FIRST,
            per_page=self.PER_PAGE,
            searchable=True,
            search_text=CaseStudyPage.search_text,
            prefetch=["image__renditions", "setting_types"],
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Worked out when the page's fragments are drawn, not when they come from the cache.
        context["listing"] = SimpleLazyObject(lambda: self.listing(request))
        return context

    def route(self, request, path_components):
        # A case study in one query, with the rows its page shows beside it, instead of
        # Wagtail's two; its themes and setting types are fetched when it is drawn
        # (CaseStudyPage.prepare_to_draw).
        if len(path_components) == 1:
            case_study = (
                CaseStudyPage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("phase", "image")
                .first()
            )
            if case_study is not None:
                return self.route_to_child(request, case_study)
        return super().route(request, path_components)


class FeaturedCaseStudy(Orderable):
    index = ParentalKey(
        CaseStudyIndexPage, on_delete=models.CASCADE, related_name="featured_case_studies"
    )
    case_study = models.ForeignKey(
        "casestudies.CaseStudyPage", on_delete=models.CASCADE, related_name="featured_in"
    )

    panels = [FieldPanel("case_study")]

    class Meta(Orderable.Meta):
        verbose_name = "featured case study"


class CaseStudyPage(BasePage):
    """One story: where a school, a leader or a local area started, what changed, the impact."""

    Subject = Subject
    base_form_class = safeguarding.CaseStudyPageForm
    NEWEST_FIRST = (F("period_end").desc(nulls_first=True), "-period_start", "-pk")

    subject = models.CharField(
        max_length=10,
        choices=Subject.choices,
        default=Subject.SCHOOL,
        help_text="Whose story this is.",
    )
    organisation = models.CharField(
        "organisation or school",
        max_length=160,
        help_text="The school, trust or local authority the story is about, as it is known now.",
    )
    summary = models.TextField(
        max_length=400,
        help_text="Two or three sentences: the situation, what was done, what came of it. "
        "Shown on cards and in search results.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown at the top and on cards. Never a photo in which a pupil can be "
        "recognised.",
    )
    key_facts = StreamField(
        KeyFactsBlock(),
        blank=True,
        help_text="The figures and judgements a reader looks for first, such as the Ofsted "
        "judgement before and after, each with its date and source.",
    )
    starting_point = StreamField(
        CaseStudyStoryBlock(),
        help_text="The school or area before: the challenge, in the words of those involved.",
    )
    what_changed = StreamField(
        CaseStudyStoryBlock(),
        help_text="What the Difference Leader and the school did, and who was involved.",
    )
    impact = StreamField(
        CaseStudyStoryBlock(),
        help_text="What is different now, with evidence: figures, judgements, what people say.",
    )

    setting_types = ParentalManyToManyField(
        SettingType, related_name="case_studies", help_text="The kinds of school in the story."
    )
    phase = models.ForeignKey(
        Phase, null=True, blank=True, on_delete=models.SET_NULL, related_name="case_studies"
    )
    region = models.CharField(
        "region of England", max_length=40, choices=places.REGIONS, db_index=True
    )
    local_authority = models.CharField(
        max_length=60, choices=places.all_choices(), blank=True, db_index=True
    )
    trust = models.CharField(
        max_length=160, blank=True, help_text="The multi-academy trust, if there is one."
    )
    period_start = models.PositiveSmallIntegerField(
        "from (year)", help_text="The year the story starts, such as 2015."
    )
    period_end = models.PositiveSmallIntegerField(
        "to (year)", null=True, blank=True, help_text="Leave empty if the story is still going on."
    )
    themes = ParentalManyToManyField(
        Topic,
        related_name="case_studies",
        help_text="The hub's topics: they link the case study to related articles.",
    )

    # Who confirmed the safeguarding statements for this version, and when (see safeguarding.py).
    safeguarding_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    safeguarding_confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("subject"), FieldPanel("organisation")]),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("key_facts"),
        FieldPanel("starting_point", heading="The starting point"),
        FieldPanel("what_changed", heading="What changed"),
        FieldPanel("impact", heading="The impact"),
        MultiFieldPanel(
            [
                HelpPanel(content=f"<p>{safeguarding.WHY}</p>"),
                FieldPanel("confirm_consent"),
                FieldPanel("confirm_no_pupil_identifiable"),
            ],
            heading="Safeguarding",
        ),
    ]
    classification_panels = [
        FieldPanel("setting_types", widget=CheckboxSelectMultiple),
        FieldPanel("phase"),
        FieldRowPanel([FieldPanel("region"), FieldPanel("local_authority")]),
        FieldPanel("trust"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldPanel("themes", widget=CheckboxSelectMultiple),
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
        index.SearchField("summary", boost=2),
        index.SearchField("organisation", boost=2),
        index.SearchField("trust"),
        index.SearchField("starting_point"),
        index.SearchField("what_changed"),
        index.SearchField("impact"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("region"),
    ]

    parent_page_types = ["casestudies.CaseStudyIndexPage"]
    subpage_types = []
    template = "pages/case_study_page.html"

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"

    # --- derived values ---

    @property
    def listing_image(self):
        return self.image

    @property
    def meta_description(self) -> str:
        return self.search_description or self.summary[:160]

    @property
    def sharing_description(self) -> str:
        return self.social_text or self.search_description or self.summary

    @property
    def region_name(self) -> str:
        return places.REGION_NAMES.get(self.region, "")

    @property
    def local_authority_name(self) -> str:
        authority = places.BY_KEY.get(self.local_authority)
        return authority.name if authority else ""

    @property
    def period(self) -> str:
        if not self.period_start:
            return ""
        if self.period_end is None:
            return f"{self.period_start} to now"
        if self.period_end == self.period_start:
            return str(self.period_start)
        return f"{self.period_start} to {self.period_end}"

    @property
    def place(self) -> str:
        """'Lincolnshire, East Midlands', or the region alone."""
        return ", ".join(part for part in (self.local_authority_name, self.region_name) if part)

    def sections(self) -> list[tuple[str, str, object]]:
        """The body's three sections: (anchor, heading, stream), empty ones left out."""
        return [
            (name.replace("_", "-"), heading, getattr(self, name))
            for name, heading in SECTIONS
            if getattr(self, name)
        ]

    def search_text(self) -> str:
        return " ".join([self.summary, *(stream_text(getattr(self, name)) for name, _ in SECTIONS)])

    @cached_property
    def theme_ids(self) -> list[int]:
        return [topic.pk for topic in self.themes.all()]

    def related_case_studies(self, limit: int = RELATED_ITEMS):
        return case_studies_on_themes(self.theme_ids, exclude=self, limit=limit)

    def related_articles(self, limit: int = RELATED_ITEMS):
        """Live hub articles sharing the most themes with this case study, then the newest."""
        if not self.theme_ids:
            return []
        return list(
            exclude_private(ArticlePage.objects.live().filter(topics__in=self.theme_ids))
            .annotate(shared=Count("topics", filter=Q(topics__in=self.theme_ids)))
            .order_by("-shared", "-first_published", "-pk")
            .defer_streamfields()
            .prefetch_related(author_prefetch())[:limit]
        )

    # --- publishing ---

    def publish(self, revision, *args, **kwargs):
        """Publishing a version nobody confirmed fails, whoever or whatever asks for it."""
        confirmed = safeguarding.confirmed_version(revision)
        result = super().publish(revision, *args, **kwargs)
        log(
            instance=self,
            action="casestudies.safeguarding_confirmed",
            user=confirmed.safeguarding_confirmed_by,
            data={"confirmed_at": confirmed.safeguarding_confirmed_at.isoformat()},
        )
        return result

    def prepare_to_draw(self):
        """Its themes and setting types, with the images: served from the fragment cache, the
        page needs neither."""
        if not getattr(self, "_prepared_to_draw", False):
            prefetch_related_objects([self], "themes", "setting_types")
        super().prepare_to_draw()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Worked out when the page's fragments are drawn, not when they come from the cache.
        context["related_case_studies"] = SimpleLazyObject(self.related_case_studies)
        context["related_articles"] = SimpleLazyObject(self.related_articles)
        return context
