"""Topics, setting types and phases: the small shared vocabularies that content is tagged with.

They live in one app because the knowledge hub, case studies and the forms all classify by the
same terms: one list of topics, edited in one place, means a filter on one listing means the
same thing on another.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from django.utils.text import slugify

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable
from wagtail.search import index


class Term(index.Indexed, models.Model):
    """A term of a vocabulary: a name, the slug used in web addresses and filters, a description."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        blank=True,
        help_text="Used in web addresses and filters, such as ?topic=send. "
        "Made from the name when left blank; changing it breaks saved links.",
    )
    description = models.TextField(
        max_length=500, blank=True, help_text="One or two sentences, shown on the term's page."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("slug"),
    ]

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        if not self.slug:
            raise ValidationError({"slug": "Enter a slug made of letters, numbers and hyphens."})


class Topic(Term):
    """What a piece of work is about: reintegration, SEND, mental health, safeguarding..."""

    class Meta:
        ordering = ["name"]
        verbose_name = "topic"


class OrderedTerm(Orderable, Term):
    """A term kept in the order editors choose (drag and drop in the admin list)."""

    class Meta(Orderable.Meta):
        abstract = True

    def save(self, *args, **kwargs):
        if self.sort_order is None:
            highest = type(self).objects.aggregate(Max("sort_order"))["sort_order__max"]
            self.sort_order = (highest or 0) + 1
        super().save(*args, **kwargs)


class SettingType(OrderedTerm):
    """The kind of school a piece of work comes from: PRU, AP academy, special school..."""

    class Meta(OrderedTerm.Meta):
        verbose_name = "setting type"


class Phase(OrderedTerm):
    """The phase of education: early years, primary, secondary, post-16, all-through."""

    class Meta(OrderedTerm.Meta):
        verbose_name = "phase"
