"""Topics, setting types and phases in the admin, under one "Taxonomy" menu.

Snippet viewsets rather than plain ModelViewSets: snippets come with a chooser (so a StreamField
block or another app can pick a topic), a usage report that shows which articles and case studies
use a term before anyone deletes it, and a history of changes, with no extra code.
"""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Phase, SettingType, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class SettingTypeViewSet(SnippetViewSet):
    model = SettingType
    icon = "home"
    menu_label = "Setting types"
    list_display = ["name", "slug"]


class PhaseViewSet(SnippetViewSet):
    model = Phase
    icon = "list-ol"
    menu_label = "Phases"
    list_display = ["name", "slug"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (TopicViewSet, SettingTypeViewSet, PhaseViewSet)
    menu_icon = "tag"
    menu_label = "Taxonomy"
    menu_name = "taxonomy"
    menu_order = 250


register_snippet(TaxonomyViewSetGroup)
