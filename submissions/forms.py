"""What every public form shares: `AbuseProtection` and `SubmissionForm`, error messages, and
fields people type into.

Messages follow the GOV.UK Design System: say what went wrong and how to fix it, in the same
words in the error summary and beside the field. Hints are `help_text`; templates render every
field through `{% govuk_field %}` (submissions.templatetags.govuk_forms). Each form's own
questions live with it: `submissions.enquiries.forms`, `submissions.applications.steps` and
`submissions.applications.forms`.
"""

import re

from django import forms

from .protection import HONEYPOT_FIELD, STATE_FIELD, FormState, HoneypotInput


def messages(required, **others) -> dict:
    """Error messages for a field: `required` also answers a tampered choice."""
    return {"required": required, "invalid_choice": required, **others}


class AbuseProtection(forms.Form):
    """The honeypot and the signed form state, for any public form that takes answers.

    Mix it in before the form's base class: `class F(AbuseProtection, forms.ModelForm)`.
    Templates draw `visible_questions`, then `{{ form.form_state }}` and the honeypot
    (templates/components/forms/honeypot.html); `protection.spam_reasons()` judges the post.
    """

    # Named like a real field so bots fill it; hidden from people (CSS) and screen readers
    # (aria-hidden on its wrapper in templates/components/forms/honeypot.html).
    website = forms.CharField(required=False, label="Website", widget=HoneypotInput())
    form_state = forms.CharField(required=False, widget=forms.HiddenInput())

    protection_fields = (HONEYPOT_FIELD, STATE_FIELD)

    def __init__(self, *args, state: FormState | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if state is not None and not self.is_bound:
            self.initial = {**self.initial, STATE_FIELD: state.sign()}

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


class SubmissionForm(AbuseProtection, forms.ModelForm):
    """A ModelForm with the honeypot and the signed form state of every public form."""


def digits_only(value: str) -> str:
    """What is left of a typed number once spaces and commas are taken out."""
    return re.sub(r"[\s,]", "", value or "")


class WholeNumberField(forms.IntegerField):
    """An integer that accepts what people type: "1,200" and "1 200" are 1200."""

    def to_python(self, value):
        if isinstance(value, str):
            value = digits_only(value)
        return super().to_python(value)


# A UK number (10 or 11 digits from 0) or an international one, once spaces and punctuation
# are taken out.
PHONE = re.compile(r"^(\+[0-9]{8,15}|0[0-9]{9,10})$")


def clean_phone_number(raw: str) -> str:
    """A telephone number as typed (trimmed), if it is one; else a ValidationError."""
    if not PHONE.fullmatch(re.sub(r"[\s\-().]", "", raw)):
        raise forms.ValidationError(
            "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192",
            code="invalid",
        )
    return raw.strip()


def email_field(label="Email address", required_message="Enter an email address", **kwargs):
    """An email address question, with the GOV.UK messages and no spellchecking."""
    return forms.EmailField(
        label=label,
        max_length=254,
        error_messages=messages(
            required_message,
            invalid="Enter an email address in the correct format, like name@example.com",
            max_length=f"{label} must be 254 characters or fewer",
        ),
        widget=forms.EmailInput(attrs={"spellcheck": "false", **kwargs.pop("attrs", {})}),
        **kwargs,
    )
