"""Admin report: statistics whose as-of date is older than settings.STALE_STATISTIC_MONTHS.

Each row says where the statistic is used, from Wagtail's reference index (which records the
Statistic chooser blocks of every saved page), so an editor can check the figure against its
source and see at once which pages change when they publish a new value.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, ReferenceIndex

from home.models import Statistic
from home.snippets.statistics import stale_after_months


@dataclass(frozen=True)
class Usage:
    title: str
    url: str  # the admin edit view of the page or object that uses the statistic


def usages_of(statistics) -> dict[int, list[Usage]]:
    """{statistic pk: [Usage, ...]} for all of them, with one query per kind of source object."""
    statistics = list(statistics)
    if not statistics:
        return {}
    references = ReferenceIndex.get_references_to_in_bulk(statistics).values_list(
        "to_object_id", "base_content_type_id", "object_id"
    )
    sources = defaultdict(set)  # base content type id -> source object ids
    used_by = defaultdict(list)  # statistic pk -> [(content type id, object id)]
    for to_object_id, content_type_id, object_id in references.distinct():
        sources[content_type_id].add(object_id)
        used_by[int(to_object_id)].append((content_type_id, object_id))

    page_type = ContentType.objects.get_for_model(Page)
    objects = {}
    for content_type_id, object_ids in sources.items():
        if content_type_id == page_type.pk:
            pages = Page.objects.filter(pk__in=object_ids).only("pk", "title", "draft_title")
            for page in pages:
                objects[(content_type_id, str(page.pk))] = Usage(
                    page.get_admin_display_title(),
                    reverse("wagtailadmin_pages:edit", args=[page.pk]),
                )
        else:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            for pk, obj in model.objects.in_bulk(list(object_ids)).items():
                objects[(content_type_id, str(pk))] = Usage(str(obj), "")

    return {
        statistic.pk: sorted(
            (objects[key] for key in used_by.get(statistic.pk, []) if key in objects),
            key=lambda usage: usage.title,
        )
        for statistic in statistics
    }


class UsedInColumn(Column):
    cell_template_name = "home/reports/used_in_cell.html"

    def get_value(self, instance):
        return getattr(instance, "usages", [])


class StaleStatisticsReportView(ReportView):
    page_title = "Stale statistics"
    header_icon = "decimal"
    model = Statistic
    index_url_name = "home_stale_statistics"
    index_results_url_name = "home_stale_statistics_results"
    any_permission_required = ["add", "change", "publish"]
    paginate_by = 50
    list_export = ["display_value", "label", "source_title", "source_url", "as_of", "live"]
    export_headings = {"display_value": "Figure", "as_of": "As of", "live": "Published"}
    export_filename = "stale-statistics"

    @property
    def columns(self):
        return [
            TitleColumn(
                "label",
                label="Statistic",
                get_url=lambda statistic: reverse(
                    Statistic.snippet_viewset.get_url_name("edit"), args=[statistic.pk]
                ),
            ),
            Column("display_value", label="Figure"),
            Column("source_title", label="Source"),
            Column("as_of_display", label="As of"),
            UsedInColumn("usages", label="Used in"),
        ]

    @property
    def months(self) -> int:
        return stale_after_months()

    def get_queryset(self):
        return Statistic.objects.filter(as_of__lt=Statistic.stale_cutoff()).order_by(
            "as_of", "label"
        )

    def decorate_paginated_queryset(self, object_list):
        statistics = list(object_list)
        usages = usages_of(statistics)
        for statistic in statistics:
            statistic.usages = usages.get(statistic.pk, [])
        return statistics

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["no_results_message"] = (
            f"No statistic is older than {self.months} months. Nothing to check."
        )
        return context

    @property
    def page_subtitle(self):
        return f"As-of date older than {self.months} months"
