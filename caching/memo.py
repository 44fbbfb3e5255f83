"""Site-wide lookups every page request makes, kept in this process while the content stays
the same.

Which site answers a host, its home page, and the sites' root paths: Wagtail looks them up on
every request (a query each, or a cache round trip), though they change only when an editor
changes a site or a page. `remember(request, name, compute)` keeps a value in this process
under the content version (`caching.content_version`), which every such change replaces in its
own transaction: a value worked out before a change is never used after it.

Only for requests that share fragments (`fragments.shares_fragments`): an anonymous GET writes
nothing, so it cannot read a version its own transaction has moved on and then remember
something that is rolled back. Values are kept as plain data, never as model instances shared
between requests: each request gets objects of its own.

`SiteLookupsMiddleware` hands Wagtail the remembered site, home page row and root paths, for the
pages it serves, through the attributes it caches them on for a request (`_wagtail_site`, `_wagtail_cached_site_root_paths`):
routing a page then starts with one query (the home page in its own class) instead of two, and
page addresses need no cache round trip.
"""

import threading

from django.db import DEFAULT_DB_ALIAS
from django.http.request import split_domain_port

from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.views import serve as wagtail_serve

from caching import fragments

_memo: dict = {}
_lock = threading.Lock()


def remember(request, name, compute):
    """`compute()`, worked out once per content version in this process."""
    version = fragments.version(request)
    hit = _memo.get(name)
    if hit is not None and hit[0] == version:
        return hit[1]
    value = compute()
    with _lock:
        _memo[name] = (version, value)
    return value


def _values(instance) -> dict:
    return {
        field.attname: getattr(instance, field.attname)
        for field in type(instance)._meta.concrete_fields
    }


def _rebuilt(model, values: dict):
    """A model instance of this request's own, from remembered values."""
    instance = model(**values)
    instance._state.adding = False
    instance._state.db = DEFAULT_DB_ALIAS
    return instance


def _site_values(hostname: str, port: int):
    """The site answering this host and port, and its home page's row (as a plain `Page`: its
    own class is fetched when a page is routed from it), as plain values."""
    try:
        site = get_site_for_hostname(hostname, port)  # the home page joined
    except Site.DoesNotExist:
        return None
    return _values(site), _values(Page(**_values(site.root_page)))


def site_for(request) -> Site | None:
    """Wagtail's `Site.find_for_request`, from the remembered values: no query."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    found = remember(request, ("site", hostname, port), lambda: _site_values(hostname, port))
    if found is None:
        return None
    site = _rebuilt(Site, found[0])
    site.root_page = _rebuilt(Page, found[1])
    return site


class SiteLookupsMiddleware:
    """For pages Wagtail serves, to requests that share fragments: the site (with its home
    page's row) and the root paths from this process's memory (`remember`), through the
    attributes Wagtail keeps them on for a request. Other views (error pages, health checks,
    feeds) look nothing up here."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_serve and fragments.shares_fragments(request):
            request._wagtail_site = site_for(request)
            request._wagtail_cached_site_root_paths = remember(
                request, "site-root-paths", Site.get_site_root_paths
            )


def forget() -> None:
    """Drop everything remembered: for tests that count a request's queries from nothing."""
    with _lock:
        _memo.clear()
