from django.conf import settings
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.helpers import AdminURLHelper
from wagtail_modeladmin.options import modeladmin_register

from .access import can_see, can_see_report
from .admin_views import EraseByEmailView, SubjectAccessView, user_can_erase
from .applications.register import BlindScreeningView, TeacherApplicationAdmin
from .applications.reports import MonitoringReportView
from .applications.viewsets import CohortViewSet
from .base import submission_models
from .delivery import deliveries
from .enquiries.choices import EnquiryStatus
from .enquiries.models import PartnershipEnquiry
from .enquiries.register import PartnershipEnquiryAdmin

modeladmin_register(PartnershipEnquiryAdmin)
register_snippet(CohortViewSet)
modeladmin_register(TeacherApplicationAdmin)


@hooks.register("register_log_actions")
def register_submission_log_actions(actions):
    class Entry(LogFormatter):
        """An entry about one record reads `plain`; one about the whole register (a list,
        search, export, erasure, copy or purge) says how many records, nothing else."""

        plain = ""
        verb = ""

        def format_message(self, log_entry):
            data = log_entry.data or {}
            if "count" not in data:
                return self.plain
            count = data["count"]
            message = f"{self.verb} ({count} record{'s' if count != 1 else ''}"
            if data.get("mentions"):
                message += f", and named in {data['mentions']} more"
            if data.get("filters"):
                message += f"; filtered by {', '.join(data['filters'])}"
            if data.get("format"):
                message += f"; {data['format'].upper()}"
            return message + ")"

    for action, label, plain, verb in [
        ("submissions.view", "View personal data", "Viewed", "Viewed"),
        ("submissions.list", "List personal data", "Listed", "Listed the register"),
        ("submissions.search", "Search personal data", "Searched", "Searched the register"),
        ("submissions.export", "Export", "Exported", "Exported the register"),
        ("submissions.erase", "Erase personal data", "Erased on request", "Erased on request"),
        (
            "submissions.erase_mention",
            "Erase a named person's details",
            "A person it named (a referee) was erased on request",
            "Erased people named in records on request",
        ),
        (
            "submissions.subject_access",
            "Copy personal data",
            "Copied for a subject access request",
            "Copied for a subject access request",
        ),
        ("submissions.purge", "Retention purge", "Deleted", "Deleted after the retention period"),
    ]:
        actions.register_action(action)(
            type(action.replace(".", "_"), (Entry,), {"label": label, "plain": plain, "verb": verb})
        )

    @actions.register_action("submissions.status_change")
    class StatusChange(LogFormatter):
        label = "Change status"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return (
                f"Status changed from {data.get('from_label', '?')} to {data.get('to_label', '?')}"
            )


@hooks.register("register_admin_urls")
def register_erase_url():
    return [
        path("submissions/erase/", EraseByEmailView.as_view(), name="submissions_erase"),
        path(
            "submissions/personal-data/",
            SubjectAccessView.as_view(),
            name="submissions_subject_access",
        ),
        path(
            "submissions/teacherapplication/screen/<int:pk>/",
            BlindScreeningView.as_view(),
            name="submissions_application_screen",
        ),
        path(
            "submissions/equal-opportunities/",
            MonitoringReportView.as_view(),
            name="submissions_monitoring_report",
        ),
    ]


class MonitoringMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_monitoring_menu_item():
    return MonitoringMenuItem(
        "Equal opportunities",
        reverse("submissions_monitoring_report"),
        icon_name="table",
        order=900,
    )


class EraseMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_erase(request.user)


@hooks.register("register_settings_menu_item")
def register_erase_menu_item():
    return EraseMenuItem(
        "Personal data requests", reverse("submissions_erase"), icon_name="bin", order=900
    )


class NewEnquiriesPanel(Component):
    name = "new_enquiries"
    template_name = "submissions/admin/new_enquiries_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        new = PartnershipEnquiry.objects.filter(status=EnquiryStatus.NEW, is_spam=False)
        return {
            "new_count": new.count(),
            "index_url": reverse("submissions_partnershipenquiry_modeladmin_index")
            + f"?status__exact={EnquiryStatus.NEW}&is_spam__exact=0",
        }


@hooks.register("construct_homepage_panels")
def add_new_enquiries_panel(request, panels):
    if can_see(request.user, PartnershipEnquiry):
        panels.append(NewEnquiriesPanel())


class EmailDeliveryPanel(Component):
    """Failed and overdue emails of the submissions this person may see; shown only then."""

    name = "email_delivery"
    template_name = "submissions/admin/email_delivery_panel.html"
    order = 80

    def __init__(self, problems):
        self.problems = problems

    def get_context_data(self, parent_context):
        for delivery in self.problems:
            helper = AdminURLHelper(delivery.model)
            for item in [*delivery.failed_items, *delivery.overdue_items]:
                item.inspect_url = helper.get_action_url("inspect", item.pk)
        return {
            "problems": self.problems,
            "overdue_minutes": settings.SUBMISSIONS_EMAIL_OVERDUE_MINUTES,
        }


@hooks.register("construct_homepage_panels")
def add_email_delivery_panel(request, panels):
    models = [
        model
        for model in submission_models()
        if request.user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
    ]
    problems = [delivery for delivery in deliveries(models) if not delivery.ok] if models else []
    if problems:
        panels.append(EmailDeliveryPanel(problems))
