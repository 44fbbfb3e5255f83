"""The admin for the evidence snippets: one "Evidence" menu with statistics, testimonials and FAQs.

Every list links each row to its edit view and shows whether the record is live, where it is used
(a count from Wagtail's reference index, linking to the usage report) and, for statistics, the
as-of date and whether it is stale, with a filter for the stale ones.
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.choosers import BaseFilterForm, SearchFilterMixin
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, TitleColumn
from wagtail.models import DraftStateMixin, ReferenceIndex, Revision
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

import django_filters

from home.models import FAQ, Audience, Statistic, Testimonial
from home.snippets.testimonials import CONSENT_REQUIRED_MESSAGE

# ---------- What every evidence list shows ----------


class UsageCountColumn(Column):
    """ "Used N times", linking to the record's usage report; counted in the list's own query."""

    cell_template_name = "wagtailadmin/tables/usage_count_column_cell.html"

    def __init__(self, name="usage_count", **kwargs):
        super().__init__(name, label="Used", sort_key="usage_count", width="12%", **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        viewset = type(instance).snippet_viewset
        instance.usage_url = reverse(viewset.get_url_name("usage"), args=[instance.pk])
        return super().get_cell_context_data(instance, parent_context)


class UsageCountIndexView(IndexView):
    """Counts each record's uses with a subquery, and finds the scheduled revisions that the
    status column asks about for the whole page of rows at once: the list costs the same number
    of queries however many rows it shows."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(usage_count=ReferenceIndex.usage_count_subquery(self.model))
        )

    def get_table(self, object_list):
        objects = list(object_list)
        if objects and issubclass(self.model, DraftStateMixin):
            scheduled = {}
            revisions = Revision.objects.filter(
                base_content_type=ContentType.objects.get_for_model(self.model),
                object_id__in=[str(obj.pk) for obj in objects],
                approved_go_live_at__isnull=False,
            ).order_by("pk")
            for revision in revisions:
                scheduled.setdefault(revision.object_id, revision)
            for obj in objects:
                obj.scheduled_revision = scheduled.get(str(obj.pk))
        return super().get_table(objects)


class YesNoColumn(Column):
    """A true or false value as the words "Yes" and "No" (Wagtail's icons read "True")."""

    def get_value(self, instance):
        return "Yes" if super().get_value(instance) else "No"


def edit_link(name, label, **kwargs):
    """The row's title, linking to its edit view."""
    return TitleColumn(name, label=label, get_url=_edit_url, **kwargs)


def _edit_url(instance):
    return reverse(type(instance).snippet_viewset.get_url_name("edit"), args=[instance.pk])


# ---------- Statistics ----------


class StatisticFilterSet(WagtailFilterSet):
    stale = django_filters.BooleanFilter(
        label="Stale",
        method="filter_stale",
        widget=forms.Select(
            choices=[("", "Any date"), ("true", "Stale: check it"), ("false", "Up to date")]
        ),
    )
    as_of = django_filters.DateFromToRangeFilter(
        label="As of", widget=django_filters.widgets.RangeWidget(attrs={"type": "date"})
    )

    class Meta:
        model = Statistic
        fields = ["form", "live", "as_of"]

    def filter_stale(self, queryset, name, value):
        if value is None:
            return queryset
        cutoff = Statistic.stale_cutoff()
        return queryset.filter(as_of__lt=cutoff) if value else queryset.filter(as_of__gte=cutoff)


class StaleColumn(Column):
    def get_value(self, instance):
        return "Yes" if instance.is_stale() else "No"


class StatisticViewSet(SnippetViewSet):
    model = Statistic
    icon = "decimal"
    menu_label = "Statistics"
    menu_order = 100
    index_view_class = UsageCountIndexView
    list_display = [
        edit_link("label", "Statistic", sort_key="label"),
        Column("display_value", label="Figure", width="12%"),
        Column("source_title", label="Source"),
        Column("as_of_display", label="As of", sort_key="as_of", width="10%"),
        StaleColumn("stale", label="Stale", width="8%"),
        UsageCountColumn(),
        LiveStatusTagColumn(),
    ]
    list_export = [
        "display_value",
        "label",
        "population",
        "source_title",
        "source_url",
        "as_of",
        "live",
    ]
    export_filename = "statistics"
    filterset_class = StatisticFilterSet
    search_fields = ["label", "source_title", "population", "notes"]
    ordering = ["label"]


# ---------- Testimonials ----------


class TestimonialForm(WagtailAdminModelForm):
    """Publishing (full validation) needs consent; saving a draft does not."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding:
            # A new testimonial starts as a draft, as Wagtail saves it; the model's clean()
            # then only refuses a *live* testimonial without consent.
            self.instance.live = False

    def clean(self):
        cleaned_data = super().clean()
        publishing = not self.is_deferred_validation
        if publishing and not cleaned_data.get("consent_recorded"):
            self.add_error("consent_recorded", CONSENT_REQUIRED_MESSAGE)
        return cleaned_data


class TestimonialViewSet(SnippetViewSet):
    model = Testimonial
    icon = "openquote"
    menu_label = "Testimonials"
    menu_order = 200
    edit_handler = ObjectList(Testimonial.panels, base_form_class=TestimonialForm)
    index_view_class = UsageCountIndexView
    list_display = [
        edit_link("person_name", "Person", sort_key="person_name"),
        Column("organisation", label="Organisation"),
        YesNoColumn("consent_recorded", label="Consent recorded", width="14%"),
        UsageCountColumn(),
        LiveStatusTagColumn(),
    ]
    list_filter = ["consent_recorded", "live"]
    search_fields = ["quote", "person_name", "organisation"]
    ordering = ["person_name"]


# ---------- Frequently asked questions ----------


class FAQChooserFilterForm(SearchFilterMixin, BaseFilterForm):
    audience = forms.ChoiceField(
        label="Audience",
        choices=[("", "All audiences"), *Audience.choices],
        required=False,
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )

    def filter(self, objects):
        audience = self.cleaned_data.get("audience")
        if audience:
            objects = objects.filter(audience__in=Audience.shown_to(audience))
            self.is_searching = True
        return super().filter(objects)


class FAQChooseView(ChooseView):
    filter_form_class = FAQChooserFilterForm


class FAQChooseResultsView(ChooseResultsView):
    filter_form_class = FAQChooserFilterForm


class FAQChooserViewSet(SnippetChooserViewSet):
    choose_view_class = FAQChooseView
    choose_results_view_class = FAQChooseResultsView


class FAQViewSet(SnippetViewSet):
    model = FAQ
    icon = "help"
    menu_label = "Questions (FAQs)"
    menu_order = 300
    index_view_class = UsageCountIndexView
    list_display = [
        edit_link("question", "Question"),
        Column("audience", label="Audience", accessor="get_audience_display", width="16%"),
        UsageCountColumn(),
        LiveStatusTagColumn(),
    ]
    list_filter = ["audience", "live"]
    search_fields = ["question", "answer"]
    chooser_viewset_class = FAQChooserViewSet


class EvidenceViewSetGroup(SnippetViewSetGroup):
    menu_label = "Evidence"
    menu_icon = "clipboard-list"
    menu_order = 250
    items = (StatisticViewSet, TestimonialViewSet, FAQViewSet)
