"""The site-wide search page, /search/: every live, public page, searched with Wagtail search.

The query goes through the same cleaning as every listing's (`listings.search.clean_query`): cut to
200 characters, reduced to at most 12 words, so quotes, operators and very long queries cost no
more than a short one. Results are paginated (10 a page; a page number past the end or not a
number is a 404) and each shows a highlighted excerpt.
"""

from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from wagtail.models import Page, Site

from .pagination import page_number, paginate, pagination
from .search import clean_query, highlight, stream_text
from .subpages import SubPage

PER_PAGE = 10
TEXT_FIELDS = ("standfirst", "introduction", "hero_intro", "search_description")


def page_text(page) -> str:
    """What an excerpt of a search result is taken from: its summary, then its body."""
    parts = [getattr(page, name, "") or "" for name in TEXT_FIELDS]
    body = getattr(page, "body", None)
    if body:
        parts.append(stream_text(body))  # from the stored JSON: loads no images or pages
    return " ".join(str(part) for part in parts if part)


def search_results(terms, number):
    """The page of hits, each with its highlighted title and excerpt."""
    hits = Page.objects.live().public().specific().search(" ".join(terms), operator="and")
    results = paginate(hits, PER_PAGE, number)
    for page in results.object_list:
        page.search_excerpt = highlight(page_text(page), terms, 240)
        page.highlighted_title = highlight(page.title, terms)
        page.result_label = getattr(page, "type_label", "") or page._meta.verbose_name.capitalize()
    return results


def search(request):
    query, terms = clean_query(request.GET.get("q"))
    number = page_number(request.GET)

    def page_url(number):
        return "?" + urlencode([("q", query), *([("page", number)] if number > 1 else [])])

    # The search runs when the page's fragments are drawn, not when they come from the cache.
    results = pages = None
    if terms:
        results = SimpleLazyObject(lambda: search_results(terms, number))
        pages = SimpleLazyObject(lambda: pagination(results, page_url))

    site = Site.find_for_request(request)
    subpage = SubPage(
        parent=SimpleLazyObject(lambda: site.root_page if site else Page.get_first_root_node()),
        title="Search results" if terms else "Search",
        url=request.path,
        full_url=request.build_absolute_uri(request.path),
        meta_description="Search every page of the website of The Difference.",
    )
    return render(
        request,
        "pages/search_page.html",
        {"page": subpage, "query": query, "terms": terms, "results": results, "pagination": pages},
    )
