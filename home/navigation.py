"""Header and footer links, resolved with one query.

Editors manage the links in Settings > Site settings as LinkBlocks. Resolving each StreamField
on its own costs a query per field on every page; here the page links of all of them are fetched
together, once per request, and unpublished pages are dropped (a menu never leads to a 404).
They are drawn inside the pages' fragments (caching/fragments.py), which are kept until any page
or the settings change: the links are worked out only when a page is drawn, and a cache of their
own could only outlive the fragments it went into.
"""

from dataclasses import dataclass

from wagtail.models import Page

from home.models import SiteSettings

LINK_FIELDS = ("primary_navigation", "header_action", "footer_links")


@dataclass(frozen=True)
class NavLink:
    text: str
    url: str


def _link_values(site_settings: SiteSettings, field: str):
    for item in getattr(site_settings, field).raw_data:
        yield item["value"]


def linked_page_ids(site_settings: SiteSettings) -> set[int]:
    """The pages the header and footer link to."""
    return {
        value["page"]
        for field in LINK_FIELDS
        for value in _link_values(site_settings, field)
        if value.get("page")
    }


def build_navigation(site_settings: SiteSettings, request=None) -> dict[str, list[NavLink]]:
    page_ids = linked_page_ids(site_settings)
    pages = Page.objects.live().defer_streamfields().in_bulk(page_ids)
    navigation = {}
    for field in LINK_FIELDS:
        links = []
        for value in _link_values(site_settings, field):
            if value.get("page"):
                page = pages.get(value["page"])
                if page is None:
                    continue
                links.append(NavLink(value.get("label") or page.title, page.get_url(request)))
            elif value.get("external_url"):
                links.append(
                    NavLink(value.get("label") or value["external_url"], value["external_url"])
                )
        navigation[field] = links
    return navigation


def get_navigation(site_settings: SiteSettings, request=None) -> dict[str, list[NavLink]]:
    """The links, worked out once per request (the header and the footer both ask)."""
    if request is None:
        return build_navigation(site_settings)
    memo = request.__dict__.setdefault("_site_navigation", {})
    if site_settings.site_id not in memo:
        memo[site_settings.site_id] = build_navigation(site_settings, request)
    return memo[site_settings.site_id]
