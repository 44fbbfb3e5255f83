"""The apply page's forms around the application: the request to be told when applications
open, opening a save-and-return link, the eligibility check and the equal-opportunities
questions. (The application's own steps
are in `submissions.applications.steps`.)

They use the shared form machinery: `SubmissionForm` (honeypot, signed form state, error list)
and the GOV.UK field rendering of `{% govuk_field %}`.
"""

from django import forms

from submissions.forms import SubmissionForm, email_field, messages

from .choices import MONITORING_QUESTIONS
from .models import MonitoringResponse, OpeningNotification

YES, NO = "yes", "no"
YES_NO = [(YES, "Yes"), (NO, "No")]


class OpeningNotificationForm(SubmissionForm):
    email = email_field(attrs={"autocomplete": "email"})
    consent = forms.BooleanField(
        label="Email me once when applications open. I understand my address is kept only "
        "until that application window closes.",
        error_messages={"required": "Tick the box to agree to us keeping your email address"},
    )

    class Meta:
        model = OpeningNotification
        fields = ["email"]


class ResumeForm(forms.Form):
    """Opening a save-and-return link: the email address it was sent to, before anything shows."""

    protection_fields = ()
    error_list = SubmissionForm.error_list

    email = email_field(
        help_text="The address we sent the link to.",
        attrs={"autocomplete": "email"},
    )

    def __init__(self, *args, expected_email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.expected_email = expected_email

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email.strip().lower() != self.expected_email.strip().lower():
            raise forms.ValidationError(
                "Enter the email address we sent this link to", code="mismatch"
            )
        return email


class EligibilityForm(forms.Form):
    """One yes/no question per published criterion. The answers are never stored."""

    protection_fields = ()
    error_list = SubmissionForm.error_list

    def __init__(self, criteria, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = tuple(criteria)
        for criterion in self.criteria:
            self.fields[criterion.key] = forms.ChoiceField(
                label=f"{criterion.name}: do you meet this?",
                help_text=criterion.description,
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages=messages(f"Select yes or no for {criterion.name.lower()}"),
            )

    def unmet(self):
        """The criteria answered "no", in the published order."""
        return [c for c in self.criteria if self.cleaned_data.get(c.key) == NO]


class MonitoringForm(forms.ModelForm):
    """Every question optional, every one with "prefer not to say"."""

    error_list = SubmissionForm.error_list
    protection_fields = ()

    class Meta:
        model = MonitoringResponse
        fields = list(MONITORING_QUESTIONS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (label, choices) in MONITORING_QUESTIONS.items():
            self.fields[name] = forms.ChoiceField(
                label=label,
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Select one of the answers, or leave it blank"},
            )
