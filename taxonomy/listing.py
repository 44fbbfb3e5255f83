"""Listings: search, facets, sorting and pagination from plain GET parameters.

Shared by every listing of the site (the knowledge hub and its topic and author pages, case
studies, the site-wide search), so they all read the same parameters and behave the same way
with bad input:

- `q`: the search, cut to `MAX_QUERY_LENGTH` characters and reduced to at most `MAX_TERMS`
  words before it reaches the search backend, so quotes, operators and 10,000-character queries
  cost no more than a short one;
- one parameter per facet (see `taxonomy.filters`), combinable and repeatable;
- `sort`: `newest` or, when searching, `relevance` (the default then); anything else is ignored;
- `page`: a whole number from 1 to the last page; anything else is a 404 (a page past the end
  is a page that does not exist, and a crawler should not index it).

The cost is bounded whatever the number of items: one query for the search (at most
`MAX_SEARCH_RESULTS` hits), one per facet, one for the page of results, plus the caller's
prefetches. The total comes from the counts of an exhaustive facet when there is one.
"""

import re
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from .filters import Facet, Option

MAX_QUERY_LENGTH = 200  # characters of `q` read at all
MAX_TERMS = 12  # words of `q` sent to the search backend
MAX_SEARCH_RESULTS = 1000  # hits read from the backend, best first
WORD = re.compile(r"\w+")

SORT_NEWEST = "newest"
SORT_RELEVANCE = "relevance"
SORT_LABELS = {SORT_RELEVANCE: "Most relevant", SORT_NEWEST: "Newest first"}


# ---------- pages ----------


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


def stream_text(stream_value) -> str:
    """The words of a StreamField, read from its stored JSON: no block, image or page is loaded.

    For excerpts and word counts. Strings under keys that hold references or settings rather
    than words (images, links, levels...) are left out, and HTML is reduced to its text.
    """
    if not stream_value:
        return ""
    return " ".join(_words(block.get("value")) for block in stream_value.raw_data).strip()


_NOT_WORDS = {
    "image", "document", "page", "level", "key", "url", "external_url", "source_url", "style",
    "type", "id", "decorative", "alt_text", "platform", "as_of",
}  # fmt: skip


def _words(value) -> str:
    if isinstance(value, str):
        return strip_tags(value) if "<" in value else value
    if isinstance(value, dict):
        return " ".join(_words(v) for k, v in value.items() if k not in _NOT_WORDS)
    if isinstance(value, list):
        return " ".join(_words(item) for item in value)
    return ""


# ---------- the search query ----------


def clean_query(raw: str | None) -> tuple[str, list[str]]:
    """The query as typed (cut short), and the distinct lower-case words to search for.

    Only words reach the backend: quotes, brackets, `AND`/`OR`/`NOT`, `-`, `*` and `:` mean
    nothing special here, on any backend.
    """
    query = (raw or "")[:MAX_QUERY_LENGTH].strip()
    terms: list[str] = []
    for word in WORD.findall(query.lower()):
        if word not in terms:
            terms.append(word)
        if len(terms) == MAX_TERMS:
            break
    return query, terms


def search_ids(queryset: QuerySet, terms: list[str], limit: int = MAX_SEARCH_RESULTS) -> list:
    """Primary keys of the items matching every term, most relevant first (one query)."""
    if not terms:
        return []
    backend = get_search_backend()
    results = backend.search(
        " ".join(terms), queryset.only("pk"), operator="and", order_by_relevance=True
    )[:limit]
    as_queryset = getattr(results, "get_queryset", None)
    if as_queryset is not None:
        # The database backends rank in SQL: read the keys alone, building no model instances.
        return list(as_queryset().values_list("pk", flat=True))
    return [item.pk for item in results]


# ---------- highlighting ----------

_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ies", "es", "ed", "s")


def _stem(term: str) -> str:
    """A crude stem, so `reintegration` also marks `reintegrating` (display only)."""
    for suffix in _SUFFIXES:
        if len(term) - len(suffix) >= 4 and term.endswith(suffix):
            return term[: -len(suffix)]
    return term


def _pattern(terms):
    stems = sorted({_stem(t) for t in terms if t}, key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)


def highlight(text: str, terms, length: int | None = None) -> SafeString:
    """`text` escaped, with the search terms wrapped in <mark>, cut to an excerpt of `length`.

    The text is split at the matches first and every piece is escaped on its own, so nothing in
    the text (or the query) can inject markup, and a term can never match inside an entity.
    With `length`, the excerpt starts a little before the first match, on a word boundary.
    """
    text = " ".join((text or "").split())
    pattern = _pattern(terms)
    if length and len(text) > length:
        first = pattern.search(text) if pattern else None
        start = 0
        if first and first.start() > length // 3:
            start = text.rfind(" ", 0, first.start() - length // 3) + 1
        end = start + length
        if end < len(text):
            end = text.rfind(" ", start, end) if " " in text[start:end] else end
        text = ("… " if start else "") + text[start:end].strip() + (" …" if end < len(text) else "")
    if not pattern:
        return escape(text)
    pieces, position = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece above is escaped


# ---------- pagination ----------


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


# ---------- the listing ----------


@dataclass(frozen=True)
class BoundFacet:
    facet: Facet
    options: list[Option]

    @property
    def param(self) -> str:
        return self.facet.param

    @property
    def label(self) -> str:
        return self.facet.label

    @property
    def selected(self) -> list[Option]:
        return [option for option in self.options if option.selected]

    # Long lists (authors, in a big hub) show the first few and fold the rest into a <details>.
    FOLD_OVER = 12
    SHOW_FIRST = 8

    @property
    def first_options(self) -> list[Option]:
        if len(self.options) <= self.FOLD_OVER:
            return self.options
        return self.options[: self.SHOW_FIRST]

    @property
    def more_options(self) -> list[Option]:
        if len(self.options) <= self.FOLD_OVER:
            return []
        return self.options[self.SHOW_FIRST :]

    @property
    def more_selected(self) -> bool:
        return any(option.selected for option in self.more_options)


@dataclass(frozen=True)
class ActiveFilter:
    facet_label: str
    label: str
    remove_url: str


class Listing:
    """A page of items from `queryset`, searched, filtered, sorted and paginated from GET.

    `ordering`: the "newest" order. The search backend searches `queryset` itself, unless it
    filters on something the backend does not index (a many-to-many, a sub-query): then pass
    `search_queryset`, a wider queryset filtering only on the model's index.FilterFields, and the
    hits are narrowed to `queryset` in SQL (one more query when sorting by relevance).
    `search_text(item)`: the text the highlighted excerpt of a hit is taken from.
    `prefetch`: lookups for the page of results only.
    """

    def __init__(
        self,
        request,
        queryset: QuerySet,
        facets: list[Facet] = (),
        *,
        ordering=("-pk",),
        per_page: int = 12,
        searchable: bool = False,
        search_queryset: QuerySet | None = None,
        search_text=None,
        prefetch: list[str | Prefetch] = (),
        excerpt_length: int = 240,
    ):
        self.request = request
        self.params = request.GET
        self.queryset = queryset
        self.facets_declared = list(facets)
        self.ordering = list(ordering)
        self.per_page = per_page
        self.searchable = searchable
        self.search_queryset = search_queryset
        self.search_text = search_text
        self.prefetch = list(prefetch)
        self.excerpt_length = excerpt_length

        self.query, self.terms = clean_query(self.params.get("q")) if searchable else ("", [])
        sorts = [SORT_RELEVANCE, SORT_NEWEST] if self.terms else [SORT_NEWEST]
        requested = self.params.get("sort")
        self.sort = requested if requested in sorts else sorts[0]
        self.sort_options = [(value, SORT_LABELS[value], value == self.sort) for value in sorts]
        self.selections = {facet.param: facet.parse(self.params) for facet in self.facets_declared}
        self._build()

    # --- URLs: only the parameters this listing understands, nothing else carried over ---

    def url(self, *, selections=None, query=None, sort=None, page=None) -> str:
        selections = self.selections if selections is None else selections
        query = self.query if query is None else query
        pairs = []
        if query:
            pairs.append(("q", query))
        for facet in self.facets_declared:
            pairs.extend((facet.param, value) for value in selections.get(facet.param, ()))
        sort = self.sort if sort is None else sort
        if sort != (SORT_RELEVANCE if query and self.terms else SORT_NEWEST):
            pairs.append(("sort", sort))
        if page and page > 1:
            pairs.append(("page", str(page)))
        return "?" + urlencode(pairs) if pairs else self.request.path

    def _page_url(self, number: int) -> str:
        return self.url(page=number)

    # --- the work ---

    def _filtered(self, base, skip=None):
        for facet in self.facets_declared:
            values = self.selections[facet.param]
            if values and facet is not skip:
                base = facet.apply(base, values)
        return base

    def _build(self):
        number = page_number(self.params)
        base = self.queryset
        ranked = None
        if self.terms:
            search_in = self.search_queryset
            if search_in is None:
                search_in = self.queryset
            ranked = search_ids(search_in, self.terms)
            base = base.filter(pk__in=ranked)

        self.facets = [
            BoundFacet(
                facet, facet.options(self._filtered(base, skip=facet), self.selections[facet.param])
            )
            for facet in self.facets_declared
        ]
        # Unknown values are ignored: keep only what matched an option, for the URLs and chips.
        for bound in self.facets:
            known = {option.value for option in bound.options}
            self.selections[bound.param] = tuple(
                value for value in self.selections[bound.param] if value in known
            )
        filtered = self._filtered(base)

        if ranked is not None and self.sort == SORT_RELEVANCE:
            if self.search_queryset is None and not any(self.selections.values()):
                ordered = ranked  # the hits came from `queryset` itself, and nothing narrows them
            else:
                wanted = set(filtered.values_list("pk", flat=True))
                ordered = [pk for pk in ranked if pk in wanted]
            self.total = len(ordered)
            page = paginate(ordered, self.per_page, number, self.total)
            # The page's ids passed every filter already: fetch them by primary key alone.
            fetch = self.queryset.model._default_manager.filter(pk__in=page.object_list)
            items = {item.pk: item for item in self._fetch(fetch)}
            page.object_list = [items[pk] for pk in page.object_list if pk in items]
        else:
            self.total = self._total_from_facets()
            if self.total is None:
                self.total = filtered.count()
            page = paginate(filtered.order_by(*self.ordering), self.per_page, number, self.total)
            page.object_list = list(self._fetch(page.object_list))

        if self.terms and self.search_text:
            for item in page.object_list:
                item.search_excerpt = highlight(
                    self.search_text(item), self.terms, self.excerpt_length
                )
                item.highlighted_title = highlight(str(getattr(item, "title", item)), self.terms)
        self.page = page
        self.items = page.object_list
        self.pagination = pagination(page, self._page_url)

    def _fetch(self, queryset):
        if self.prefetch:
            queryset = queryset.prefetch_related(*self.prefetch)
        return queryset

    def _total_from_facets(self) -> int | None:
        for bound in self.facets:
            if bound.facet.exhaustive:
                selected = self.selections[bound.param]
                return sum(o.count for o in bound.options if not selected or o.selected)
        return None

    # --- for templates ---

    @property
    def is_filtered(self) -> bool:
        return bool(self.terms) or any(self.selections.values())

    @property
    def active_filters(self) -> list[ActiveFilter]:
        active = []
        for bound in self.facets:
            for option in bound.selected:
                remaining = dict(self.selections)
                remaining[bound.param] = tuple(
                    v for v in remaining[bound.param] if v != option.value
                )
                active.append(
                    ActiveFilter(bound.label, option.label, self.url(selections=remaining))
                )
        return active

    @property
    def clear_url(self) -> str:
        """The listing without filters, keeping the search."""
        return self.url(selections={}, sort=self.sort)

    @property
    def reset_url(self) -> str:
        return self.request.path

    @property
    def remove_query_url(self) -> str:
        return self.url(query="", sort=SORT_NEWEST)
