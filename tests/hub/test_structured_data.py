"""The hub's routed pages (authors, topics) and the site search carry breadcrumbs as structured
data, like every page below home; articles carry theirs beside their ScholarlyArticle."""

import pytest

from tests.home.test_structured_data import json_ld, of_type

pytestmark = pytest.mark.django_db


def test_routed_pages_carry_breadcrumbs_too(client, articles):
    for url, trail in [
        ("/hub/", ["Home", "Knowledge hub"]),
        ("/hub/authors/mike-power/", ["Home", "Knowledge hub", "Mike Power"]),
        ("/hub/topics/send/", ["Home", "Knowledge hub", "SEND"]),
        (
            "/hub/successful-reintegration/",
            ["Home", "Knowledge hub", articles["reintegration"].title],
        ),
        ("/search/?q=science", ["Home", "Search results"]),
    ]:
        [crumbs] = of_type(json_ld(client, url), "BreadcrumbList")
        assert [item["name"] for item in crumbs["itemListElement"]] == trail, url
        assert crumbs["itemListElement"][-1]["item"].startswith("http://testserver/")
