"""What the staff registers of both forms share (wagtail-modeladmin): permissions and views.

Each form's register (`submissions.enquiries.register`, `submissions.applications.registers`)
is a `ModelAdmin` built from these pieces. Staff read a submission (inspect), move it through
its status workflow with notes and an assignee (edit: those three fields only), filter, search
and export it. Viewing, exporting and status changes are written to Wagtail's audit log.
Nobody creates submissions here; only superusers delete them (and the retention and erasure
tools, in submissions.retention).
"""

import datetime

from django.contrib.admin.utils import lookup_field
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst

from wagtail.log_actions import log
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.views import EditView, HistoryView, IndexView, InspectView

from .access import can_change, can_see
from .audit import log_each, log_register
from .base import staff_members
from .export import SafeSpreadsheetMixin


class SubmissionPermissionHelper(PermissionHelper):
    """One check for the whole register: `access.can_see()` (the owning team and superusers).

    modeladmin's own test ("any permission on the model") would count the app-wide codename
    `erase_personal_data`, which both teams hold, and let each team into the other's register.
    Submissions arrive from the public form only, and are deleted by superusers only.
    """

    def user_has_any_permissions(self, user):
        return can_see(user, self.model)

    def user_can_list(self, user):
        return can_see(user, self.model)

    def user_can_inspect_obj(self, user, obj):
        return self.inspect_view_enabled and can_see(user, self.model)

    def user_can_edit_obj(self, user, obj):
        return can_change(user, self.model)

    def user_can_create(self, user):
        return False

    def user_can_delete_obj(self, user, obj):
        return user.is_active and user.is_superuser

    def user_can_copy_obj(self, user, obj):
        return False


# Column widths, wrapping and the contrast of the inspect view's buttons, for every register view.
REGISTER_CSS = ["css/admin/registers.css"]


class RegisterColumns:
    """Columns every register's ModelAdmin shows."""

    def received(self, obj) -> str:
        """The day a submission arrived, short enough for a column: "5 Dec 2026"."""
        return date_format(timezone.localtime(obj.created_at), "j M Y")

    received.short_description = "Received"
    received.admin_order_field = "created_at"


def yes_no(value) -> str:
    return "Yes" if value else "No"


def spreadsheet_datetime(value: datetime.datetime) -> datetime.datetime:
    """Local time without a zone, to the minute: what a spreadsheet stores as a date and time."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None, second=0, microsecond=0)


class SubmissionIndexView(SafeSpreadsheetMixin, IndexView):
    """The register: exports neutralise formulas; every list, search and export is audited.

    A list or search view writes one register-wide entry (how many records matched, which
    filters were used: their names, never the search term); an export writes one entry per
    record exported and one for the export as a whole. In exports an empty value is an empty
    cell (not the list's "-"), yes or no is "Yes" or "No", and dates are real dates (XLSX: date
    cells in local time; CSV: "2026-12-05 14:06", which spreadsheets read as a date).
    """

    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {
            IndexView.FORMAT_XLSX: spreadsheet_datetime,
            IndexView.FORMAT_CSV: lambda value: f"{spreadsheet_datetime(value):%Y-%m-%d %H:%M}",
        },
        datetime.date: {IndexView.FORMAT_XLSX: None, IndexView.FORMAT_CSV: str},
        bool: {IndexView.FORMAT_XLSX: yes_no, IndexView.FORMAT_CSV: yes_no},
    }

    def to_row_dict(self, item):
        row = {}
        for field in self.list_export:
            _field, _attr, value = lookup_field(field, item, self.model_admin)
            row[field] = "" if value is None else value
        return row

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = sorted(
            name for name in self.params if name not in {self.SEARCH_VAR, self.ORDER_VAR}
        )
        log_register(
            self.model,
            "submissions.search" if self.query else "submissions.list",
            self.request.user,
            {"count": context["result_count"], "filters": filters},
        )
        return context

    def get_heading(self, queryset, field):
        heading = getattr(self.model_admin, "export_headings", {}).get(field)
        return heading or super().get_heading(queryset, field)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        log_each(queryset, "submissions.export", self.request.user, {"format": spreadsheet_format})
        log_register(
            self.model,
            "submissions.export",
            self.request.user,
            {"format": spreadsheet_format, "count": queryset.count()},
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)


class SubmissionInspectView(InspectView):
    """Labels start with a capital; yes or no, dates and empty values read as words."""

    def get_field_label(self, field_name, field=None):
        return capfirst(super().get_field_label(field_name, field))

    def get_field_display_value(self, field_name, field=None):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, bool):
            return yes_no(value)
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "j F Y, H:i")
        if isinstance(value, datetime.date):
            return date_format(value, "j F Y")
        if value in ("", None, "-"):
            return "Not given"
        return value

    def get(self, request, *args, **kwargs):
        log(instance=self.instance, action="submissions.view", user=request.user)
        return super().get(request, *args, **kwargs)


class SubmissionHistoryView(HistoryView):
    """A record's audit history: for the register's owners too (modeladmin checks nothing)."""

    def dispatch(self, request, *args, **kwargs):
        if not can_see(request.user, self.model):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SubmissionEditView(EditView):
    def get_form(self):
        form = super().get_form()
        assignee = form.fields.get("assigned_to")
        if assignee is not None:
            # Only the team that owns these submissions (and superusers) can be assigned one.
            model = type(self.instance)
            assignee.queryset = assignee.queryset.filter(
                Q(pk__in=staff_members(model.staff_group).values("pk"))
                | Q(is_active=True, is_superuser=True)
            )
        return form

    def form_valid(self, form):
        model = type(self.instance)
        before = model.objects.filter(pk=self.instance.pk).values_list("status", flat=True).get()
        response = super().form_valid(form)
        if before != self.instance.status:
            labels = dict(model._meta.get_field("status").choices)
            log(
                instance=self.instance,
                action="submissions.status_change",
                user=self.request.user,
                data={
                    "from": before,
                    "to": self.instance.status,
                    "from_label": str(labels.get(before, before)),
                    "to_label": str(labels.get(self.instance.status, self.instance.status)),
                },
            )
        return response
