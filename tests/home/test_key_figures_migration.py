"""Migration 0003: the home page's typed-in key figures become shared Statistic records."""

import datetime
import importlib
import json
from decimal import Decimal

from django.apps import apps
from django.db import connection

from wagtail.models import Revision

import pytest

from home.models import HomePage, Statistic

migration = importlib.import_module("home.migrations.0003_key_figures_to_statistics")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("41", (Decimal(41), "count", "")),
        ("7,000", (Decimal(7000), "count", "")),
        ("More than 250", (Decimal(250), "count", "more_than")),
        ("almost 7,000", (Decimal(7000), "count", "almost")),
        ("82%", (Decimal(82), "percentage", "")),
        ("1.5 %", (Decimal("1.5"), "percentage", "")),
        ("7x", (Decimal(7), "times", "")),
        ("10 times", (Decimal(10), "times", "")),
        ("1 in 2", (Decimal(2), "one_in", "")),
        ("£2.1bn", (Decimal("2100000000.0"), "money", "")),
        ("£3 million", (Decimal(3000000), "money", "")),
        ("two-thirds", None),
        ("", None),
    ],
)
def test_legacy_values_are_read_as_figures(text, expected):
    assert migration.parse_value(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017", (datetime.date(2017, 1, 1), "year")),
        ("April 2016", (datetime.date(2016, 4, 1), "month")),
        ("3 Oct 2017", (datetime.date(2017, 10, 3), "day")),
        ("31 February 2017", None),
        ("recently", None),
    ],
)
def test_legacy_dates_are_read_with_their_precision(text, expected):
    assert migration.parse_as_of(text) == expected


LEGACY = [
    {
        "type": "figure",
        "id": "a",
        "value": {
            "value": "41",
            "label": "pupils excluded every school day",
            "source": "Making the Difference, IPPR",
            "source_url": "https://example.org/report",
            "as_of": "2017",
        },
    },
    {
        "type": "figure",
        "id": "b",
        "value": {
            "value": "two-thirds",
            "label": "of something",
            "source": "A survey",
            "source_url": "",
            "as_of": "2019",
        },
    },
]


def store_legacy_key_figures(page):
    """Write the old block JSON straight to the table, as the foundation's pages hold it."""
    cast = "::jsonb" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE home_homepage SET key_figures = %s{cast} WHERE page_ptr_id = %s",  # noqa: S608
            [json.dumps(LEGACY), page.pk],
        )
    revision = page.latest_revision
    revision.content["key_figures"] = json.dumps(LEGACY)
    revision.save(update_fields=["content"])


@pytest.mark.django_db
def test_migration_turns_key_figures_into_statistics_in_the_page_and_its_revisions(home_page):
    home_page.save_revision().publish()
    store_legacy_key_figures(home_page)

    migration.forwards(apps, None)
    migration.forwards(apps, None)  # running it again changes nothing

    assert Statistic.objects.count() == 2
    readable = Statistic.objects.get(label="pupils excluded every school day")
    assert readable.live and readable.display_value == "41"
    assert readable.source_title == "Making the Difference, IPPR"
    assert readable.as_of == datetime.date(2017, 1, 1) and readable.as_of_display == "2017"
    unreadable = Statistic.objects.get(label="of something")
    assert not unreadable.live and "two-thirds" in unreadable.notes

    page = HomePage.objects.get(pk=home_page.pk)
    assert [(block.block_type, block.value) for block in page.key_figures] == [
        ("statistic", readable),
        ("statistic", unreadable),
    ]
    assert [block.id for block in page.key_figures] == ["a", "b"]
    revision = Revision.objects.get(pk=home_page.latest_revision.pk)
    assert [item["value"] for item in json.loads(revision.content["key_figures"])] == [
        readable.pk,
        unreadable.pk,
    ]
    # The editor opens the latest revision with its figures intact.
    assert len(page.get_latest_revision_as_object().key_figures) == 2
