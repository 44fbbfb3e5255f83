"""The evidence snippets: how a statistic reads, when it is stale, and the consent rule."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError

import pytest

from home import factories
from home import snippets as evidence
from home.models import FAQ, Audience, Statistic
from home.snippets.statistics import months_before

# ---------- Statistics ----------


@pytest.mark.parametrize(
    ("value", "form", "qualifier", "expected"),
    [
        (41, "count", "", "41"),
        (7000, "count", "almost", "Almost 7,000"),
        (250, "count", "more_than", "More than 250"),
        (82, "percentage", "", "82%"),
        (Decimal("1.5"), "percentage", "", "1.5%"),
        (7, "times", "", "7 times"),
        (1, "times", "", "1 time"),
        (2, "one_in", "", "1 in 2"),
        (2_100_000_000, "money", "about", "About £2.1 billion"),
        (3_500_000, "money", "", "£3.5 million"),
        (12_500, "money", "", "£12,500"),
    ],
)
def test_a_statistic_reads_the_same_everywhere(value, form, qualifier, expected):
    statistic = Statistic(value=value, form=form, qualifier=qualifier, label="x")
    assert statistic.display_value == expected


def test_the_figure_splits_into_parts_for_the_template():
    assert Statistic(value=2_100_000_000, form="money").parts == ("£", "2.1", " billion")
    assert Statistic(value=2, form="one_in").parts == ("1 in ", "2", "")
    assert Statistic(value=82, form="percentage").parts == ("", "82", "%")


@pytest.mark.parametrize(
    ("precision", "expected"),
    [("year", "2017"), ("month", "October 2017"), ("day", "3 October 2017")],
)
def test_the_date_shows_only_as_much_as_the_source_gives(precision, expected):
    statistic = Statistic(as_of=datetime.date(2017, 10, 3), as_of_precision=precision)
    assert statistic.as_of_display == expected


def test_a_statistic_names_its_source_and_date_in_its_sentence():
    statistic = Statistic(
        value=7,
        form="times",
        label="more likely to have special educational needs",
        population="Excluded pupils",
        source_title="Making the Difference (IPPR)",
        as_of=datetime.date(2017, 10, 1),
    )
    assert statistic.sentence == (
        "7 times more likely to have special educational needs (Excluded pupils). "
        "Source: Making the Difference (IPPR), 2017."
    )


@pytest.mark.parametrize(
    ("value", "form", "field_error"),
    [
        (101, "percentage", "at most 100"),
        (-3, "count", "zero or more"),
        (0, "one_in", "at least 1"),
    ],
)
def test_impossible_figures_are_refused(value, form, field_error):
    statistic = Statistic(
        value=value, form=form, label="x", source_title="y", as_of=datetime.date(2020, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        statistic.full_clean()
    assert field_error in " ".join(error.value.message_dict["value"])


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 11, 25), 24, datetime.date(2024, 11, 25)),
        (datetime.date(2026, 3, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2024, 2, 29), 12, datetime.date(2023, 2, 28)),
        (datetime.date(2026, 1, 15), 13, datetime.date(2024, 12, 15)),
    ],
)
def test_months_before_counts_calendar_months(day, months, expected):
    assert months_before(day, months) == expected


def test_a_statistic_is_stale_after_the_configured_number_of_months(settings):
    today = datetime.date(2026, 11, 25)
    statistic = Statistic(as_of=datetime.date(2024, 11, 24))
    assert statistic.is_stale(today)
    assert not Statistic(as_of=datetime.date(2024, 11, 25)).is_stale(today)
    settings.STALE_STATISTIC_MONTHS = 36
    assert not statistic.is_stale(today)


# ---------- Testimonials ----------


@pytest.mark.django_db
def test_a_live_testimonial_without_consent_is_invalid():
    testimonial = factories.TestimonialFactory.build(consent_recorded=False, live=True)
    with pytest.raises(ValidationError) as error:
        testimonial.full_clean()
    assert "consent" in " ".join(error.value.message_dict["consent_recorded"])

    testimonial.live = False
    testimonial.full_clean()  # a draft may wait for consent


@pytest.mark.django_db
def test_publishing_a_revision_without_consent_fails_and_leaves_it_unpublished():
    testimonial = factories.TestimonialFactory(consent_recorded=False, live=False)
    revision = testimonial.save_revision()

    with pytest.raises(ValidationError, match="consent"):
        revision.publish()

    testimonial.refresh_from_db()
    assert not testimonial.live

    testimonial.consent_recorded = True
    testimonial.save_revision().publish()
    testimonial.refresh_from_db()
    assert testimonial.live


def test_the_role_line_joins_role_and_organisation():
    build = evidence.Testimonial
    assert build(role="Chief executive", organisation="Ark").attribution_role == (
        "Chief executive, Ark"
    )
    assert build(role="", organisation="Ark").attribution_role == "Ark"


# ---------- Questions ----------


def test_questions_for_everyone_show_to_every_audience():
    assert set(Audience.shown_to("applicants")) == {"applicants", "everyone"}
    assert set(Audience.shown_to("schools")) == {"schools", "everyone"}
    assert set(Audience.shown_to("everyone")) == {"applicants", "schools", "everyone"}


@pytest.mark.django_db
def test_questions_come_in_the_order_editors_set():
    factories.FAQFactory(question="Second?", sort_order=2)
    factories.FAQFactory(question="First?", sort_order=1)
    assert [faq.question for faq in FAQ.objects.all()] == ["First?", "Second?"]
