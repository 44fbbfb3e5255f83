"""The equal-opportunities report: answers counted per question and cohort, small numbers hidden.

The answers (`MonitoringResponse`) are linked to nothing but a cohort, so staff only ever see
them as counts, and only with the report's own permission (`access.can_see_report`). Once a
cohort's answers pass their retention period they are purged and their counts kept in a
`MonitoringSummary`; the report reads both, so its figures do not change when that happens.

Every view of the report (each cohort, all cohorts) shows one column of the same protected
tables (`disclosure.protect`): a cohort with fewer than `SMALL_NUMBER_THRESHOLD` responses is
left out of every figure, any count under the threshold is hidden, and so is every further cell
that would let a hidden one be worked out by subtracting published figures.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from submissions.access import can_see_report

from .choices import MONITORING_QUESTIONS, SMALL_NUMBER_THRESHOLD
from .disclosure import ALL, protect, table_from_counts
from .models import NO_COHORT, Cohort, MonitoringResponse, MonitoringSummary

NOT_ANSWERED = ""


@dataclass(frozen=True)
class Column:
    key: str  # the value of ?cohort=: a cohort's id, or "summary-<id>" for a deleted cohort's
    name: str


@dataclass
class Report:
    columns: list[Column]  # every cohort with figures, in order (published or not)
    published: set  # keys of the columns with enough responses to be shown
    totals: dict  # {column key or ALL: number of responses}, published columns only
    questions: list  # [{"question": label, "answers": [{"label", "counts": {key: n|None}}]}]


def monitoring_report(threshold: int = SMALL_NUMBER_THRESHOLD) -> Report:
    """Every column of the report, protected: eleven queries, whatever the number of cohorts
    and responses."""
    cohorts = list(Cohort.objects.all())
    live = MonitoringResponse.objects.order_by()
    totals_by_cohort = dict(live.values_list("cohort_id").annotate(n=Count("pk")))
    answers_by_cohort = {
        question: live.values_list("cohort_id", question).annotate(n=Count("pk"))
        for question in MONITORING_QUESTIONS
    }
    summaries = list(MonitoringSummary.objects.all())

    # Columns: each cohort (live answers and any summary of purged ones added together), then
    # the summaries and live answers of deleted cohorts.
    key_of_cohort = {cohort.pk: str(cohort.pk) for cohort in cohorts}
    columns = [Column(str(cohort.pk), cohort.name) for cohort in cohorts]
    totals: dict[str, int] = {}
    counts: dict[tuple, int] = {}

    def add(key, question, answer, n):
        counts[(question, answer, key)] = counts.get((question, answer, key), 0) + n

    for summary in summaries:
        key = key_of_cohort.get(summary.cohort_id) or f"summary-{summary.pk}"
        if key not in key_of_cohort.values():
            columns.append(Column(key, summary.cohort_name))
        totals[key] = totals.get(key, 0) + summary.responses
        for question, answers in summary.counts.items():
            for answer, n in answers.items():
                add(key, question, answer, n)
    if None in totals_by_cohort:
        columns.append(Column("none", NO_COHORT))
    for cohort_id, n in totals_by_cohort.items():
        key = key_of_cohort.get(cohort_id, "none")
        totals[key] = totals.get(key, 0) + n
    for question, rows in answers_by_cohort.items():
        for cohort_id, answer, n in rows:
            add(key_of_cohort.get(cohort_id, "none"), question, answer, n)

    published = [c.key for c in columns if totals.get(c.key, 0) >= threshold]
    published_totals = {key: totals[key] for key in published}
    published_totals[ALL] = sum(published_totals.values())

    questions = []
    for question, (label, choices) in MONITORING_QUESTIONS.items():
        answers = [*(key for key, _ in choices), NOT_ANSWERED]
        cells = {}
        for key in published:
            given = {a: counts.get((question, a, key), 0) for a in answers if a != NOT_ANSWERED}
            for answer, n in given.items():
                cells[(answer, key)] = n
            cells[(NOT_ANSWERED, key)] = totals[key] - sum(given.values())
        table = protect(table_from_counts(answers, published, cells), threshold)
        labels = {**dict(choices), NOT_ANSWERED: "Not answered"}
        questions.append(
            {
                "question": label,
                "answers": [
                    {
                        "label": labels[answer],
                        "counts": {
                            key: None
                            if (answer, key) in table.hidden
                            else table.value((answer, key))
                            for key in [*published, ALL]
                        },
                    }
                    for answer in answers
                ],
            }
        )
    return Report(
        columns=columns, published=set(published), totals=published_totals, questions=questions
    )


class MonitoringReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "submissions/admin/monitoring_report.html"
    page_title = "Equal opportunities"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not can_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        report = monitoring_report()
        chosen = self.request.GET.get("cohort", "")
        key = chosen if any(c.key == chosen for c in report.columns) else ALL
        shown = (key == ALL and report.totals[ALL] >= SMALL_NUMBER_THRESHOLD) or (
            key in report.published
        )
        return {
            **super().get_context_data(**kwargs),
            "cohorts": report.columns,
            "chosen": "" if key == ALL else key,
            "total": report.totals[key] if shown else None,
            "threshold": SMALL_NUMBER_THRESHOLD,
            "questions": [
                {
                    "question": question["question"],
                    "answers": [
                        {"label": answer["label"], "count": answer["counts"][key]}
                        for answer in question["answers"]
                    ],
                }
                for question in report.questions
            ]
            if shown
            else [],
        }
