"""What the evidence snippets share: drafts, revisions, previews and search."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models

from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin
from wagtail.search import index


class EvidenceSnippet(
    DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model
):
    """Abstract base of Statistic, Testimonial and FAQ.

    Only live (published) records appear on the site: a draft that has never been published
    is left out wherever a page has chosen it.
    """

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(class)s")

    preview_template = "pages/evidence_preview.html"

    class Meta:
        abstract = True

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return self.preview_template

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["evidence_type"] = self._meta.model_name
        return context
