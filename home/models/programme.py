"""The Difference Leadership Programme page, and who can apply, kept as structured data.

The eligibility criteria and selection competencies are stored once, on the programme page, as
ordered inline records. The page shows them, and the application form (a later app) reads them
with `get_programme_requirements()` rather than repeating them.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, IntegerField, TextField, Value
from django.utils.text import slugify

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Site

from home.blocks import LinkBlock, StoryBlock

from .landing import LandingPage, action_url

SECTION_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class EligibilityCriterion(Orderable):
    """Something every applicant must meet, such as qualified teacher status."""

    page = ParentalKey(
        "home.ProgrammePage", on_delete=models.CASCADE, related_name="eligibility_criteria"
    )
    key = models.SlugField(
        max_length=50,
        blank=True,
        help_text="A short identifier the application form uses, made from the name if left "
        "blank. Do not change it once applications have opened.",
    )
    name = models.CharField(max_length=120, help_text="Short, such as 'Qualified teacher status'.")
    description = models.TextField(max_length=600, help_text="What it means, in full.")
    if_not_met = models.TextField(
        "if you don't meet it",
        max_length=600,
        blank=True,
        help_text="What someone who does not meet it can do instead, or when to apply.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("if_not_met"),
        FieldPanel("key"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "eligibility criterion"
        verbose_name_plural = "eligibility criteria"

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        self.key = self.key or slugify(self.name)[:50]
        if not self.key:
            raise ValidationError({"key": "Give the criterion a name or a key."})

    def save(self, *args, **kwargs):
        self.key = self.key or slugify(self.name)[:50]
        super().save(*args, **kwargs)


class SelectionCompetency(Orderable):
    """A quality applicants are selected for, such as motivation."""

    page = ParentalKey(
        "home.ProgrammePage", on_delete=models.CASCADE, related_name="selection_competencies"
    )
    key = models.SlugField(
        max_length=50,
        blank=True,
        help_text="A short identifier the application form uses, made from the name if left "
        "blank. Do not change it once applications have opened.",
    )
    name = models.CharField(max_length=120)
    description = models.TextField(max_length=600, help_text="What we look for.")

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("key")]

    class Meta(Orderable.Meta):
        verbose_name = "selection competency"
        verbose_name_plural = "selection competencies"

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        self.key = self.key or slugify(self.name)[:50]

    def save(self, *args, **kwargs):
        self.key = self.key or slugify(self.name)[:50]
        super().save(*args, **kwargs)


class ProgrammePage(LandingPage):
    """The Difference Leadership Programme: what it is, who it is for and how to apply."""

    eligibility_introduction = RichTextField(
        features=SECTION_FEATURES,
        blank=True,
        help_text="Shown above the criteria, under the heading 'Who can apply'.",
    )
    competencies_introduction = RichTextField(
        features=SECTION_FEATURES,
        blank=True,
        help_text="Shown above the selection competencies.",
    )
    questions = StreamField(
        StoryBlock(),
        blank=True,
        help_text="Questions from applicants (the 'Questions and answers' block) and anything "
        "else that belongs after who can apply.",
    )
    apply_text = RichTextField(
        features=SECTION_FEATURES,
        blank=True,
        help_text="Shown under the heading 'How to apply'.",
    )
    apply_steps = StreamField(
        StoryBlock(), blank=True, help_text="The steps of applying (the 'Steps' block)."
    )
    apply_link = StreamField(
        [("link", LinkBlock())],
        blank=True,
        max_num=1,
        help_text="The application form, when it exists. Until then, leave empty and give an "
        "email address below.",
    )
    apply_email = models.EmailField(
        blank=True, help_text="Where applicants write to until the application form is ready."
    )

    content_panels = [
        *LandingPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("eligibility_introduction"),
                InlinePanel("eligibility_criteria", label="Criterion", min_num=1),
                FieldPanel("competencies_introduction"),
                InlinePanel("selection_competencies", label="Competency"),
            ],
            heading="Who can apply",
        ),
        FieldPanel("questions"),
        MultiFieldPanel(
            [
                FieldPanel("apply_text"),
                FieldPanel("apply_steps"),
                FieldPanel("apply_link"),
                FieldPanel("apply_email"),
            ],
            heading="How to apply",
        ),
    ]

    template = "pages/programme_page.html"

    class Meta:
        verbose_name = "programme page"

    @property
    def apply_url(self) -> str:
        """The application form if it is linked, else an email link, else the section itself."""
        return action_url(self.apply_link, self.apply_email, "#how-to-apply")

    def requirements(self) -> "ProgrammeRequirements":
        """Who can apply: the criteria and competencies in order, read in one query."""
        if (
            self.pk is None
            or self.eligibility_criteria.is_deferring
            or self.selection_competencies.is_deferring
        ):
            # A preview or a revision: the inline records are in memory, not yet saved.
            return ProgrammeRequirements(
                criteria=tuple(
                    Criterion(c.key or slugify(c.name)[:50], c.name, c.description, c.if_not_met)
                    for c in self.eligibility_criteria.all()
                ),
                competencies=tuple(
                    Competency(c.key or slugify(c.name)[:50], c.name, c.description)
                    for c in self.selection_competencies.all()
                ),
            )
        criteria, competencies = [], []
        for kind, _order, _pk, key, name, description, if_not_met in _requirement_rows(self):
            if kind == 0:
                criteria.append(Criterion(key, name, description, if_not_met))
            else:
                competencies.append(Competency(key, name, description))
        return ProgrammeRequirements(criteria=tuple(criteria), competencies=tuple(competencies))


# ---------- What the application form reads ----------


@dataclass(frozen=True)
class Criterion:
    key: str
    name: str
    description: str
    if_not_met: str


@dataclass(frozen=True)
class Competency:
    key: str
    name: str
    description: str


@dataclass(frozen=True)
class ProgrammeRequirements:
    criteria: tuple[Criterion, ...]
    competencies: tuple[Competency, ...]


_COLUMNS = ("r_kind", "r_order", "r_pk", "r_key", "r_name", "r_description", "r_if_not_met")


def _requirement_rows(page):
    """Criteria (kind 0) then competencies (kind 1), each in editors' order: one UNION query."""
    common = {
        "r_order": F("sort_order"),
        "r_pk": F("pk"),
        "r_key": F("key"),
        "r_name": F("name"),
        "r_description": F("description"),
    }
    criteria = (
        EligibilityCriterion.objects.filter(page=page)
        .annotate(r_kind=Value(0, IntegerField()), **common, r_if_not_met=F("if_not_met"))
        .order_by()
        .values_list(*_COLUMNS)
    )
    competencies = (
        SelectionCompetency.objects.filter(page=page)
        .annotate(r_kind=Value(1, IntegerField()), **common, r_if_not_met=Value("", TextField()))
        .order_by()
        .values_list(*_COLUMNS)
    )
    return criteria.union(competencies, all=True).order_by("r_kind", "r_order", "r_pk")


def get_programme_requirements(site: Site | None = None) -> ProgrammeRequirements | None:
    """Who can apply, from the live programme page of `site` (the default site if None).

    Returns None when the site has no live programme page. The order is the one editors set.
    """
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    page = (
        ProgrammePage.objects.live()
        .descendant_of(site.root_page, inclusive=True)
        .order_by("path")
        .first()
    )
    return page.requirements() if page else None
