"""The Expression of Interest form on its own: each kind of bad input, Unicode, and a property
test over generated answers."""

import itertools
import string

from django.db import transaction

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from submissions.enquiries.choices import ImprovementArea, start_term_choices
from submissions.enquiries.forms import ExpressionOfInterestForm
from submissions.models import PartnershipEnquiry
from submissions.service import submit
from taxonomy.places import current_choices

from .conftest import valid_data

pytestmark = pytest.mark.django_db


def errors_for(**overrides):
    form = ExpressionOfInterestForm(data=valid_data(**overrides))
    assert not form.is_valid()
    return form.errors


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "name@", "Enter an email address in the correct format, like name@example.com"),
        (
            "email",
            "name example.com",
            "Enter an email address in the correct format, like name@example.com",
        ),
        ("email", "", "Enter an email address"),
        (
            "telephone",
            "call me",
            "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192",
        ),
        (
            "telephone",
            "0123",
            "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192",
        ),
        ("urn", "12345", "URN must be 6 digits, like 123456"),
        ("urn", "1234567", "URN must be 6 digits, like 123456"),
        ("urn", "12345a", "URN must be 6 digits, like 123456"),
        ("urn", "١٢٣٤٥٦", "URN must be 6 digits, like 123456"),  # Arabic-Indic digits
        ("urn", "", "Enter the school's URN"),
        ("pupils_on_roll", "lots", "Number of pupils on roll must be a whole number, like 45"),
        ("pupils_on_roll", "0", "Number of pupils on roll must be 1 or more"),
        ("pupils_on_roll", "5001", "Number of pupils on roll must be 5,000 or fewer"),
        ("school_name", "x" * 201, "School name must be 200 characters or fewer"),
        ("contact_name", "y" * 201, "Full name must be 200 characters or fewer"),
        ("anything_else", "z" * 2001, "Your answer must be 2,000 characters or fewer"),
        ("school_name", "   ", "Enter the name of the school"),
        ("improvement_areas", [], "Select at least one area you would like help with"),
        ("privacy_acknowledged", "", "Confirm that you have read the privacy notice"),
    ],
)
def test_bad_input_gets_a_govuk_style_message(field, value, message):
    assert errors_for(**{field: value})[field] == [message]


@pytest.mark.parametrize(
    ("urn", "stored"), [("123456", "123456"), (" 123 456 ", "123456"), ("100,000", "100000")]
)
def test_urn_accepts_spaces_people_type(urn, stored):
    form = ExpressionOfInterestForm(data=valid_data(urn=urn))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["urn"] == stored


@pytest.mark.parametrize(
    "number", ["01632 960 001", "07700 900 982", "+44 808 157 0192", "(01632) 960-001"]
)
def test_telephone_accepts_common_formats_and_keeps_them_as_typed(number):
    form = ExpressionOfInterestForm(data=valid_data(telephone=number))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["telephone"] == number


def test_pupils_on_roll_accepts_thousands_separators():
    form = ExpressionOfInterestForm(data=valid_data(pupils_on_roll="1,200"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["pupils_on_roll"] == 1200


@pytest.mark.parametrize(
    "name",
    ["O'Hara", "Zoë Brontë", "ねこ", "محمد الأحمد", "שרה כהן", "Ødegaard-Łukasiewicz", "😀 Emoji"],
)
def test_unicode_names_round_trip_unchanged(name):
    form = ExpressionOfInterestForm(
        data=valid_data(contact_name=name, school_name=f"{name} School")
    )
    assert form.is_valid(), form.errors

    enquiry = submit(form, token=f"token-{name}")

    stored = PartnershipEnquiry.objects.get(pk=enquiry.pk)
    assert stored.contact_name == name
    assert stored.school_name == f"{name} School"


def test_improvement_areas_are_stored_in_form_order_without_duplicates():
    form = ExpressionOfInterestForm(data=valid_data(improvement_areas=["itt", "curriculum", "itt"]))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["improvement_areas"] == ["curriculum", "itt"]


# ---------- Property test ----------

FIELDS = [
    name for name in ExpressionOfInterestForm.base_fields if name not in ("website", "form_state")
]

junk = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=string.printable, max_size=300),
    st.sampled_from(["", " ", "0", "-1", "<script>", "=1+1", "\x00", "9" * 20, "é" * 250]),
)
choice = st.sampled_from
valid_values = {
    "school_name": st.text(min_size=1, max_size=200).filter(
        lambda s: s.strip() and "\x00" not in s
    ),
    "urn": st.from_regex(r"\A[0-9]{6}\Z"),
    "setting_type": choice(["pru", "ap-academy", "special", "internal-unit", "other"]),
    "phase": choice(["primary", "secondary", "all-through"]),
    "local_authority": choice([key for key, _ in current_choices()]),
    "ofsted_judgement": choice(
        ["outstanding", "good", "requires-improvement", "inadequate", "not-inspected"]
    ),
    "pupils_on_roll": st.integers(1, 5000).map(str),
    "contact_name": st.text(min_size=1, max_size=200).filter(
        lambda s: s.strip() and "\x00" not in s
    ),
    "contact_role": st.text(min_size=1, max_size=200).filter(
        lambda s: s.strip() and "\x00" not in s
    ),
    "email": st.from_regex(r"\A[a-z0-9]{1,10}(\.[a-z0-9]{1,10})?@example\.(com|org)\Z"),
    "telephone": st.from_regex(r"\A0[0-9]{10}\Z"),
    "improvement_areas": st.lists(choice(ImprovementArea.values), min_size=1, max_size=5),
    "start_term": choice([key for key, _ in start_term_choices()]),
    "anything_else": st.text(max_size=2000).filter(lambda s: "\x00" not in s),
    "heard_about": choice(["", "colleague", "event", "search"]),
    "privacy_acknowledged": st.just("on"),
}


TOKENS = itertools.count()  # one form token per example: each is a separate form


@st.composite
def answers(draw):
    """A third all valid, a third with one bad or missing answer, a third with several."""
    mode = draw(st.sampled_from(["valid", "one-bad", "several-bad"]))
    spoilt = set()
    if mode == "one-bad":
        spoilt = {draw(st.sampled_from(FIELDS))}
    elif mode == "several-bad":
        spoilt = {name for name in FIELDS if draw(st.booleans())}
    data = {}
    for name in FIELDS:
        if name not in spoilt:
            data[name] = draw(valid_values[name])
        elif draw(st.booleans()):
            data[name] = draw(st.one_of(junk, st.lists(junk, max_size=3)))
        # else: the answer is missing from the post altogether
    return data


@settings(
    max_examples=500,
    deadline=None,
    database=None,  # no .hypothesis/ folder in the working tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=answers())
def test_property_never_an_error_valid_saves_invalid_names_a_field(data):
    form = ExpressionOfInterestForm(data=data)

    valid = form.is_valid()  # never raises
    event("valid" if valid else "invalid")

    if valid:
        with transaction.atomic():
            enquiry = submit(form, token=f"property-{next(TOKENS)}")
        stored = PartnershipEnquiry.objects.get(pk=enquiry.pk)
        assert stored.school_name == form.cleaned_data["school_name"]
        assert stored.contact_name == form.cleaned_data["contact_name"]
        assert stored.email == form.cleaned_data["email"]
    else:
        assert form.errors
        assert set(form.errors) <= set(FIELDS), form.errors
        assert "__all__" not in form.errors
