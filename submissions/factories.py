"""Factories for the submissions app, shared by tests and the demo content."""

import secrets
from datetime import timedelta

from django.utils import timezone

import factory
import wagtail_factories

from submissions.application_choices import DEFAULT_COMPETENCIES as COMPETENCIES
from submissions.choices import EnquiryStatus, ImprovementArea, start_term_choices
from submissions.models import (
    ApplicationPage,
    Cohort,
    ExpressionOfInterestPage,
    PartnershipEnquiry,
    TeacherApplication,
)
from submissions.references import generate_reference


class ExpressionOfInterestPageFactory(wagtail_factories.PageFactory):
    title = "Expression of interest"
    slug = "expression-of-interest"
    introduction = "Tell us about your school and we will be in touch."
    thank_you_heading = "Expression of interest sent"

    class Meta:
        model = ExpressionOfInterestPage


class PartnershipEnquiryFactory(factory.django.DjangoModelFactory):
    reference = factory.LazyFunction(lambda: generate_reference("EOI"))
    form_token = factory.LazyFunction(lambda: secrets.token_urlsafe(24))
    status = EnquiryStatus.NEW
    school_name = factory.Sequence(lambda n: f"Example Learning Centre {n}")
    urn = factory.Sequence(lambda n: f"{900000 + n % 100000:06d}")
    setting_type = "pru"
    phase = "secondary"
    local_authority = "lincolnshire"
    ofsted_judgement = "good"
    pupils_on_roll = 60
    contact_name = factory.Sequence(lambda n: f"Test Contact {n}")
    contact_role = "Headteacher"
    email = factory.Sequence(lambda n: f"contact{n}@example.com")
    telephone = "01632 960 001"
    improvement_areas = factory.LazyFunction(lambda: [ImprovementArea.CURRICULUM.value])
    start_term = factory.LazyFunction(lambda: start_term_choices()[0][0])
    privacy_acknowledged = True
    # Made in code, not through the form: their emails count as sent.
    confirmation_sent_at = factory.Faker("date_time_this_year", tzinfo=__import__("datetime").UTC)
    notification_sent_at = factory.SelfAttribute("confirmation_sent_at")

    class Meta:
        model = PartnershipEnquiry


# --- teacher applications ------------------------------------------------------------------


class ApplicationPageFactory(wagtail_factories.PageFactory):
    title = "Apply to the programme"
    slug = "apply"
    introduction = "Check that you can apply, then apply at your own pace."

    class Meta:
        model = ApplicationPage


class CohortFactory(factory.django.DjangoModelFactory):
    """An open cohort by default: its window runs from a week ago to two months ahead."""

    name = factory.Sequence(lambda n: f"Test cohort {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=60))
    programme_starts = factory.LazyAttribute(lambda o: (o.closes_at + timedelta(days=120)).date())

    class Meta:
        model = Cohort


class TeacherApplicationFactory(factory.django.DjangoModelFactory):
    reference = factory.LazyFunction(lambda: generate_reference("APP"))
    form_token = factory.LazyFunction(lambda: secrets.token_urlsafe(24))
    cohort = factory.SubFactory(CohortFactory)
    full_name = factory.Sequence(lambda n: f"Test Applicant {n}")
    email = factory.Sequence(lambda n: f"applicant{n}@example.com")
    telephone = "07700 900 982"
    postcode = "SW1A 1AA"
    current_role = "Head of English"
    current_school = factory.Sequence(lambda n: f"Example Secondary School {n}")
    phase = "secondary"
    subject = "English"
    years_teaching = 6
    qts_year = 2018
    leadership_experience = "middle"
    statements = factory.LazyFunction(
        lambda: {key: f"An example statement on {name.lower()}." for key, name in COMPETENCIES}
    )
    referee_1_name = "Ref One"
    referee_1_role = "Headteacher"
    referee_1_email = factory.Sequence(lambda n: f"ref1-{n}@example.com")
    referee_2_name = "Ref Two"
    referee_2_role = "Deputy headteacher"
    referee_2_email = factory.Sequence(lambda n: f"ref2-{n}@example.com")
    heard_about = "colleague"
    declarations_confirmed = True
    confirmation_sent_at = factory.LazyFunction(timezone.now)
    notification_sent_at = factory.SelfAttribute("confirmation_sent_at")

    class Meta:
        model = TeacherApplication
