"""Header and footer links, resolved with one query and kept in the cache.

Editors manage the links in Settings > Site settings as LinkBlocks. Resolving each StreamField
on its own costs a query per field on every page; here the page links of all of them are fetched
together, unpublished pages are dropped (a menu never leads to a 404), and the result is cached
until a page is published, unpublished, moved or deleted, or the settings are saved.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import SiteSettings

CACHE_KEY = "site-navigation:{site_id}"
CACHE_SECONDS = 60 * 60
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


def build_navigation(site_settings: SiteSettings) -> dict[str, list[NavLink]]:
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
                links.append(NavLink(value.get("label") or page.title, page.url))
            elif value.get("external_url"):
                links.append(
                    NavLink(value.get("label") or value["external_url"], value["external_url"])
                )
        navigation[field] = links
    return navigation


def get_navigation(site_settings: SiteSettings) -> dict[str, list[NavLink]]:
    key = CACHE_KEY.format(site_id=site_settings.site_id)
    navigation = cache.get(key)
    if navigation is None:
        navigation = build_navigation(site_settings)
        cache.set(key, navigation, CACHE_SECONDS)
    return navigation


def clear_navigation_cache(**kwargs) -> None:
    cache.delete_many(
        [
            CACHE_KEY.format(site_id=site_id)
            for site_id in SiteSettings.objects.values_list("site_id", flat=True)
        ]
    )


@receiver(post_save, sender=SiteSettings)
def _settings_saved(sender, **kwargs):
    clear_navigation_cache()


page_published.connect(clear_navigation_cache, dispatch_uid="navigation-published")
page_unpublished.connect(clear_navigation_cache, dispatch_uid="navigation-unpublished")
post_page_move.connect(clear_navigation_cache, dispatch_uid="navigation-moved")
post_delete.connect(
    lambda sender, **kwargs: clear_navigation_cache() if issubclass(sender, Page) else None,
    dispatch_uid="navigation-deleted",
    weak=False,
)
