"""Listings and search: the machinery every section's listings share, and the site-wide search.

- `facets`: filters as GET parameters, with counts (`RelatedFacet`, `ChoiceFacet`, `YearFacet`);
- `search`: the query cleaned before the backend sees it, ranked hits, highlighted excerpts;
- `pagination`: `?page=` read strictly, and the links;
- `listing`: `Listing`, which puts those together for one page of results;
- `restrictions`: pages behind a view restriction left out, read once per request;
- `subpages`: `SubPage`, for pages served by a route (author, topic and search pages);
- `views`: the site-wide search page, /search/.

It knows no section of the site: the hub and case studies use it, never the other way round.
"""
