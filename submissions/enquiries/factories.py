"""Factories for the Expression of Interest, for the tests and the form benchmark. (The demo
content is built by `submissions.enquiries.demo`, not from these.)"""

import datetime
import secrets

import factory
import wagtail_factories

from submissions.references import generate_reference

from .choices import EnquiryStatus, ImprovementArea, start_term_choices
from .models import PartnershipEnquiry
from .page import ExpressionOfInterestPage


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
    confirmation_sent_at = factory.Faker("date_time_this_year", tzinfo=datetime.UTC)
    notification_sent_at = factory.SelfAttribute("confirmation_sent_at")

    class Meta:
        model = PartnershipEnquiry
