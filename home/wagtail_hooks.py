"""Admin registrations for the home app: the Evidence menu and the stale statistics report."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet

from home import frontend_cache
from home.models import Statistic
from home.reports import StaleStatisticsReportView
from home.viewsets import EvidenceViewSetGroup

register_snippet(EvidenceViewSetGroup)


@hooks.register("register_admin_urls")
def register_stale_statistics_urls():
    return [
        path(
            "reports/stale-statistics/",
            StaleStatisticsReportView.as_view(),
            name="home_stale_statistics",
        ),
        path(
            "reports/stale-statistics/results/",
            StaleStatisticsReportView.as_view(results_only=True),
            name="home_stale_statistics_results",
        ),
    ]


class StaleStatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return ModelPermissionPolicy(Statistic).user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_stale_statistics_menu_item():
    return StaleStatisticsMenuItem(
        "Stale statistics",
        reverse("home_stale_statistics"),
        name="stale-statistics",
        icon_name="decimal",
        order=650,
    )


@hooks.register("frontend_cache_related")
def home_pages_showing(obj):
    """Pages listing every question for an audience (purged when a question changes)."""
    return frontend_cache.pages_showing(obj)


@hooks.register("frontend_cache_shown_site_wide")
def home_navigation_shows(page):
    """A page linked from the header or footer shows on every page of its site."""
    return frontend_cache.in_navigation(page)
