"""The teacher application's steps: one code-defined Django form per page.

`build_steps()` lists the steps for a cohort: personal details, current role, one statement per
selection competency (read from the programme page, so the form asks what the page publishes),
referees, preferences and declarations. Each step's answers are kept in the draft as JSON
(`ApplicationDraft.answers[step.slug]`); `FinalApplicationForm` validates them all again, as one
model form, before `service.submit` stores the application.
"""

import re
from dataclasses import dataclass

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone

from home.models import get_programme_requirements
from submissions.forms import (
    AbuseProtection,
    SubmissionForm,
    WholeNumberField,
    clean_phone_number,
    email_field,
    messages,
)

from .choices import (
    DEFAULT_COMPETENCIES,
    STATEMENT_WORD_LIMIT,
    HeardAboutProgramme,
    LeadershipExperience,
    TeachingPhase,
)
from .models import Cohort, TeacherApplication

POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
# Characters kept of one answer typed before "Back": far beyond any field's limit, but bounded.
UNCHECKED_VALUE_LIMIT = 20_000


def count_words(text: str) -> int:
    """Words as people count them: runs of non-space characters (the script counts alike)."""
    return len((text or "").split())


class StepForm(forms.Form):
    """A step's form: the GOV.UK error summary of SubmissionForm, no protection fields (the
    first step adds them: `AbuseProtection`)."""

    protection_fields = ()
    error_list = SubmissionForm.error_list

    @property
    def visible_questions(self):
        return [f for f in self if f.name not in self.protection_fields]

    def questions(self) -> dict:
        """The form's own questions by name: every field but the honeypot and form state."""
        return {n: f for n, f in self.fields.items() if n not in self.protection_fields}

    def answers(self) -> dict:
        """The cleaned answers as JSON-ready values."""
        return {name: self.cleaned_data[name] for name in self.questions()}

    def typed_answers(self) -> dict:
        """What each field holds as typed, unchecked (kept by "Back"), as JSON-ready values:
        text (cut at UNCHECKED_VALUE_LIMIT), a choice's key, or True/False for a checkbox."""
        typed = {}
        for name, field in self.questions().items():
            value = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            if isinstance(value, str):
                value = value[:UNCHECKED_VALUE_LIMIT]
            elif not isinstance(value, bool):
                value = ""
            typed[name] = value
        return typed


def text(label, required_message, max_length=200, **kwargs):
    return forms.CharField(
        label=label,
        max_length=max_length,
        error_messages=messages(
            required_message,
            max_length=f"{label} must be {max_length:,} characters or fewer",
        ),
        **kwargs,
    )


class PersonalDetailsForm(AbuseProtection, StepForm):
    """The first step: the application's own honeypot and minimum fill time (`flow.step`)."""

    full_name = text(
        "Full name",
        "Enter your full name",
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    email = email_field(
        "Email address",
        "Enter your email address",
        help_text="We'll send your confirmation and any link to return to your application here.",
        attrs={"autocomplete": "email"},
    )
    telephone = text(
        "Telephone number",
        "Enter a telephone number",
        max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    postcode = text(
        "Home postcode",
        "Enter your home postcode",
        max_length=10,
        help_text="We use it to match you with schools within commuting distance of home.",
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "class": "input--width-10"}),
    )

    def clean_telephone(self):
        return clean_phone_number(self.cleaned_data["telephone"])

    def clean_postcode(self):
        postcode = re.sub(r"\s+", "", self.cleaned_data["postcode"]).upper()
        if not POSTCODE.fullmatch(postcode):
            raise forms.ValidationError("Enter a real postcode, like SW1A 1AA", code="invalid")
        return f"{postcode[:-3]} {postcode[-3:]}"


class CurrentRoleForm(StepForm):
    current_role = text(
        "Your current role",
        "Enter your current role",
        help_text="For example, head of English or Year 6 teacher.",
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    current_school = text(
        "Your current school",
        "Enter the name of your current school",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    phase = forms.ChoiceField(
        label="Which phase do you teach?",
        choices=TeachingPhase.choices,
        widget=forms.RadioSelect,
        error_messages=messages("Select the phase you teach"),
    )
    subject = text(
        "Subject or specialism",
        "Enter your subject or specialism",
        help_text="For example, mathematics, or 'all subjects' in primary.",
    )
    years_teaching = WholeNumberField(
        label="How many years have you taught in mainstream schools?",
        min_value=0,
        max_value=50,
        error_messages={
            "required": "Enter how many years you have taught",
            "invalid": "Years of teaching must be a whole number, like 5",
            "min_value": "Years of teaching must be 0 or more",
            "max_value": "Years of teaching must be 50 or fewer",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "input--width-5"}),
    )
    qts_year = WholeNumberField(
        label="In which year were you awarded qualified teacher status (QTS)?",
        help_text="For example, 2018.",
        min_value=1960,
        error_messages={
            "required": "Enter the year you were awarded QTS",
            "invalid": "The year must be a number, like 2018",
            "min_value": "The year must be 1960 or later",
            "max_value": "The year cannot be in the future",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "input--width-5"}),
    )
    leadership_experience = forms.ChoiceField(
        label="What leadership experience do you have?",
        choices=LeadershipExperience.choices,
        widget=forms.RadioSelect,
        error_messages=messages("Select your leadership experience"),
    )
    leadership_details = forms.CharField(
        label="Tell us about your leadership experience",
        help_text="Roles, responsibilities and what changed because of your work.",
        required=False,
        max_length=3000,
        error_messages={"max_length": "Your answer must be 3,000 characters or fewer"},
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        year = timezone.localdate().year
        field = self.fields["qts_year"]
        field.max_value = year
        field.validators.append(MaxValueValidator(year))


class StatementForm(StepForm):
    """One competency statement, with a word limit the browser counts as you type."""

    statement = forms.CharField(max_length=STATEMENT_WORD_LIMIT * 30, widget=forms.Textarea)

    def __init__(self, *args, competency_name="", competency_description="", **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["statement"]
        field.label = competency_name
        field.help_text = (
            f"{competency_description} Up to {STATEMENT_WORD_LIMIT} words."
            if competency_description
            else f"Up to {STATEMENT_WORD_LIMIT} words."
        )
        field.error_messages = messages(
            f"Write your statement on {competency_name.lower()}",
            max_length=f"{competency_name} must be {STATEMENT_WORD_LIMIT} words or fewer",
        )
        field.widget.attrs.update({"rows": 12, "data-word-limit": STATEMENT_WORD_LIMIT})
        self.competency_name = competency_name

    def clean_statement(self):
        statement = self.cleaned_data["statement"].strip()
        words = count_words(statement)
        if words > STATEMENT_WORD_LIMIT:
            raise forms.ValidationError(
                f"{self.competency_name} must be {STATEMENT_WORD_LIMIT} words or fewer: "
                f"it has {words:,} words",
                code="too_many_words",
            )
        return statement


class RefereesForm(StepForm):
    referee_1_name = text("Full name", "Enter the first referee's full name")
    referee_1_role = text(
        "Role and organisation",
        "Enter the first referee's role and organisation",
        help_text="For example, headteacher at Example Academy.",
    )
    referee_1_email = email_field("Email address", "Enter the first referee's email address")
    referee_2_name = text("Full name", "Enter the second referee's full name")
    referee_2_role = text(
        "Role and organisation", "Enter the second referee's role and organisation"
    )
    referee_2_email = email_field("Email address", "Enter the second referee's email address")

    first = ("referee_1_name", "referee_1_role", "referee_1_email")
    second = ("referee_2_name", "referee_2_role", "referee_2_email")

    def clean(self):
        cleaned = super().clean()
        one, two = cleaned.get("referee_1_email"), cleaned.get("referee_2_email")
        if one and two and one.lower() == two.lower():
            self.add_error("referee_2_email", "Give a different email address for each referee")
        return cleaned


class PreferencesForm(StepForm):
    cohort = forms.TypedChoiceField(
        label="Which cohort are you applying for?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages=messages("Select the cohort you are applying for"),
    )
    heard_about = forms.ChoiceField(
        label="How did you hear about the programme?",
        required=False,
        choices=[("", "Choose an answer"), *HeardAboutProgramme.choices],
        error_messages=messages("Select how you heard about the programme"),
    )

    def __init__(self, *args, cohorts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].choices = [
            (c.pk, f"{c.name}, starting {c.programme_starts:%-d %B %Y}") for c in cohorts
        ]


class DeclarationsForm(StepForm):
    accurate = forms.BooleanField(
        label="The information in my application is true and complete",
        error_messages={"required": "Confirm that your application is true and complete"},
    )
    eligible = forms.BooleanField(
        label="I meet the eligibility criteria for the programme",
        error_messages={"required": "Confirm that you meet the eligibility criteria"},
    )
    privacy = forms.BooleanField(
        label="I have read the privacy notice and understand how my application will be used",
        error_messages={"required": "Confirm that you have read the privacy notice"},
    )


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type
    options: tuple = ()  # keyword arguments for the form, as (name, value) pairs

    def form(self, *args, **kwargs):
        return self.form_class(*args, **dict(self.options), **kwargs)


def competencies_for(site) -> list[tuple[str, str, str]]:
    """(key, name, description) of each competency, from the programme page's structured data."""
    requirements = get_programme_requirements(site)
    if requirements and requirements.competencies:
        return [(c.key, c.name, c.description) for c in requirements.competencies]
    return [(key, name, "") for key, name in DEFAULT_COMPETENCIES]


def build_steps(competencies, cohorts) -> list[Step]:
    statements = [
        Step(
            f"statement-{key}",
            name,
            StatementForm,
            (("competency_name", name), ("competency_description", description)),
        )
        for key, name, description in competencies
    ]
    return [
        Step("personal-details", "Your details", PersonalDetailsForm),
        Step("current-role", "Your current role", CurrentRoleForm),
        *statements,
        Step("referees", "Referees", RefereesForm),
        Step(
            "preferences",
            "Cohort and how you heard about us",
            PreferencesForm,
            (("cohorts", tuple(cohorts)),),
        ),
        Step("declarations", "Declarations", DeclarationsForm),
    ]


class FinalApplicationForm(forms.ModelForm):
    """Every step's answers validated again together, as the model stores them."""

    class Meta:
        model = TeacherApplication
        fields = [
            "cohort",
            "full_name",
            "email",
            "telephone",
            "postcode",
            "current_role",
            "current_school",
            "phase",
            "subject",
            "years_teaching",
            "qts_year",
            "leadership_experience",
            "leadership_details",
            "referee_1_name",
            "referee_1_role",
            "referee_1_email",
            "referee_2_name",
            "referee_2_role",
            "referee_2_email",
            "heard_about",
        ]

    def __init__(self, answers: dict, steps, cohorts):
        data, statements = {}, {}
        for step in steps:
            step_answers = answers.get(step.slug, {})
            if step.form_class is StatementForm:
                statements[step.slug.removeprefix("statement-")] = step_answers.get("statement")
            else:
                data.update(step_answers)
        super().__init__(data=data)
        self.fields["cohort"].queryset = Cohort.objects.filter(pk__in=[c.pk for c in cohorts])
        self.statements = statements
        self.declared = all(
            answers.get("declarations", {}).get(k) for k in ("accurate", "eligible", "privacy")
        )

    def clean(self):
        cleaned = super().clean()
        if not all(self.statements.values()) or not self.declared:
            raise forms.ValidationError("Some answers are missing", code="incomplete")
        return cleaned

    def save(self, commit=True):
        instance = super().save(commit=False)
        instance.statements = dict(self.statements)
        instance.declarations_confirmed = self.declared
        if commit:
            instance.save()
        return instance


def summary_rows(step: Step, answers: dict) -> list[dict]:
    """(label, shown value, field id) for the check-your-answers page, in the form's order."""
    form = step.form()
    rows = []
    for name, field in form.questions().items():
        value = answers.get(name)
        if isinstance(field, forms.BooleanField):
            shown = "Confirmed" if value else "Not confirmed"
        elif isinstance(field, forms.ChoiceField):
            labels = {str(key): label for key, label in field.choices}
            shown = labels.get(str(value), "") if value not in (None, "") else ""
        else:
            shown = "" if value is None else str(value)
        rows.append({"label": field.label, "value": shown, "id": f"id_{name}", "name": name})
    return rows
