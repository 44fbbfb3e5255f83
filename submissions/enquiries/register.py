"""The staff register of partnership enquiries (wagtail-modeladmin).

Only users with the model's view permission (the "Partnerships" group, made by migration 0002,
and superusers) see it: Wagtail's editors do not. Built from the shared register pieces in
`submissions.registers`.
"""

from django.contrib.admin import SimpleListFilter

from wagtail.admin.panels import FieldPanel
from wagtail_modeladmin.options import ModelAdmin

from submissions.registers import (
    REGISTER_CSS,
    RegisterColumns,
    SubmissionEditView,
    SubmissionHistoryView,
    SubmissionIndexView,
    SubmissionInspectView,
    SubmissionPermissionHelper,
)
from taxonomy import places as local_authorities

from .models import PartnershipEnquiry


class LocalAuthorityFilter(SimpleListFilter):
    """153 authorities as one drop-down list grouped by region (type to jump to one), applied
    with a button, keeping the other filters: not 153 links down the page."""

    title = "local authority"
    parameter_name = "local_authority"
    template = "submissions/admin/local_authority_filter.html"

    def lookups(self, request, model_admin):
        return local_authorities.all_choices()

    def choices(self, changelist):
        params = getattr(changelist, "params", {})
        yield {
            "selected": self.value() or "",
            "groups": [
                (region, [(key, name) for key, name in choices])
                for region, choices in local_authorities.choices_by_region()
            ],
            "hidden": [
                (name, value) for name, value in params.items() if name != self.parameter_name
            ],
            "clear_url": changelist.get_query_string(remove=[self.parameter_name]),
        }

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(local_authority=self.value())
        return queryset


class PartnershipEnquiryAdmin(RegisterColumns, ModelAdmin):
    model = PartnershipEnquiry
    menu_label = "Partnership enquiries"
    menu_icon = "mail"
    menu_order = 250
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
    list_select_related = ["assigned_to"]
    list_display = [
        "reference",
        "school_name",
        "get_local_authority_display",
        "setting_type",
        "status",
        "assigned_to",
        "received",
    ]
    list_filter = [
        "status",
        "setting_type",
        "region",
        LocalAuthorityFilter,
        "created_at",
        "is_spam",
    ]
    search_fields = ["reference", "school_name", "contact_name", "email"]
    ordering = ["-created_at"]
    panels = [FieldPanel("status"), FieldPanel("assigned_to"), FieldPanel("internal_notes")]
    inspect_view_fields = [
        "reference",
        "created_at",
        "status",
        "assigned_to",
        "internal_notes",
        "school_name",
        "urn",
        "setting_type",
        "phase",
        "local_authority",
        "region",
        "ofsted_judgement",
        "pupils_on_roll",
        "contact_name",
        "contact_role",
        "email",
        "telephone",
        "improvement_areas",
        "start_term",
        "anything_else",
        "heard_about",
        "privacy_acknowledged",
        "is_spam",
        "email_status",
    ]
    list_export = [
        "reference",
        "created_at",
        "get_status_display",
        "assigned_to",
        "school_name",
        "urn",
        "get_setting_type_display",
        "get_phase_display",
        "get_local_authority_display",
        "get_region_display",
        "get_ofsted_judgement_display",
        "pupils_on_roll",
        "contact_name",
        "contact_role",
        "email",
        "telephone",
        "get_improvement_areas_display",
        "get_start_term_display",
        "anything_else",
        "get_heard_about_display",
        "get_is_spam_display",
        "internal_notes",
    ]
    export_headings = {
        "reference": "Reference",
        "created_at": "Received",
        "get_status_display": "Status",
        "assigned_to": "Assigned to",
        "school_name": "School",
        "urn": "URN",
        "get_setting_type_display": "Setting type",
        "get_phase_display": "Phase",
        "get_local_authority_display": "Local authority",
        "get_region_display": "Region",
        "get_ofsted_judgement_display": "Latest Ofsted judgement",
        "pupils_on_roll": "Pupils on roll",
        "contact_name": "Contact name",
        "contact_role": "Role",
        "email": "Email",
        "telephone": "Telephone",
        "get_improvement_areas_display": "Improvement areas",
        "get_start_term_display": "Preferred start",
        "anything_else": "Anything else",
        "get_heard_about_display": "How they heard",
        "get_is_spam_display": "Spam suspected",
        "internal_notes": "Internal notes",
    }
    export_filename = "partnership-enquiries"

    def get_inspect_view_fields(self):
        return self.inspect_view_fields
