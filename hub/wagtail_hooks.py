"""People in the admin: a snippet with drafts, revisions and a preview of the author page."""

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, LiveStatusTagColumn, TitleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from hub import frontend_cache
from hub.models import Person


class PersonFilterSet(WagtailFilterSet):
    class Meta:
        model = Person
        fields = ["kind", "show_profile_publicly", "live"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    menu_name = "people"
    menu_order = 240
    add_to_admin_menu = True
    list_display = [
        TitleColumn("name", label="Name", url_name="wagtailsnippets_hub_person:edit"),
        Column("role_line", label="Role and school"),
        Column("kind", label="Kind", accessor="get_kind_display"),
        BooleanColumn("show_profile_publicly", label="Public profile"),
        LiveStatusTagColumn(),
    ]
    list_export = ["given_names", "family_name", "kind", "role", "school", "cohort"]
    filterset_class = PersonFilterSet
    search_fields = ["given_names", "family_name", "school"]
    ordering = ["family_name", "given_names"]


register_snippet(PersonViewSet)


@hooks.register("frontend_cache_related")
def hub_pages_showing(obj):
    """The hub's pages that show a changed page or record (purged with it)."""
    return frontend_cache.pages_showing(obj)
