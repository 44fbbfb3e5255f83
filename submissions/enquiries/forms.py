"""The schools' Expression of Interest form: the questions, their messages and their checks."""

import re

from django import forms

from submissions.forms import (
    SubmissionForm,
    WholeNumberField,
    clean_phone_number,
    digits_only,
    email_field,
    messages,
)
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
    email = email_field(
        help_text="We'll only use this to reply to your enquiry.",
        attrs={"autocomplete": "email"},
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
        urn = digits_only(self.cleaned_data["urn"])
        if not re.fullmatch(r"[0-9]{6}", urn):
            raise forms.ValidationError("URN must be 6 digits, like 123456", code="invalid")
        return urn

    def clean_telephone(self):
        return clean_phone_number(self.cleaned_data["telephone"])

    def clean_improvement_areas(self):
        chosen = set(self.cleaned_data["improvement_areas"])
        # Stored in the order the form lists them, whatever order the post had.
        return [key for key, _ in ImprovementArea.choices if key in chosen]
