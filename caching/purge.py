"""Which URLs show a page or a record, and purging them from the front cache.

When a page changes, the front cache must drop the page itself and every page that lists or shows
it. Three sources say which those are:

1. **The page tree:** the page's own URLs (Wagtail's `get_cached_paths()`) and its parent, which
   is usually the index listing it.
2. **Wagtail's reference index:** every live page that links to or embeds it (a chooser, a link
   block, a rich-text link), found in one query.
3. **The feature apps**, through the `frontend_cache_related` hook: a function taking the changed
   page or record and returning the pages and absolute URLs that also show it (the hub: its topic,
   author, feed and search pages; case studies: the home and partner pages that feature them).
   Register it in the app's `wagtail_hooks.py`:

       @hooks.register("frontend_cache_related")
       def pages_showing(obj):
           if isinstance(obj, ArticlePage):
               yield hub_page
               yield hub_page.subpage_full_url("rss")

A page shown on every page of its site (a link in the header or footer) whose title, address or
live state changed purges the whole site: the `frontend_cache_shown_site_wide` hook answers
whether a page is such a one (the home app's, which knows the navigation).

For a record (a statistic, testimonial, question, person, topic, image or document) the pages are
those the reference index knows use it (and, through one more step, the pages using a record that
uses it, such as a person's photo), plus what the hooks add.

`Purge` collects the URLs, the changed page's own first, and sends them once the transaction
commits: purging before it would let the next request put the old version back in the cache.
The sitemap of the page's site goes with every page change. Purging a URL also drops its
variants with a query string (filters, search terms, page numbers): the VCL does that.
"""

import logging
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import NoReverseMatch, reverse

from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch, purge_urls_from_cache
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, ReferenceIndex, Site

logger = logging.getLogger(__name__)

RELATED_HOOK = "frontend_cache_related"
SITE_WIDE_HOOK = "frontend_cache_shown_site_wide"
# A record used by a record used by a page (a photo of a person) reaches the page; further
# chains are not followed.
REFERENCE_DEPTH = 2


def related_by_hooks(obj) -> list:
    """The pages and URLs each feature app's hook says also show `obj`."""
    found = []
    for hook in hooks.get_hooks(RELATED_HOOK):
        found.extend(item for item in hook(obj) or () if item is not None)
    return found


def referring_objects(obj) -> tuple[list[int], list]:
    """Live page ids, and other records, that the reference index knows refer to `obj`."""
    rows = (
        ReferenceIndex.get_references_to(obj)
        .values_list("base_content_type_id", "object_id")
        .distinct()
    )
    page_type = ContentType.objects.get_for_model(Page)
    page_ids, others = [], []
    for content_type_id, object_id in rows:
        if content_type_id == page_type.pk:
            page_ids.append(int(object_id))
            continue
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            record = model._default_manager.filter(pk=object_id).first()
            if record is not None:
                others.append(record)
    return page_ids, others


def site_wide(site: Site) -> list:
    """Every live page of a site, and what the index pages among them show beyond themselves."""
    pages = Page.objects.live().descendant_of(site.root_page, inclusive=True)
    items = list(pages)
    for index_page in pages.filter(numchild__gt=0).specific():
        items.extend(
            item for item in related_by_hooks(index_page) if isinstance(item, str) or item.live
        )
    return items


class Purge:
    """URLs to purge, the changed object's own first; sent when the transaction commits."""

    def __init__(self):
        self.first = PurgeBatch()
        self.then = PurgeBatch(cache_object=self.first)
        self._sites_done = set()

    def urls(self) -> list[str]:
        return sorted(self.first.urls) + sorted(self.then.urls - self.first.urls)

    # --- what to purge

    def add_own(self, page: Page) -> None:
        self.first.add_page(page)

    def add_items(self, items: Iterable) -> None:
        for item in items:
            if isinstance(item, Page):
                if item.live:
                    self.then.add_page(item)
            else:
                self.then.add_url(item)

    def add_site_wide(self, site: Site) -> None:
        if site.pk not in self._sites_done:
            self._sites_done.add(site.pk)
            self.add_items(site_wide(site))
            self.add_sitemap(site.root_url)

    def add_sitemap(self, root_url: str | None) -> None:
        try:
            path = reverse("sitemap")
        except NoReverseMatch:
            return
        if root_url:
            self.then.add_url(root_url + path)

    def add_page(self, page: Page, *, named_elsewhere_changed: bool = True) -> None:
        """The page, its parent, the pages referring to it, and what the hooks say show it.

        `named_elsewhere_changed`: its title, address or live state changed, so a page that only
        names it (the site's navigation, on every page) must go too.
        """
        page = page.specific_deferred
        self.add_own(page)
        parent = page.get_parent()
        if parent is not None and not parent.is_root():
            self.add_items([parent])
        page_ids, _ = referring_objects(page)
        self.add_items(Page.objects.live().filter(pk__in=page_ids).exclude(pk=page.pk))
        if named_elsewhere_changed and any(hook(page) for hook in hooks.get_hooks(SITE_WIDE_HOOK)):
            site = page.get_site()
            if site is not None:
                self.add_site_wide(site)
        self.add_items(related_by_hooks(page))
        url_parts = page.get_url_parts(self.first)
        if url_parts is not None:
            self.add_sitemap(url_parts[1])

    def add_object(self, obj, depth: int = REFERENCE_DEPTH) -> None:
        """Every live page that uses a record (and its parent), and what the hooks add."""
        if isinstance(obj, BaseSiteSetting):
            self.add_site_wide(obj.site)
            return
        page_ids, others = referring_objects(obj)
        pages = list(Page.objects.live().filter(pk__in=page_ids))
        self.add_items(pages)
        parent_ids = {page.get_parent().pk for page in pages if page.depth > 2}
        self.add_items(Page.objects.live().filter(pk__in=parent_ids))
        self.add_items(related_by_hooks(obj))
        if depth > 1:
            for record in others:
                self.add_object(record, depth - 1)

    def add_urls(self, urls: Iterable[str]) -> None:
        self.then.add_urls(urls)

    # --- sending

    def send(self) -> None:
        """Purge once the current transaction commits (at once outside a transaction)."""
        first, then = set(self.first.urls), self.then.urls - self.first.urls
        if not first and not then:
            return

        def purge():
            # The changed page's own URLs go first, so it is fresh soonest.
            purge_urls_from_cache(sorted(first))
            purge_urls_from_cache(sorted(then))

        transaction.on_commit(purge)
