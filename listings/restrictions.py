"""Listings leave out pages behind a view restriction (a password, a login, a group).

`exclude_private(pages)` is Wagtail's `public()` at a lower cost: the restrictions are read in
one small query, once per request however many listings a page shows (`RequestMemoMiddleware`
scopes that memo to the request, so a change is seen by the next one).
"""

from contextvars import ContextVar

from django.db.models import Q, QuerySet

from wagtail.models import PageViewRestriction

# The private sections read once per request (set up by RequestMemoMiddleware): a page with
# several listings (a case study's related case studies and articles, a hub article's) asks once.
_private_sections: ContextVar[list | None] = ContextVar("private_sections", default=None)


class RequestMemoMiddleware:
    """Scope the memo of private sections to one request, so a change is seen by the next."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _private_sections.set([])
        try:
            return self.get_response(request)
        finally:
            _private_sections.reset(token)


def _private_q(pages: QuerySet) -> Q:
    """Wagtail's `private_q()`, reading the restrictions once per request when served."""
    memo = _private_sections.get()
    if memo is None:  # outside a request (commands, the shell): no memo
        return pages.private_q()
    if not memo:
        sections = [
            (r.page.path, r.page.depth) for r in PageViewRestriction.objects.select_related("page")
        ]
        memo.append(sections)
    q = Q()
    for path, depth in memo[0]:
        q |= Q(path__startswith=path, depth__gte=depth)
    return q if q else Q(pk__in=[])


def exclude_private(pages: QuerySet) -> QuerySet:
    """Pages outside every private section, for public listings: Wagtail's `public()`.

    One small query lists the view restrictions (usually none), once per request however many
    listings the page shows, and the pages under them are excluded by path prefix. A correlated
    sub-query instead costs no extra query but makes PostgreSQL match every listed page against
    every page of the tree (0.5 s for 2,000 articles), so the extra query is the cheaper choice.
    """
    return pages.exclude(_private_q(pages))
