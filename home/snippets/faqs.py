"""Frequently asked questions, each written once and shown to the audience it is for."""

from django.db import models
from django.utils.html import strip_tags

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from .base import EvidenceSnippet

ANSWER_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class Audience(models.TextChoices):
    APPLICANTS = "applicants", "Teachers applying"
    SCHOOLS = "schools", "Schools"
    EVERYONE = "everyone", "Everyone"

    @classmethod
    def shown_to(cls, audience: str) -> list[str]:
        """The audiences whose questions a block for `audience` shows."""
        if audience == cls.EVERYONE:
            return [choice.value for choice in cls]
        return [audience, cls.EVERYONE.value]


class FAQ(EvidenceSnippet, Orderable):
    question = models.CharField(max_length=255)
    answer = RichTextField(features=ANSWER_FEATURES)
    audience = models.CharField(
        max_length=20,
        choices=Audience.choices,
        default=Audience.EVERYONE,
        help_text="Who asks it. Questions for everyone appear on both the programme and the "
        "partner pages.",
    )

    panels = [FieldPanel("question"), FieldPanel("answer"), FieldPanel("audience")]

    search_fields = [
        index.SearchField("question"),
        index.AutocompleteField("question"),
        index.SearchField("answer"),
        index.FilterField("audience"),
    ]

    class Meta(EvidenceSnippet.Meta):
        verbose_name = "frequently asked question"
        verbose_name_plural = "frequently asked questions"
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.question

    @property
    def answer_text(self) -> str:
        return strip_tags(self.answer)
