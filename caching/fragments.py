"""Fragments of public pages, rendered once and kept in the shared cache.

What a fragment is keyed by (`key()`): its name; the content version (`caching.content_version`:
a token every change to what public pages show replaces, in the change's own transaction); the
release (a digest of the code, templates and static files, and of the settings that go into
addresses, so a deploy never serves markup of the code before it); the scheme and host the page
was asked for (addresses in it are absolute); and, for a page's own fragments, its address with
the query string exactly as asked (a listing's filters, a search, the page number), plus whatever
the template names.

Who gets shared fragments (`shares_fragments()`): an anonymous GET or HEAD without a session
cookie or an Authorization header, outside the admin, not a Wagtail preview or "view draft", and
not a page that says it is private (`private(request)`: the forms). Anyone else gets the page
rendered for them, and nothing they see is kept. A fragment whose rendering asked for a CSRF token
or wrote to the session is never kept either (`render()`).

If the cache is down, fragments are rendered as if they had never been cached: the production
cache (`ops.cache.ResilientRedisCache`) answers a miss and ignores the write, and any other error
from a cache is caught here.
"""

import hashlib
import logging
from functools import lru_cache
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key

import wagtail

from caching import content_version

logger = logging.getLogger(__name__)

PRIVATE_ATTR = "_no_shared_fragments"
VERSION_ATTR = "_content_version"
# Settings that go into the addresses a page shows (static files, media, the bucket's domain).
ADDRESS_SETTINGS = ("STATIC_URL", "MEDIA_URL", "STORAGES", "AWS_S3_CUSTOM_DOMAIN")
SOURCE_SUFFIXES = (".py", ".html", ".css", ".js", ".svg", ".txt", ".json")


def private(request) -> None:
    """This request's page shows or takes something personal (a form): no shared fragments."""
    setattr(request, PRIVATE_ATTR, True)


def is_personal_request(request) -> bool:
    """Whether the request may carry someone's identity or personal data (the request's side of
    `caching.middleware.is_personal`)."""
    return bool(
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or "HTTP_AUTHORIZATION" in request.META
        or request.path_info.startswith(settings.ADMIN_URL_PREFIX)
    )


def shares_fragments(request) -> bool:
    """Whether this request may read and write shared fragments."""
    return bool(
        request is not None
        and request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
        and not getattr(request, "is_dummy", False)
        and not getattr(request, PRIVATE_ATTR, False)
        and not is_personal_request(request)
    )


def version(request) -> int:
    """The content version, read once per request."""
    if not hasattr(request, VERSION_ATTR):
        setattr(request, VERSION_ATTR, content_version.current())
    return getattr(request, VERSION_ATTR)


@lru_cache(maxsize=1)
def release() -> str:
    """A digest of what the markup is made from besides content: this project's code, templates
    and static files, Django's and Wagtail's versions, and the settings that go into addresses.
    Worked out once per process."""
    digest = hashlib.sha256()
    digest.update(f"{django.get_version()} {wagtail.__version__}".encode())
    for name in ADDRESS_SETTINGS:
        digest.update(repr(getattr(settings, name, None)).encode())
    base = Path(settings.BASE_DIR).resolve()
    roots = {Path(d).resolve() for d in settings.STATICFILES_DIRS}
    for engine in settings.TEMPLATES:
        roots.update(Path(d).resolve() for d in engine.get("DIRS", ()))
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(base):
            roots.add(path)
    for root in sorted(roots):
        for path in sorted(root.rglob("*")):
            if (
                path.suffix in SOURCE_SUFFIXES
                and path.is_file()
                and "__pycache__" not in path.parts
            ):
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def key(request, name: str, vary_on=(), *, per_page: bool = True) -> str:
    """The cache key of fragment `name` for this request (see the module's docstring)."""
    parts = [release(), version(request), request.scheme, request.get_host()]
    if per_page:
        parts.append(request.get_full_path())
    return make_template_fragment_key(name, [*parts, *vary_on])


def cache():
    return caches["default"]


def get(key_: str):
    try:
        return cache().get(key_)
    except Exception:  # a cache that fails is a miss: the fragment is rendered
        logger.warning("Fragment cache unavailable for a read", exc_info=True)
        return None


def put(key_: str, value: str) -> None:
    try:
        cache().set(key_, value, settings.FRAGMENT_CACHE_SECONDS)
    except Exception:
        logger.warning("Fragment cache unavailable for a write", exc_info=True)


def became_personal(request) -> bool:
    """Whether rendering made the response personal: a CSRF token asked for (a form), or the
    session written to."""
    session = getattr(request, "session", None)
    return bool(
        request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or (session is not None and session.modified)
    )


def render(request, name: str, render_fn, vary_on=(), *, per_page: bool = True) -> str:
    """The fragment from the cache, or `render_fn()` (kept for the next request when it is
    shareable and rendering it stayed impersonal)."""
    if not shares_fragments(request):
        return render_fn()
    key_ = key(request, name, vary_on, per_page=per_page)
    value = get(key_)
    if value is not None:
        return value
    value = render_fn()
    if not became_personal(request):
        put(key_, value)
    return value
