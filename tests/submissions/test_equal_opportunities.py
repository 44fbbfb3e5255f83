"""The equal-opportunities report hides small numbers from someone who subtracts, and its
answers are purged on their own retention period with their counts kept."""

import random
from datetime import timedelta
from fractions import Fraction

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest
from bs4 import BeautifulSoup

from submissions.applications.choices import MONITORING_QUESTIONS, SMALL_NUMBER_THRESHOLD
from submissions.applications.disclosure import ALL, bridges, protect, table_from_counts
from submissions.applications.factories import CohortFactory
from submissions.models import MonitoringResponse, MonitoringSummary

pytestmark = pytest.mark.django_db

REPORT = "/admin/submissions/equal-opportunities/"
T = SMALL_NUMBER_THRESHOLD

# Figures built to leak: with only the small cells hidden, "all cohorts" minus the other two
# cohorts gives cohort A's 3 men; cohort D has 3 responses, all from men, which "all cohorts" minus the
# three larger cohorts would give away.
FIGURES = {
    "Cohort A": {"female": 15, "male": 3, "prefer-not-to-say": 2},
    "Cohort B": {"female": 10, "male": 5},
    "Cohort C": {"female": 6, "male": 6},
    "Cohort D": {"male": 3},
}


@pytest.fixture
def cohorts():
    made = {}
    for offset, (name, answers) in enumerate(FIGURES.items()):
        cohort = CohortFactory(
            name=name,
            opens_at=timezone.now() - timedelta(days=500 - offset),
            closes_at=timezone.now() - timedelta(days=400 - offset),
            programme_starts=(timezone.now() + timedelta(days=30)).date(),
        )
        made[name] = cohort
        for sex, count in answers.items():
            MonitoringResponse.objects.bulk_create(
                [MonitoringResponse(cohort=cohort, sex=sex) for _ in range(count)]
            )
    return made


@pytest.fixture
def reader(client, django_user_model):
    user = django_user_model.objects.create_user("eo", "eo@the-difference.test", "pw")
    user.groups.add(Group.objects.get(name="Equal opportunities report"))
    client.force_login(user)
    return client


def published(client) -> dict:
    """Every view the report offers, as a reader sees them: {column: (total, {question:
    {answer: count or None}})}; the column is the cohort's name, or ALL."""
    first = BeautifulSoup(client.get(REPORT).content, "html.parser")
    options = [(o["value"], o.text) for o in first.select("#cohort-filter option")]
    views = {}
    for value, name in options:
        page = BeautifulSoup(client.get(REPORT, {"cohort": value}).content, "html.parser")
        if page.select_one("[data-monitoring-suppressed]"):
            continue
        total = int(page.find(string=lambda s: s and s.strip().endswith("responses.")).split()[0])
        tables = {
            table.caption.text: {
                row.th.text: None if row.td.text == "Hidden" else int(row.td.text)
                for row in table.select("tbody tr")
            }
            for table in page.select("table[data-monitoring-question]")
        }
        views[ALL if value == "" else name] = (total, tables)
    return views


def rank(rows) -> int:
    rows = [list(row) for row in rows]
    rank, column = 0, 0
    width = len(rows[0]) if rows else 0
    while rank < len(rows) and column < width:
        pivot = next((i for i in range(rank, len(rows)) if rows[i][column] != 0), None)
        if pivot is None:
            column += 1
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for i in range(len(rows)):
            if i != rank and rows[i][column] != 0:
                factor = Fraction(rows[i][column], rows[rank][column])
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[rank], strict=True)]
        rank += 1
        column += 1
    return rank


def recoverable(views, question) -> set:
    """The hidden cells an attacker works out exactly from every published figure of one
    question, by sums and differences: a hidden cell is recovered when its unit vector lies in
    the row space of the equations' hidden-cell coefficients."""
    columns = [c for c in views if c != ALL]
    answers = list(views[ALL][1][question])
    hidden = [(a, c) for c in [*columns, ALL] for a in answers if views[c][1][question][a] is None]
    index = {cell: i for i, cell in enumerate(hidden)}
    equations = []
    for c in [*columns, ALL]:  # every column adds up to its published total
        equations.append([1 if (a, c) in index and cell_c == c else 0 for (a, cell_c) in hidden])
    for a in answers:  # every answer's cohorts add up to its all-cohorts figure
        row = [0] * len(hidden)
        for c in columns:
            if (a, c) in index:
                row[index[(a, c)]] += 1
        if (a, ALL) in index:
            row[index[(a, ALL)]] -= 1
        equations.append(row)
    base = rank(equations)
    found = set()
    for cell, i in index.items():
        unit = [1 if j == i else 0 for j in range(len(hidden))]
        if rank([*equations, unit]) == base:
            found.add(cell)
    return found


def naive(views_with_counts) -> dict:
    """The same figures published the old way: every cell under the threshold hidden, nothing
    else."""
    return {
        column: (
            total,
            {
                q: {a: (n if n is not None and n >= T else None) for a, n in answers.items()}
                for q, answers in tables.items()
            },
        )
        for column, (total, tables) in views_with_counts.items()
    }


def true_views() -> dict:
    """The real counts of the three publishable cohorts, in the report's shape."""
    labels = dict(MONITORING_QUESTIONS["sex"][1])
    views = {}
    for name, answers in FIGURES.items():
        total = sum(answers.values())
        if total < T:
            continue
        sex = {labels[k]: answers.get(k, 0) for k in labels} | {"Not answered": 0}
        views[name] = (total, {"What is your sex?": sex})
    everything = {}
    for _, (_, tables) in views.items():
        for answer, n in tables["What is your sex?"].items():
            everything[answer] = everything.get(answer, 0) + n
    views[ALL] = (sum(t for t, _ in views.values()), {"What is your sex?": everything})
    return views


def test_the_figures_leak_when_only_small_cells_are_hidden():
    # The test's attacker is real: on the old way of publishing it finds cohort A's men.
    found = recoverable(naive(true_views()), "What is your sex?")
    assert ("Male", "Cohort A") in found


def test_no_hidden_cell_is_recovered_from_every_view_of_the_report(reader, cohorts):
    views = published(reader)

    # Cohort D (3 responses) is left out of every figure, "all cohorts" included.
    assert set(views) == {"Cohort A", "Cohort B", "Cohort C", ALL}
    assert views[ALL][0] == 20 + 15 + 12
    for question in views[ALL][1]:
        assert recoverable(views, question) == set(), question
        for column, (total, tables) in views.items():
            answers = tables[question]
            # Nothing under the threshold is shown, zeros included...
            assert all(n is None or n >= T for n in answers.values())
            # ...and where some are hidden, what they add up to is no small number either.
            hidden_sum = total - sum(n for n in answers.values() if n is not None)
            assert hidden_sum == 0 or hidden_sum >= T, (question, column)
    sex = {column: tables["What is your sex?"] for column, (_, tables) in views.items()}
    assert sex["Cohort A"]["Female"] == 15  # big numbers are still shown
    assert sex["Cohort A"]["Male"] is None


def test_a_cohort_too_small_to_show_says_so(reader, cohorts):
    page = reader.get(REPORT, {"cohort": cohorts["Cohort D"].pk}).text
    assert "nothing is shown" in page
    assert "data-monitoring-question" not in page


@pytest.mark.parametrize("seed", range(30))
def test_random_tables_leave_no_bridge_and_no_small_hidden_sum(seed):
    rng = random.Random(seed)
    answers = [f"a{i}" for i in range(rng.randint(3, 9))]
    columns = [f"c{i}" for i in range(rng.randint(1, 5))]
    counts = {
        (a, c): rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 14, 30]) for a in answers for c in columns
    }
    columns = [c for c in columns if sum(counts[(a, c)] for a in answers) >= T]
    table = protect(table_from_counts(answers, columns, counts), T)
    assert bridges(table.hidden) == []
    for c in [*columns, ALL]:
        hidden = [table.value((a, c)) for a in answers if (a, c) in table.hidden]
        assert not hidden or sum(hidden) >= T


# --- retention -----------------------------------------------------------------------------


def test_answers_are_purged_after_their_retention_with_the_counts_kept(reader, cohorts, settings):
    settings.MONITORING_RETENTION_DAYS = 365
    recent = CohortFactory(name="Cohort E")
    MonitoringResponse.objects.bulk_create(
        [MonitoringResponse(cohort=recent, sex="female") for _ in range(6)]
    )
    before = published(reader)

    call_command("purge_expired_submissions", verbosity=0)
    assert set(MonitoringResponse.objects.values_list("cohort__name", flat=True)) == {"Cohort E"}
    assert MonitoringSummary.objects.count() == 4
    entry = ModelLogEntry.objects.get(
        action="submissions.purge", data__model="submissions.MonitoringResponse"
    )
    assert entry.data["count"] == 47 + 3
    assert entry.user is None

    # The report reads the same: purged cohorts from their counts, the new one from its rows.
    assert published(reader) == before

    # A second run finds nothing more, and says so in the audit log too.
    call_command("purge_expired_submissions", verbosity=0)
    assert MonitoringSummary.objects.get(cohort_name="Cohort A").responses == 20
    runs = ModelLogEntry.objects.filter(
        action="submissions.purge", data__model="submissions.MonitoringResponse"
    )
    assert [e.data["count"] for e in runs.order_by("pk")] == [50, 0]


def test_summaries_outlive_their_cohort(reader, cohorts, settings):
    settings.MONITORING_RETENTION_DAYS = 0
    call_command("purge_expired_submissions", verbosity=0)
    cohorts["Cohort A"].delete()
    views = published(reader)
    assert "Cohort A" in views
    assert views["Cohort A"][1]["What is your sex?"]["Female"] == 15


def test_the_report_costs_the_same_queries_however_many_cohorts_and_answers(reader, cohorts):
    def queries():
        reader.get(REPORT)  # takes the session's once-a-minute activity write, if due
        with CaptureQueriesContext(connection) as captured:
            assert reader.get(REPORT).status_code == 200
        return len(captured)

    few = queries()
    for n in range(6):
        cohort = CohortFactory(name=f"Extra {n}")
        MonitoringResponse.objects.bulk_create(
            [MonitoringResponse(cohort=cohort, sex="male", age_band="30-34") for _ in range(9)]
        )
    MonitoringSummary.objects.create(
        cohort_name="Old cohort", responses=40, counts={"sex": {"female": 40}}
    )
    assert queries() == few
