"""Cache-Control on every response: public pages may be shared, anything personal never.

A page is *public* when the request is an anonymous GET or HEAD and the response depends on
nothing but its URL: no session, no CSRF token, no cookie set, not the admin. Such a response is
sent with `Cache-Control: public, max-age=BROWSER_CACHE_SECONDS, s-maxage=PUBLIC_CACHE_SECONDS`
(404s and 410s for at most a minute), so the front cache keeps it and browsers check back soon;
the app purges the front cache when content changes (`caching.signals`), so s-maxage can be long.

Everything else that could be personal is `private, no-store`: a response that sets a cookie
(a form's CSRF cookie, a session), one whose page used a CSRF token, any request carrying the
session cookie (logged-in editors, an application in progress, a confirmation page), and the
admin. A view that sets its own `Cache-Control` keeps it, made stricter if it is personal.

The middleware sits above the session and CSRF middleware, so it sees the cookies they add.
"""

from django.conf import settings
from django.utils.cache import cc_delim_re, patch_cache_control

from caching import fragments

SHAREABLE_STATUSES = {200, 203, 300, 301, 308, 404, 410}
MISSING_STATUSES = {404, 410}
MISSING_SECONDS = 60
PERSONAL = "private, no-store"


def is_personal(request, response) -> bool:
    """Whether the response may hold, or depend on, something about this visitor: the request
    may carry who they are (the same test decides who shares fragments of pages), or the
    response sets a cookie or used a CSRF token."""
    return bool(
        response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or fragments.is_personal_request(request)
    )


def _without_cookie_vary(response) -> None:
    """Drop `Vary: Cookie` (added whenever the page looked at request.user).

    A public response was made for a request without a session cookie, and the front cache sends
    every request that has one straight to the app, so the copy is the same whatever other cookies
    (a CSRF cookie from a form seen earlier) a visitor has. Left in, it would split the cache into
    one copy per cookie header.
    """
    if not response.has_header("Vary"):
        return
    kept = [v for v in cc_delim_re.split(response["Vary"]) if v and v.lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


class CacheControlMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_personal(request, response):
            if "no-store" not in response.get("Cache-Control", ""):
                response["Cache-Control"] = PERSONAL
            return response
        if (
            request.method in ("GET", "HEAD")
            and response.status_code in SHAREABLE_STATUSES
            and not response.has_header("Cache-Control")
        ):
            shared = settings.PUBLIC_CACHE_SECONDS
            if response.status_code in MISSING_STATUSES:
                shared = min(shared, MISSING_SECONDS)
            patch_cache_control(
                response,
                public=True,
                max_age=min(settings.BROWSER_CACHE_SECONDS, shared),
                s_maxage=shared,
            )
            _without_cookie_vary(response)
        return response
