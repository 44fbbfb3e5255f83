"""Admin registrations for the home app: the Evidence menu, the stale statistics report, the
warning when the header's links will not fit, and a warning before moving a page the navigation
links to."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import ReferenceIndex
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet

from home import frontend_cache
from home.models import SiteSettings, Statistic
from home.navigation_fit import navigation_fit
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


@hooks.register("after_edit_setting")
def warn_when_the_header_links_do_not_fit(request, instance):
    """After saving the site settings, a warning if the header's links will not fit one row."""
    if isinstance(instance, SiteSettings):
        fit = navigation_fit(instance)
        if not fit.fits:
            messages.warning(request, fit.message)


@hooks.register("before_move_page")
def warn_when_moving_a_page_in_the_navigation(request, page, destination):
    """Moving a page keeps its menu links (they follow the page), but the editor should know."""
    if request.method != "GET":
        return None
    linked = ReferenceIndex.get_references_to(page).filter(
        base_content_type=ContentType.objects.get_for_model(SiteSettings)
    )
    if linked.exists():
        messages.warning(
            request,
            f"“{page.get_admin_display_title()}” is linked from the site's navigation or footer "
            "(Settings > Site settings). The links will follow it to its new address: check "
            "that they still make sense there.",
        )
    return None


@hooks.register("frontend_cache_related")
def home_pages_showing(obj):
    """Pages listing every question for an audience (purged when a question changes)."""
    return frontend_cache.pages_showing(obj)


@hooks.register("frontend_cache_shown_site_wide")
def home_navigation_shows(page):
    """A page linked from the header or footer shows on every page of its site."""
    return frontend_cache.in_navigation(page)
