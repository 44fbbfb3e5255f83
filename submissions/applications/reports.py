"""The equal-opportunities report: answers counted per question, small numbers hidden.

The answers (`MonitoringResponse`) are linked to nothing but a cohort, so staff only ever see
them as counts; a count under `SMALL_NUMBER_THRESHOLD` is not shown.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .choices import MONITORING_QUESTIONS, SMALL_NUMBER_THRESHOLD
from .models import Cohort, MonitoringResponse


def monitoring_aggregates(responses, threshold: int = SMALL_NUMBER_THRESHOLD) -> list[dict]:
    """Per question, each answer's count, or None where fewer than `threshold` gave it.

    One query per question (eight in all), whatever the number of responses. A suppressed
    count is also left out of nothing else: the total shown is the number of responses, which
    is itself suppressed when small, so no count can be worked out by subtraction.
    """
    total = responses.count()
    rows = []
    for name, (label, choices) in MONITORING_QUESTIONS.items():
        counts = dict(
            responses.exclude(**{name: ""}).values_list(name).annotate(n=Count("pk")).order_by()
        )
        answers = [
            {
                "label": answer_label,
                "count": counts.get(key, 0) if counts.get(key, 0) >= threshold else None,
            }
            for key, answer_label in choices
        ]
        unanswered = total - sum(counts.values())
        answers.append(
            {
                "label": "Not answered",
                "count": unanswered if unanswered >= threshold else None,
            }
        )
        rows.append({"question": label, "answers": answers})
    return rows


class MonitoringReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "submissions/admin/monitoring_report.html"
    page_title = "Equal opportunities"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("submissions.view_teacherapplication"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        cohorts = list(Cohort.objects.all())
        chosen = self.request.GET.get("cohort", "")
        responses = MonitoringResponse.objects.all()
        if chosen.isdigit():
            responses = responses.filter(cohort_id=int(chosen))
        total = responses.count()
        return {
            **super().get_context_data(**kwargs),
            "cohorts": cohorts,
            "chosen": chosen,
            "total": total if total >= SMALL_NUMBER_THRESHOLD else None,
            "threshold": SMALL_NUMBER_THRESHOLD,
            "questions": monitoring_aggregates(responses)
            if total >= SMALL_NUMBER_THRESHOLD
            else [],
        }
