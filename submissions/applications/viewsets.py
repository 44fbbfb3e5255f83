"""Cohorts (application windows) in the admin: a snippet viewset under its own menu item."""

from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Cohort


class OpenColumn(Column):
    """Whether applications are open now, in words."""

    def get_value(self, instance):
        return "Open now" if instance.is_open() else "Closed"


class CohortViewSet(SnippetViewSet):
    model = Cohort
    icon = "date"
    menu_label = "Cohorts"
    menu_name = "cohorts"
    menu_order = 310
    add_to_admin_menu = True
    list_display = [
        "name",
        "opens_at",
        "closes_at",
        "programme_starts",
        OpenColumn("is_open", label="Applications"),
    ]
    ordering = ["-opens_at"]
    search_fields = ["name"]
