from django.urls import path, reverse

from wagtail import hooks

from .views import RecoveryCodesView, SetupView, TwoStepView, VerifyView


@hooks.register("register_admin_urls")
def register_two_step_urls():
    return [
        path("account/two-step/", TwoStepView.as_view(), name="accounts_two_step"),
        path("account/two-step/verify/", VerifyView.as_view(), name="accounts_two_step_verify"),
        path("account/two-step/setup/", SetupView.as_view(), name="accounts_two_step_setup"),
        path(
            "account/two-step/recovery-codes/",
            RecoveryCodesView.as_view(),
            name="accounts_two_step_recovery_codes",
        ),
    ]


@hooks.register("register_account_menu_item")
def two_step_account_menu_item(request):
    return {
        "url": reverse("accounts_two_step"),
        "label": "Two-step verification",
        "help_text": "Sign in with a code from an app on your phone as well as your password.",
    }
