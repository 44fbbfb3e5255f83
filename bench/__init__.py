"""Benchmarks for the site: throughput, latency, SQL queries and weight per page type.

`python -m bench.run` (or `make bench`) runs everything against a throwaway PostgreSQL
database and a local gunicorn; bench/README.md says what is measured and how.
"""

# The page types measured: (name, path, expected status). /about/ and /about/our-story/ are
# StandardPages one and two levels below the home page.
PAGES = [
    ("home", "/", 200),
    ("about", "/about/", 200),
    ("our-story", "/about/our-story/", 200),
    # The programme, partner and research pages (home app): hero image, statistics, a chart,
    # testimonials, questions and, on the programme page, the eligibility criteria.
    ("programme", "/the-programme/", 200),
    ("partner", "/partner-with-us/", 200),
    ("research", "/our-research/", 200),
    # The knowledge hub (hub app), measured with the demo content and again with thousands of
    # generated articles (bench/hub.py): listing, filters, search, an article, topic and author
    # pages, and the site-wide search.
    ("hub", "/hub/", 200),
    ("hub-filtered", "/hub/?topic=reintegration&type=enquiry&type=research&setting=pru", 200),
    ("hub-search", "/hub/?q=reintegration", 200),
    ("article", "/hub/successful-reintegration-from-pru-to-mainstream/", 200),
    ("topic", "/hub/topics/science/", 200),
    ("author", "/hub/authors/mike-power/", 200),
    ("search", "/search/?q=reintegration", 200),
    # Case studies (casestudies app), measured with the demo content and again with hundreds of
    # generated case studies (bench/casestudies.py): the index, the index filtered by region,
    # setting and theme (two of the demo's match), and a case study.
    ("case-studies", "/case-studies/", 200),
    (
        "case-studies-filtered",
        "/case-studies/?region=london&setting=mainstream&theme=leadership",
        200,
    ),
    ("case-study", "/case-studies/lincolnshire-pru-turnaround/", 200),
    ("404", "/no-such-page/", 404),
]
