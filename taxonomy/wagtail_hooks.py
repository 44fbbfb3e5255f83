"""Topics, setting types and phases in the admin, under one "Taxonomy" menu.

Snippet viewsets rather than plain ModelViewSets: snippets come with a chooser (so a StreamField
block or another app can pick a topic), a usage report that shows which articles and case studies
use a term before anyone deletes it, and a history of changes, with no extra code.
"""

from django.urls import reverse

from wagtail.admin.ui.tables import Column
from wagtail.models import ReferenceIndex
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from .models import Phase, SettingType, Topic


class TermIndexView(IndexView):
    """Each term with the number of articles, case studies and pages that use it (one query)."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(usage_count=ReferenceIndex.usage_count_subquery(self.model))
        )


class UsageCountColumn(Column):
    """ "Used N times", linking to the term's usage report."""

    cell_template_name = "wagtailadmin/tables/usage_count_column_cell.html"

    def __init__(self):
        super().__init__("usage_count", label="Used", sort_key="usage_count", width="14%")

    def get_cell_context_data(self, instance, parent_context):
        viewset = type(instance).snippet_viewset
        instance.usage_url = reverse(viewset.get_url_name("usage"), args=[instance.pk])
        return super().get_cell_context_data(instance, parent_context)


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    index_view_class = TermIndexView
    list_display = ["name", "slug", UsageCountColumn()]
    search_fields = ["name"]
    ordering = ["name"]


class SettingTypeViewSet(SnippetViewSet):
    model = SettingType
    icon = "home"
    menu_label = "Setting types"
    index_view_class = TermIndexView
    list_display = ["name", "slug", UsageCountColumn()]


class PhaseViewSet(SnippetViewSet):
    model = Phase
    icon = "list-ol"
    menu_label = "Phases"
    index_view_class = TermIndexView
    list_display = ["name", "slug", UsageCountColumn()]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (TopicViewSet, SettingTypeViewSet, PhaseViewSet)
    menu_icon = "tag"
    menu_label = "Taxonomy"
    menu_name = "taxonomy"
    menu_order = 250


register_snippet(TaxonomyViewSetGroup)
