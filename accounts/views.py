"""The admin's two-step verification pages, the sign-in lock-out page and the password-reset
limit. Every page here is part of the Wagtail admin's look (its base templates)."""

from math import ceil

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

import django_otp
from axes.models import AccessAttempt

from . import second_factor

RECOVERY_CODES_SESSION_KEY = "accounts.recovery_codes"


def next_url(request, default=None) -> str:
    """Where to go after verifying: `next` when it is on this site, else the dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default or reverse("wagtailadmin_home")


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            max_length=20,
            error_messages={"required": "Enter the code"},
            widget=forms.TextInput(
                attrs={"autocomplete": "one-time-code", "inputmode": "text", "spellcheck": "false"}
            ),
            **kwargs,
        )


class VerifyForm(forms.Form):
    code = CodeField(
        label="Code",
        help_text="The six-digit code your authenticator app shows now, or one of your "
        "recovery codes.",
    )


class SetupForm(forms.Form):
    code = CodeField(
        label="Code from the app",
        help_text="Once the app has added your account, enter the six-digit code it shows.",
    )
    password = forms.CharField(
        label="Your password",
        help_text="To check it is you.",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )


class PasswordForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )


def _password_is_right(request, password: str) -> bool:
    user = request.user
    return authenticate(request, username=user.get_username(), password=password) == user


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class VerifyView(WagtailAdminTemplateMixin, FormView):
    """After the password: the code from the app (or a recovery code)."""

    template_name = "accounts/verify.html"
    form_class = VerifyForm
    page_title = "Two-step verification"
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified():
            return redirect(next_url(request))
        if not second_factor.confirmed_devices(request.user):
            return redirect(reverse("accounts_two_step_setup") + f"?next={next_url(request)}")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        device = second_factor.verify(self.request.user, form.cleaned_data["code"])
        if device is None:
            form.add_error(
                "code",
                "That code is not right, or has been used. Enter the code the app shows now "
                "(wrong codes make you wait a little longer each time).",
            )
            return self.form_invalid(form)
        django_otp.login(self.request, device)
        if device.persistent_id.startswith("otp_static"):
            left = second_factor.recovery_codes_left(self.request.user)
            messages.warning(
                self.request,
                f"You used a recovery code: {left} left. Make new ones under Account > "
                "Two-step verification.",
            )
        return redirect(next_url(self.request))

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "next": next_url(self.request)}


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class SetupView(WagtailAdminTemplateMixin, FormView):
    """Add an authenticator app: scan the QR code (or type the key), confirm with a code and
    the password. Then ten recovery codes are shown, once."""

    template_name = "accounts/setup.html"
    form_class = SetupForm
    page_title = "Set up two-step verification"
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if second_factor.has_second_factor(request.user):
            if not request.user.is_verified():
                return redirect(reverse("accounts_two_step_verify") + f"?next={next_url(request)}")
            return redirect("accounts_two_step")
        self.device = second_factor.unconfirmed_app(request.user)
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        if not _password_is_right(self.request, form.cleaned_data["password"]):
            form.add_error("password", "That password is not right")
            return self.form_invalid(form)
        if not second_factor.confirm_app(self.device, form.cleaned_data["code"].strip()):
            form.add_error(
                "code",
                "That code is not right. Check the app shows your account, then enter the code "
                "it shows now.",
            )
            return self.form_invalid(form)
        django_otp.login(self.request, self.device)
        self.request.session[RECOVERY_CODES_SESSION_KEY] = second_factor.new_recovery_codes(
            self.request.user
        )
        return redirect(
            reverse("accounts_two_step_recovery_codes") + f"?next={next_url(self.request)}"
        )

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "qr_code": second_factor.qr_code_svg(self.device),
            "secret": second_factor.secret_text(self.device),
            "required": second_factor.is_required(self.request.user),
            "next": next_url(self.request),
        }


@method_decorator(never_cache, name="dispatch")
class RecoveryCodesView(WagtailAdminTemplateMixin, TemplateView):
    """New recovery codes: shown once, right after they are made."""

    template_name = "accounts/recovery_codes.html"
    page_title = "Your recovery codes"
    header_icon = "key"

    def post(self, request):
        """Make new codes (the old ones stop working)."""
        request.session[RECOVERY_CODES_SESSION_KEY] = second_factor.new_recovery_codes(request.user)
        return redirect("accounts_two_step_recovery_codes")

    def get(self, request, *args, **kwargs):
        codes = request.session.pop(RECOVERY_CODES_SESSION_KEY, None)
        if not codes:
            return redirect("accounts_two_step")
        return self.render_to_response(self.get_context_data(codes=codes, next=next_url(request)))


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class TwoStepView(WagtailAdminTemplateMixin, FormView):
    """Account > Two-step verification: whether it is on, recovery codes left, and turning it
    off (with the password) for accounts that do not have to use it."""

    template_name = "accounts/two_step.html"
    form_class = PasswordForm
    page_title = "Two-step verification"
    header_icon = "key"

    def form_valid(self, form):
        if second_factor.is_required(self.request.user):
            messages.error(self.request, "Your account must use two-step verification.")
            return redirect("accounts_two_step")
        if not _password_is_right(self.request, form.cleaned_data["password"]):
            form.add_error("password", "That password is not right")
            return self.form_invalid(form)
        second_factor.remove_all(self.request.user)
        messages.success(self.request, "Two-step verification is off for your account.")
        return redirect("accounts_two_step")

    def get_context_data(self, **kwargs):
        user = self.request.user
        return {
            **super().get_context_data(**kwargs),
            "enabled": second_factor.has_second_factor(user),
            "required": second_factor.is_required(user),
            "codes_left": second_factor.recovery_codes_left(user),
        }


# --- sign-in lock-out and password-reset limit ----------------------------------------------


def lockout(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in: what happened and when to try again (the
    cool-off runs from the last failed attempt, by this address or on this account)."""
    cool_off = settings.AXES_COOLOFF_TIME
    username = (credentials or {}).get("username") or request.POST.get("username") or ""
    last = (
        AccessAttempt.objects.filter(
            Q(ip_address=getattr(request, "axes_ip_address", None)) | Q(username=username)
        )
        .order_by("-attempt_time")
        .values_list("attempt_time", flat=True)
        .first()
    ) or timezone.now()
    retry_at = timezone.localtime(last + cool_off)
    return render(
        request,
        "accounts/lockout.html",
        {
            "minutes": ceil(cool_off.total_seconds() / 60),
            "retry_at": retry_at,
            "wait_minutes": max(1, ceil((retry_at - timezone.now()).total_seconds() / 60)),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
        },
        status=429,
    )


def password_reset_limited(request, seconds: int):
    response = render(
        request,
        "accounts/password_reset_limited.html",
        {"minutes": max(1, ceil(seconds / 60))},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response
