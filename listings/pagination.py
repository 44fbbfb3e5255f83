"""Pagination for listings: `?page=` read strictly, and the links the template shows.

A page number that is not a whole number from 1 to the last page is a 404: a page past the end
is a page that does not exist, and a crawler should not index it.
"""

from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import Http404


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None for the "…" gap
    url: str
    current: bool = False


@dataclass
class Pagination:
    """What templates/components/pagination.html needs: links, never methods with arguments."""

    page: PaginatorPage
    links: list[PageLink]
    previous_url: str
    next_url: str

    @property
    def has_other_pages(self) -> bool:
        return self.page.has_other_pages()


def page_number(params) -> int:
    """The requested page number; 404 for anything but a whole number of at least 1."""
    raw = params.get("page", "").strip()
    if not raw:
        return 1
    if not raw.isdecimal() or len(raw) > 6 or int(raw) < 1:
        raise Http404("No such page of results")
    return int(raw)


def paginate(object_list, per_page: int, number: int, count: int | None = None) -> PaginatorPage:
    paginator = Paginator(object_list, per_page)
    if count is not None:
        paginator.count = count  # known already: saves a COUNT query
    if number > paginator.num_pages:
        raise Http404("No such page of results")
    return paginator.page(number)


def pagination(page: PaginatorPage, url_for) -> Pagination:
    links = [
        PageLink(None, "")
        if number == Paginator.ELLIPSIS
        else PageLink(number, url_for(number), number == page.number)
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    ]
    return Pagination(
        page=page,
        links=links,
        previous_url=url_for(page.previous_page_number()) if page.has_previous() else "",
        next_url=url_for(page.next_page_number()) if page.has_next() else "",
    )
