"""The CPU bench's harness (bench/cpu.py) measures real pages, not errors or empty responses.

It serves each page through Django's WSGI handler with a hand-built environ (not the test
client), checks the status each page should have, and gives figures in ms and in units of the
fixed template work. No timing is asserted here: the figures are the bench's to print.
"""

from django.core import signals
from django.db import close_old_connections

from wagtail.models import Site

import pytest

from bench import cpu
from home.factories import StandardPageFactory

PORT = 8000


@pytest.fixture
def site_as_benched(home_page, settings):
    """The default site on the host and port the bench's requests name.

    A server closes the database connection between requests (request_finished), which would
    end the test's transaction; for the test, it is kept open, as Django's test client does.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=PORT)
    yield StandardPageFactory(parent=home_page, title="About the charity", slug="about")
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_the_harness_serves_pages_through_the_wsgi_handler(site_as_benched):
    harness = cpu.Harness(PORT)

    body = harness.get("/about/", 200)

    assert b"About the charity" in body
    assert b"<html" in harness.get("/", 200)
    assert harness.get("/no-such-page/", 404)


def test_a_page_that_answers_with_another_status_stops_the_measurement(site_as_benched):
    with pytest.raises(AssertionError, match="status 404, expected 200"):
        cpu.measure(PORT, 1, 1, pages=[("missing", "/no-such-page/", 200)])


def test_every_page_gets_positive_figures_warm_and_cleared_in_ms_and_units(site_as_benched):
    pages = [("home", "/", 200), ("about", "/about/", 200), ("404", "/no-such-page/", 404)]

    figures = cpu.measure(PORT, 2, 2, pages=pages)

    assert figures["unit_ms"] > 0
    for name, path, _ in pages:
        row = figures["pages"][name]
        assert row["path"] == path
        assert row["warm_ms"] > 0 and row["cleared_ms"] > 0
        assert row["warm_units"] == pytest.approx(row["warm_ms"] / figures["unit_ms"], abs=0.01)
        assert row["cleared_units"] > 0
        assert row["queries_warm"] > 0
    # The cache was cleared before each cleared request: the home page then reads the
    # navigation and the site root paths from the database again.
    assert figures["pages"]["home"]["queries_cleared"] > figures["pages"]["home"]["queries_warm"]


def test_the_targets_name_the_worst_page_and_ignore_the_404():
    def row(warm, ratio):
        return {"warm_units": warm, "cleared_over_warm": ratio}

    sizes = {
        "demo": {"pages": {"home": row(1.2, 1.5), "article": row(1.4, 2.5), "404": row(9, 9)}},
        "large": {"pages": {"home": row(1.6, 1.1), "404": row(9, 9)}},
    }

    found = cpu.targets({"sizes": sizes})

    assert found["cpu_warm_at_most_1_5_units"] == {
        "met": False,
        "figure": {"demo": {"article": 1.4}, "large": {"home": 1.6}},
    }
    assert found["cpu_cleared_at_most_2x_warm"] == {
        "met": False,
        "figure": {"demo": {"article": 2.5}, "large": {"home": 1.1}},
        "floor_over_2": {"demo": {}, "large": {}},
    }


def test_a_page_whose_warm_cost_is_under_half_the_404_drawn_in_full_is_out_of_reach():
    def row(warm_ms, cleared_ms):
        return {
            "warm_ms": warm_ms,
            "cleared_ms": cleared_ms,
            "warm_units": warm_ms / 10,
            "cleared_over_warm": cleared_ms / warm_ms,
        }

    pages = {"home": row(5, 50), "about": row(8, 25), "404": row(7, 13)}

    found = cpu.targets({"sizes": {"demo": {"pages": pages}}})

    # 13 / 5: even a home page that drew nothing of its own would cost 2.6 times its warm cost;
    # 13 / 8 leaves the standard page room under 2.
    assert found["cpu_cleared_at_most_2x_warm"]["floor_over_2"] == {"demo": {"home": 2.6}}
