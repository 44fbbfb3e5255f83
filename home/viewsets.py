"""The admin for the evidence snippets: one "Evidence" menu with statistics, testimonials and FAQs."""

from django import forms

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.choosers import BaseFilterForm, SearchFilterMixin
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

import django_filters

from home.models import FAQ, Audience, Statistic, Testimonial
from home.snippets.testimonials import CONSENT_REQUIRED_MESSAGE

# ---------- Statistics ----------


class StatisticFilterSet(WagtailFilterSet):
    as_of = django_filters.DateFromToRangeFilter(
        label="As of", widget=django_filters.widgets.RangeWidget(attrs={"type": "date"})
    )

    class Meta:
        model = Statistic
        fields = ["form", "live", "as_of"]


class StatisticViewSet(SnippetViewSet):
    model = Statistic
    icon = "decimal"
    menu_label = "Statistics"
    menu_order = 100
    list_display = [
        Column("display_value", label="Figure"),
        "label",
        "source_title",
        Column("as_of_display", label="As of", sort_key="as_of"),
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
    list_display = ["person_name", "organisation", "consent_recorded"]
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
    list_display = ["question", "audience"]
    list_filter = ["audience", "live"]
    search_fields = ["question", "answer"]
    chooser_viewset_class = FAQChooserViewSet


class EvidenceViewSetGroup(SnippetViewSetGroup):
    menu_label = "Evidence"
    menu_icon = "clipboard-list"
    menu_order = 250
    items = (StatisticViewSet, TestimonialViewSet, FAQViewSet)
