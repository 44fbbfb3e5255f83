"""Public forms. `SubmissionForm` is the base both forms share; the EOI form is defined here.

Messages follow the GOV.UK Design System: say what went wrong and how to fix it, in the same
words in the error summary and beside the field. Hints are `help_text`; templates render every
field through `{% govuk_field %}` (submissions.templatetags.govuk_forms).
"""

import re

from django import forms

from taxonomy import places as local_authorities

from .choices import (
    HeardAbout,
    ImprovementArea,
    OfstedJudgement,
    Phase,
    SettingType,
    start_term_choices,
)
from .models import PartnershipEnquiry
from .protection import HONEYPOT_FIELD, STATE_FIELD, FormState, HoneypotInput


def messages(required, **others) -> dict:
    """Error messages for a field: `required` also answers a tampered choice."""
    return {"required": required, "invalid_choice": required, **others}


class SubmissionForm(forms.ModelForm):
    """A ModelForm with the honeypot and the signed form state of every public form."""

    # Named like a real field so bots fill it; hidden from people (CSS) and screen readers
    # (aria-hidden on its wrapper in templates/components/forms/honeypot.html).
    website = forms.CharField(required=False, label="Website", widget=HoneypotInput())
    form_state = forms.CharField(required=False, widget=forms.HiddenInput())

    protection_fields = (HONEYPOT_FIELD, STATE_FIELD)

    def __init__(self, *args, state: FormState | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if state is not None and not self.is_bound:
            self.initial[STATE_FIELD] = state.sign()

    @property
    def visible_questions(self):
        return [f for f in self if f.name not in self.protection_fields]

    def error_list(self):
        """(field id, message) for the error summary, in the order of the form."""
        errors = []
        for bound in self:
            if bound.name in self.protection_fields:
                continue
            for message in bound.errors:
                errors.append((bound.auto_id, message))
        for message in self.non_field_errors():
            errors.append(("", message))
        return errors


def _digits_only(value: str) -> str:
    return re.sub(r"[\s,]", "", value or "")


class WholeNumberField(forms.IntegerField):
    """An integer that accepts what people type: "1,200" and "1 200" are 1200."""

    def to_python(self, value):
        if isinstance(value, str):
            value = _digits_only(value)
        return super().to_python(value)


PHONE = re.compile(r"^(\+[0-9]{8,15}|0[0-9]{9,10})$")


class ExpressionOfInterestForm(SubmissionForm):
    school_name = forms.CharField(
        label="School name",
        max_length=200,
        error_messages=messages(
            "Enter the name of the school", max_length="School name must be 200 characters or fewer"
        ),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    urn = forms.CharField(
        label="Unique reference number (URN)",
        help_text="6 digits. You can find it on Get Information about Schools, like 123456.",
        error_messages=messages("Enter the school's URN"),
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "spellcheck": "false",
                "class": "input--width-10",
            }
        ),
    )
    setting_type = forms.ChoiceField(
        label="What kind of setting is it?",
        choices=SettingType.choices,
        error_messages=messages("Select the kind of setting"),
        widget=forms.RadioSelect,
    )
    phase = forms.ChoiceField(
        label="Which phase does the school teach?",
        choices=Phase.choices,
        error_messages=messages("Select the phase the school teaches"),
        widget=forms.RadioSelect,
    )
    local_authority = forms.ChoiceField(
        label="Local authority",
        help_text="The local authority the school is in.",
        choices=[("", "Select a local authority"), *local_authorities.current_choices()],
        error_messages=messages("Select the local authority"),
    )
    ofsted_judgement = forms.ChoiceField(
        label="What was the school's latest Ofsted judgement?",
        choices=OfstedJudgement.choices,
        error_messages=messages("Select the school's latest Ofsted judgement"),
        widget=forms.RadioSelect,
    )
    pupils_on_roll = WholeNumberField(
        label="Number of pupils on roll",
        min_value=1,
        max_value=5000,
        error_messages={
            "required": "Enter the number of pupils on roll",
            "invalid": "Number of pupils on roll must be a whole number, like 45",
            "min_value": "Number of pupils on roll must be 1 or more",
            "max_value": "Number of pupils on roll must be 5,000 or fewer",
        },
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "spellcheck": "false", "class": "input--width-5"}
        ),
    )
    contact_name = forms.CharField(
        label="Full name",
        max_length=200,
        error_messages=messages(
            "Enter your full name", max_length="Full name must be 200 characters or fewer"
        ),
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    contact_role = forms.CharField(
        label="Your role",
        help_text="For example, headteacher or deputy headteacher.",
        max_length=200,
        error_messages=messages(
            "Enter your role, like headteacher",
            max_length="Your role must be 200 characters or fewer",
        ),
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    email = forms.EmailField(
        label="Email address",
        help_text="We'll only use this to reply to your enquiry.",
        max_length=254,
        error_messages=messages(
            "Enter an email address",
            invalid="Enter an email address in the correct format, like name@example.com",
            max_length="Email address must be 254 characters or fewer",
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    telephone = forms.CharField(
        label="Telephone number",
        help_text="A number we can call during the school day.",
        max_length=40,
        error_messages=messages(
            "Enter a telephone number",
            max_length="Enter a telephone number, like 01632 960 001 or +44 808 157 0192",
        ),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    improvement_areas = forms.MultipleChoiceField(
        label="Which areas would you like a Difference Leader to work on?",
        help_text="Select all that apply.",
        choices=ImprovementArea.choices,
        error_messages=messages("Select at least one area you would like help with"),
        widget=forms.CheckboxSelectMultiple,
    )
    start_term = forms.ChoiceField(
        label="When would you like a Difference Leader to start?",
        choices=start_term_choices,
        error_messages=messages("Select when you would like a Difference Leader to start"),
        widget=forms.RadioSelect,
    )
    anything_else = forms.CharField(
        label="Is there anything else you would like to tell us?",
        help_text="For example, your school development priorities.",
        required=False,
        max_length=2000,
        error_messages={"max_length": "Your answer must be 2,000 characters or fewer"},
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    heard_about = forms.ChoiceField(
        label="How did you hear about The Difference?",
        required=False,
        choices=[("", "Choose an answer"), *HeardAbout.choices],
        error_messages=messages("Select how you heard about The Difference"),
    )
    privacy_acknowledged = forms.BooleanField(
        label="I have read the privacy notice and understand how my details will be used",
        error_messages={"required": "Confirm that you have read the privacy notice"},
    )

    class Meta:
        model = PartnershipEnquiry
        fields = [
            "school_name",
            "urn",
            "setting_type",
            "phase",
            "local_authority",
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
        ]

    def clean_urn(self):
        urn = _digits_only(self.cleaned_data["urn"])
        if not re.fullmatch(r"[0-9]{6}", urn):
            raise forms.ValidationError("URN must be 6 digits, like 123456", code="invalid")
        return urn

    def clean_telephone(self):
        raw = self.cleaned_data["telephone"]
        compact = re.sub(r"[\s\-().]", "", raw)
        if not PHONE.fullmatch(compact):
            raise forms.ValidationError(
                "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192",
                code="invalid",
            )
        return raw.strip()

    def clean_improvement_areas(self):
        chosen = set(self.cleaned_data["improvement_areas"])
        # Stored in the order the form lists them, whatever order the post had.
        return [key for key, _ in ImprovementArea.choices if key in chosen]
