"""Personal data requests (Settings > Personal data requests): for one email address, find
everything held, download a copy of it (subject access) or erase it."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse_lazy
from django.utils import timezone
from django.views import View
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .access import erasable_models
from .personal_data import erase, find, subject_access_bundle

__all__ = ["EraseByEmailView", "SubjectAccessView", "erasable_models", "user_can_erase"]


def user_can_erase(user) -> bool:
    return bool(erasable_models(user))


class EraseForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        help_text="Every record that holds this address: form submissions, unfinished "
        "applications, requests to be told when applications open, and applications that "
        "name it as a referee's.",
        error_messages={
            "required": "Enter an email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)


class PersonalDataMixin:
    """Only staff who may erase some team's submissions, and only their team's."""

    def dispatch(self, request, *args, **kwargs):
        self.models = erasable_models(request.user)
        if not self.models:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class EraseByEmailView(PersonalDataMixin, WagtailAdminTemplateMixin, FormView):
    """Step 1: search (a post, so the address stays out of URLs and logs; nothing changes).
    Step 2: download a copy, or confirm and erase: every deletion and every removed mention
    leaves an audit entry with the reference only."""

    template_name = "submissions/admin/erase.html"
    form_class = EraseForm
    page_title = "Personal data requests"
    header_icon = "bin"
    success_url = reverse_lazy("submissions_erase")
    _show_breadcrumbs = True

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        found = find(email, self.models)
        if form.cleaned_data["confirm"] and found:
            outcome = erase(email, self.models, self.request.user)
            for line in outcome.summary():
                messages.success(self.request, line)
            return super().form_valid(form)
        confirm_form = EraseForm(initial={"email": email, "confirm": True})
        return self.render_to_response(
            self.get_context_data(
                form=form,
                confirm_form=confirm_form,
                searched=True,
                found=found,
                total=sum(len(f.held) + len(f.mentioned) for f in found),
            )
        )


class SubjectAccessView(PersonalDataMixin, View):
    """A ZIP of everything held about one address (JSON, and CSV per kind of record), for the
    person who asked. A post: the address never appears in a URL. Audited."""

    http_method_names = ["post"]

    def post(self, request):
        form = EraseForm(request.POST)
        if not form.is_valid():
            messages.error(request, form.errors["email"][0])
            return HttpResponse(status=303, headers={"Location": str(EraseByEmailView.success_url)})
        bundle, _ = subject_access_bundle(form.cleaned_data["email"], self.models, request.user)
        filename = f"personal-data-{timezone.localdate():%Y-%m-%d}.zip"
        return HttpResponse(
            bundle,
            content_type="application/zip",
            headers={
                "Content-Disposition": f'attachment; filename="{filename}"',
                "Cache-Control": "no-store",
            },
        )
