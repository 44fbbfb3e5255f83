"""A statistic, kept once with its source and date, shown the same way on every page."""

import datetime
from decimal import Decimal
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from .base import EvidenceSnippet

DEFAULT_STALE_MONTHS = 24


def stale_after_months() -> int:
    """How old a statistic's as-of date may be before the admin's report calls it stale."""
    return int(getattr(settings, "STALE_STATISTIC_MONTHS", DEFAULT_STALE_MONTHS))


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months earlier (the last day of the month if it is shorter)."""
    month_index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in range(day.day, 0, -1):
        try:
            return datetime.date(year, month, candidate)
        except ValueError:
            continue
    raise ValueError(f"No day in {year}-{month}")  # pragma: no cover - every month has a 1st


def _plain_number(value: Decimal) -> str:
    """12 -> '12', 1.50 -> '1.5', 7000 -> '7,000'."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text


class FigureParts(NamedTuple):
    """A figure in three parts, named so templates read them without a failed lookup first."""

    before: str
    number: str
    after: str


class Statistic(EvidenceSnippet):
    class Form(models.TextChoices):
        COUNT = "count", "A count, such as 41 or 50,000"
        PERCENTAGE = "percentage", "A percentage, such as 82%"
        TIMES = "times", "Times more likely, such as 7 times"
        ONE_IN = "one_in", "One in N, such as 1 in 2"
        MONEY = "money", "Money in pounds, such as £2.1 billion"

    class Qualifier(models.TextChoices):
        EXACT = "", "(none)"
        ABOUT = "about", "About"
        ALMOST = "almost", "Almost"
        MORE_THAN = "more_than", "More than"
        FEWER_THAN = "fewer_than", "Fewer than"

    class Precision(models.TextChoices):
        YEAR = "year", "Year only (2017)"
        MONTH = "month", "Month and year (October 2017)"
        DAY = "day", "Full date (3 October 2017)"

    value = models.DecimalField(
        max_digits=15,
        decimal_places=2,
        help_text="The number alone: 41, 82 for 82%, 7 for '7 times', 2 for '1 in 2', "
        "2100000000 for £2.1 billion.",
    )
    form = models.CharField("unit or form", max_length=20, choices=Form.choices, default=Form.COUNT)
    qualifier = models.CharField(
        max_length=20,
        choices=Qualifier.choices,
        blank=True,
        help_text="For figures that are not exact, such as 'more than 250'.",
    )
    label = models.CharField(
        max_length=200,
        help_text="What the figure counts, read straight after the number: '41' + 'pupils are "
        "permanently excluded from school in England every school day'.",
    )
    population = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who the figure is about, if the label does not say: 'Excluded pupils, "
        "compared with all pupils in England'.",
    )
    source_title = models.CharField(
        max_length=255,
        help_text="The publication, with its publisher: 'Making the Difference (IPPR)'.",
    )
    source_url = models.URLField("source URL", blank=True)
    as_of = models.DateField(
        "as of",
        help_text="When the figure applies. The stale statistics report lists figures whose date "
        "is older than two years.",
    )
    as_of_precision = models.CharField(
        "show the date as",
        max_length=10,
        choices=Precision.choices,
        default=Precision.YEAR,
        help_text="Show only as much of the date as the source gives.",
    )
    notes = models.TextField(
        blank=True,
        help_text="For editors only, never shown on the site: how the figure was worked out, "
        "other versions of it, when to check it again.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("qualifier"), FieldPanel("value"), FieldPanel("form")]),
                FieldPanel("label"),
                FieldPanel("population"),
            ],
            heading="The figure",
        ),
        MultiFieldPanel(
            [
                FieldPanel("source_title"),
                FieldPanel("source_url"),
                FieldRowPanel([FieldPanel("as_of"), FieldPanel("as_of_precision")]),
            ],
            heading="Source and date",
        ),
        FieldPanel("notes"),
    ]

    search_fields = [
        index.SearchField("label"),
        index.AutocompleteField("label"),
        index.SearchField("population"),
        index.SearchField("source_title"),
        index.AutocompleteField("source_title"),
        index.SearchField("notes"),
        index.FilterField("form"),
        index.FilterField("as_of"),
    ]

    class Meta(EvidenceSnippet.Meta):
        verbose_name = "statistic"
        ordering = ["label"]

    def __str__(self) -> str:
        return f"{self.display_value} {self.label} ({self.source_title}, {self.as_of_display})"

    def clean(self):
        super().clean()
        errors = {}
        if self.value is not None:
            if self.value < 0:
                errors["value"] = "Enter a number of zero or more; say what falls in the label."
            elif self.form == self.Form.PERCENTAGE and self.value > 100:
                errors["value"] = "A percentage can be at most 100."
            elif self.form == self.Form.ONE_IN and self.value < 1:
                errors["value"] = "For '1 in N', N is at least 1."
        if errors:
            raise ValidationError(errors)

    # ---------- How the figure reads ----------

    @property
    def number_display(self) -> str:
        """The number as printed: '7,000', '82', '2.1' (of '£2.1 billion')."""
        value = Decimal(self.value or 0)
        if self.form == self.Form.MONEY:
            for size, _word in ((Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")):
                if value >= size:
                    return _plain_number((value / size).quantize(Decimal("0.1")))
        return _plain_number(value)

    @property
    def parts(self) -> FigureParts:
        """(before, number, after): ('1 in ', '2', ''), ('£', '2.1', ' billion'), ('', '82', '%')."""
        return FigureParts(*self._parts())

    def _parts(self) -> tuple[str, str, str]:
        number = self.number_display
        value = Decimal(self.value or 0)
        if self.form == self.Form.PERCENTAGE:
            return "", number, "%"
        if self.form == self.Form.TIMES:
            return "", number, " time" if value == 1 else " times"
        if self.form == self.Form.ONE_IN:
            return "1 in ", number, ""
        if self.form == self.Form.MONEY:
            if value >= Decimal(10) ** 9:
                return "£", number, " billion"
            if value >= Decimal(10) ** 6:
                return "£", number, " million"
            return "£", number, ""
        return "", number, ""

    @property
    def qualifier_display(self) -> str:
        return self.get_qualifier_display() if self.qualifier else ""

    @property
    def display_value(self) -> str:
        """The figure as one string: 'More than 250', '1 in 2', '£2.1 billion'."""
        before, number, after = self.parts
        figure = f"{before}{number}{after}"
        if self.qualifier:
            return f"{self.qualifier_display} {figure}"
        return figure

    @property
    def as_of_display(self) -> str:
        if self.as_of is None:
            return ""
        if self.as_of_precision == self.Precision.DAY:
            return f"{self.as_of.day} {self.as_of:%B %Y}"
        if self.as_of_precision == self.Precision.MONTH:
            return f"{self.as_of:%B %Y}"
        return str(self.as_of.year)

    @property
    def sentence(self) -> str:
        """One plain sentence for summaries and chart descriptions."""
        text = f"{self.display_value} {self.label}"
        if self.population:
            text += f" ({self.population})"
        return f"{text}. Source: {self.source_title}, {self.as_of_display}."

    @property
    def chart_value(self) -> float:
        return float(self.value or 0)

    # ---------- Age ----------

    @classmethod
    def stale_cutoff(cls, today: datetime.date | None = None, months: int | None = None):
        """Statistics dated before this day are stale."""
        today = today or datetime.date.today()
        return months_before(today, stale_after_months() if months is None else months)

    def is_stale(self, today: datetime.date | None = None) -> bool:
        return self.as_of is not None and self.as_of < self.stale_cutoff(today)
