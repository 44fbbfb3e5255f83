"""Factories for the teacher application, for the tests. (The demo content is built by
`submissions.applications.demo`, not from these.)"""

import secrets
from datetime import timedelta

from django.utils import timezone

import factory
import wagtail_factories

from submissions.references import generate_reference

from .choices import DEFAULT_COMPETENCIES as COMPETENCIES
from .models import Cohort, TeacherApplication
from .page import ApplicationPage


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
