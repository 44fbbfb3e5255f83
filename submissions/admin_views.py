"""Find and erase everything held about an email address, across every submission model."""

from django import forms
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls import reverse_lazy
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .base import submission_models
from .retention import erase, erase_unsubmitted, find_by_email, unsubmitted_counts


def erasable_models(user) -> list:
    """The submission models whose records this user may erase."""
    if not user.is_active:
        return []
    models = submission_models()
    if user.is_superuser:
        return models
    # Every submission model has a permission with the codename erase_personal_data, and
    # has_perm() checks codenames per app, so it cannot tell them apart: read which models'
    # permissions the user holds (directly or through a group) instead. One query.
    types = ContentType.objects.get_for_models(*models)
    held = set(
        Permission.objects.filter(
            Q(user=user) | Q(group__user=user),
            codename="erase_personal_data",
            content_type__in=types.values(),
        ).values_list("content_type_id", flat=True)
    )
    return [model for model in models if types[model].pk in held]


def user_can_erase(user) -> bool:
    return bool(erasable_models(user))


class EraseForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        help_text="Every form submission that holds this address in an email field.",
        error_messages={
            "required": "Enter an email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)


class EraseByEmailView(WagtailAdminTemplateMixin, FormView):
    """Step 1: search (GET-like post, nothing changes). Step 2: confirm, and everything found
    is deleted, each deletion leaving an audit entry with the reference only."""

    template_name = "submissions/admin/erase.html"
    form_class = EraseForm
    page_title = "Erase personal data"
    header_icon = "bin"
    success_url = reverse_lazy("submissions_erase")
    _show_breadcrumbs = True

    def dispatch(self, request, *args, **kwargs):
        self.models = erasable_models(request.user)
        if not self.models:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        found = find_by_email(email, self.models)
        # Unfinished applications and "tell me when it opens" requests, for the staff who may
        # erase the submissions they belong with.
        unsubmitted = unsubmitted_counts(email, self.models)
        if form.cleaned_data["confirm"] and (found or unsubmitted):
            if found:
                outcome = erase(found, self.request.user)
                messages.success(
                    self.request,
                    f"Erased {outcome.total} submission{'s' if outcome.total != 1 else ''}: "
                    + ", ".join(ref for refs in outcome.references.values() for ref in refs),
                )
            if unsubmitted:
                removed = erase_unsubmitted(email, self.models)
                messages.success(self.request, f"Erased {removed} unsent records")
            return super().form_valid(form)
        confirm_form = EraseForm(initial={"email": form.cleaned_data["email"], "confirm": True})
        return self.render_to_response(
            self.get_context_data(
                form=form,
                confirm_form=confirm_form,
                searched=True,
                found=[(model._meta.verbose_name_plural, items) for model, items in found.items()],
                total=sum(len(items) for items in found.values()),
                unsubmitted=unsubmitted,
            )
        )
