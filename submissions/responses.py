"""What both form pages do around a post: the 429 page, which confirmations a browser may see,
and keeping pages with answers on them out of every cache.

A confirmation page shows a reference only to the session that sent it: `remember_reference()`
records it after a successful post and `may_see_confirmation()` checks it. Nothing else
identifies the person, so a guessed or shared confirmation URL shows nothing.
"""

import logging

from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from caching import fragments

logger = logging.getLogger(__name__)

SESSION_KEY = "submissions:references"
SESSION_LIMIT = 20

# For a page's route that shows or takes a person's answers: `Cache-Control: max-age=0,
# no-cache, no-store, must-revalidate, private` (Django's never_cache). No shared cache (a
# proxy, Varnish, a CDN) keeps the page, and the browser keeps no copy, so Back or History on
# a shared computer asks the server again, which shows the next person nothing.
private_page = method_decorator(never_cache)


class FormPageMixin:
    """A page of a form: no part of it is read from or kept in the shared fragment cache
    (caching/fragments.py), whatever its route. Its pages carry a form token or answers, and
    what they say changes with the time (whether applications are open)."""

    def serve(self, request, *args, **kwargs):
        fragments.private(request)
        return super().serve(request, *args, **kwargs)


def remember_reference(request, reference: str) -> None:
    """The session may show this reference's confirmation page: nothing else identifies it."""
    references = [r for r in request.session.get(SESSION_KEY, []) if r != reference]
    request.session[SESSION_KEY] = [*references, reference][-SESSION_LIMIT:]


def may_see_confirmation(request, reference: str) -> bool:
    return reference in request.session.get(SESSION_KEY, [])


def rate_limited(request, page, retry_after: int):
    """The 429 page: the post was not taken; when to try again."""
    logger.warning("Form posts rate-limited on %s", request.path)
    response = TemplateResponse(
        request,
        "submissions/rate_limited.html",
        {"page": page, "retry_minutes": max(1, round(retry_after / 60))},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response
