"""The selection register of teacher applications (wagtail-modeladmin), and blind screening.

Built from the shared register pieces in `submissions.registers` (permission helper, audited
index, inspect and edit views, formula-safe export). Only the "Recruitment" group (migration
0005) and superusers see applications.
"""

from django.contrib.admin import SimpleListFilter
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView

from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import ModelAdmin

from home.models import get_programme_requirements
from submissions.access import can_see
from submissions.registers import (
    REGISTER_CSS,
    RegisterColumns,
    SubmissionEditView,
    SubmissionHistoryView,
    SubmissionIndexView,
    SubmissionInspectView,
    SubmissionPermissionHelper,
)
from taxonomy.places import REGION_NAMES, REGIONS

from .choices import DEFAULT_COMPETENCIES, STATEMENT_WORD_LIMIT
from .models import OUTSIDE_ENGLAND, Cohort, TeacherApplication
from .steps import count_words


class CohortFilter(SimpleListFilter):
    title = "cohort"
    parameter_name = "cohort"

    def lookups(self, request, model_admin):
        return [(str(pk), name) for pk, name in Cohort.objects.values_list("pk", "name")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(cohort_id=self.value())
        return queryset


class RegionFilter(SimpleListFilter):
    """The English regions by name, and the applicants whose postcode has none."""

    title = "region"
    parameter_name = "region"
    NO_REGION = "outside-england"

    def lookups(self, request, model_admin):
        return [*REGIONS, (self.NO_REGION, OUTSIDE_ENGLAND)]

    def queryset(self, request, queryset):
        if self.value() == self.NO_REGION:
            return queryset.filter(region="")
        if self.value() in REGION_NAMES:
            return queryset.filter(region=self.value())
        return queryset


class TeacherApplicationAdmin(RegisterColumns, ModelAdmin):
    model = TeacherApplication
    menu_label = "Teacher applications"
    menu_icon = "user"
    menu_order = 260
    add_to_admin_menu = True
    permission_helper_class = SubmissionPermissionHelper
    index_view_class = SubmissionIndexView
    inspect_view_class = SubmissionInspectView
    edit_view_class = SubmissionEditView
    history_view_class = SubmissionHistoryView
    inspect_view_enabled = True
    index_view_extra_css = REGISTER_CSS
    inspect_view_extra_css = REGISTER_CSS
    form_view_extra_css = REGISTER_CSS
    list_per_page = 50
    list_select_related = ["cohort", "assigned_to"]
    list_display = [
        "reference",
        "full_name",
        "cohort",
        "phase",
        "status",
        "assigned_to",
        "received",
    ]
    list_filter = [CohortFilter, "status", "phase", RegionFilter, "created_at", "is_spam"]
    search_fields = ["reference", "full_name", "email", "current_school"]
    ordering = ["-created_at"]
    panels = [FieldPanel("status"), FieldPanel("assigned_to"), FieldPanel("internal_notes")]
    inspect_view_fields = [
        "reference",
        "created_at",
        "cohort",
        "status",
        "assigned_to",
        "internal_notes",
        "full_name",
        "email",
        "telephone",
        "postcode",
        "region",
        "current_role",
        "current_school",
        "phase",
        "subject",
        "years_teaching",
        "qts_year",
        "leadership_experience",
        "leadership_details",
        "statements",
        "referee_1_name",
        "referee_1_role",
        "referee_1_email",
        "referee_2_name",
        "referee_2_role",
        "referee_2_email",
        "heard_about",
        "declarations_confirmed",
    ]
    list_export = [
        "reference",
        "created_at",
        "cohort",
        "get_status_display",
        "assigned_to",
        "full_name",
        "email",
        "telephone",
        "postcode",
        "region_name",
        "current_role",
        "current_school",
        "get_phase_display",
        "subject",
        "years_teaching",
        "qts_year",
        "get_leadership_experience_display",
        "get_heard_about_display",
        "internal_notes",
    ]
    export_headings = {
        "reference": "Reference",
        "created_at": "Received",
        "cohort": "Cohort",
        "get_status_display": "Status",
        "assigned_to": "Reviewer",
        "full_name": "Full name",
        "email": "Email",
        "telephone": "Telephone",
        "postcode": "Home postcode",
        "region_name": "Region",
        "current_role": "Current role",
        "current_school": "Current school",
        "get_phase_display": "Phase",
        "subject": "Subject",
        "years_teaching": "Years teaching",
        "qts_year": "QTS year",
        "get_leadership_experience_display": "Leadership experience",
        "get_heard_about_display": "How they heard",
        "internal_notes": "Internal notes",
    }
    export_filename = "teacher-applications"

    def get_inspect_view_fields(self):
        return self.inspect_view_fields


# --- blind screening ----------------------------------------------------------------------


class BlindScreeningView(WagtailAdminTemplateMixin, TemplateView):
    """One application's competency statements and experience, with no name or contact details.

    Reviewers read statements here first, so what they judge is the writing, not the person.
    The full record (inspect) stays a click away for staff who need it; each screening view is
    audited like an inspect view.
    """

    template_name = "submissions/admin/blind_screening.html"
    page_title = "Blind screening"
    header_icon = "view"

    def dispatch(self, request, *args, **kwargs):
        if not can_see(request.user, TeacherApplication):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        application = get_object_or_404(
            TeacherApplication.objects.select_related("cohort"), pk=self.kwargs["pk"]
        )
        log(
            instance=application,
            action="submissions.view",
            user=self.request.user,
            data={"blind": True},
        )
        requirements = get_programme_requirements()
        names = dict(DEFAULT_COMPETENCIES)
        if requirements:
            names.update({c.key: c.name for c in requirements.competencies})
        statements = [
            {
                "name": names.get(key, key.replace("-", " ").capitalize()),
                "text": text,
                "words": count_words(text),
            }
            for key, text in (application.statements or {}).items()
        ]
        return {
            **super().get_context_data(**kwargs),
            "application": application,
            "statements": statements,
            "word_limit": STATEMENT_WORD_LIMIT,
            "index_url": reverse("submissions_teacherapplication_modeladmin_index"),
        }


class ApplicationButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, *args, **kwargs):
        buttons = super().get_buttons_for_obj(obj, *args, **kwargs)
        buttons.insert(
            0,
            {
                "url": reverse("submissions_application_screen", args=[obj.pk]),
                "label": "Screen (blind)",
                "classname": "button button-small button-secondary",
                "title": f"Read the statements of {obj.reference} without personal details",
            },
        )
        return buttons


TeacherApplicationAdmin.button_helper_class = ApplicationButtonHelper
