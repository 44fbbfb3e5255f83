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
    ("404", "/no-such-page/", 404),
]
