"""Listings: search, facets, sorting and pagination from plain GET parameters.

Shared by every listing of the site (the knowledge hub and its topic and author pages, case
studies), so they all read the same parameters and behave the same way with bad input:

- `q`: the search, cut to `MAX_QUERY_LENGTH` characters and reduced to at most `MAX_TERMS`
  words before it reaches the search backend, so quotes, operators and 10,000-character queries
  cost no more than a short one;
- one parameter per facet (see `listings.facets`), combinable and repeatable;
- `sort`: `newest` or, when searching, `relevance` (the default then); anything else is ignored;
- `page`: a whole number from 1 to the last page; anything else is a 404 (a page past the end
  is a page that does not exist, and a crawler should not index it).

The cost is bounded whatever the number of items: one query for the search (at most
`MAX_SEARCH_RESULTS` hits), one per facet, one for the page of results, plus the caller's
prefetches. The total comes from the counts of an exhaustive facet when there is one.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Prefetch, QuerySet

from .facets import Facet, Option
from .lookups import pk_any_of
from .pagination import page_number, paginate, pagination
from .search import clean_query, highlight, search_ids

SORT_NEWEST = "newest"
SORT_RELEVANCE = "relevance"
SORT_LABELS = {SORT_RELEVANCE: "Most relevant", SORT_NEWEST: "Newest first"}


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
            base = base.filter(pk_any_of(ranked)) if ranked else base.none()
        counted = base
        if ranked and self.search_queryset is None:
            # The hits came from `queryset` itself, so they already meet its conditions (live,
            # in this section, public): the facets count over the hits alone, with no join to
            # the page tree for PostgreSQL to repeat per facet.
            counted = self.queryset.model._default_manager.filter(pk_any_of(ranked))

        self.facets = [
            BoundFacet(
                facet,
                facet.options(self._filtered(counted, skip=facet), self.selections[facet.param]),
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
        if not self.terms and hasattr(queryset, "defer_streamfields"):
            # Cards show none of a page's StreamFields (a search's excerpts read them).
            queryset = queryset.defer_streamfields()
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
