"""Factories for case studies, for the tests. (The demo content is built by `casestudies.demo`,
and the bench's case studies by `manage.py generate_case_studies`, not from these.)"""

from django.utils import timezone

from wagtail.search import index

import factory
import wagtail_factories

from casestudies.models import CaseStudyIndexPage, CaseStudyPage


class CaseStudyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Case studies"
    slug = "case-studies"
    introduction = "Stories of schools, leaders and local areas."

    class Meta:
        model = CaseStudyIndexPage


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    """A case study: pass `setting_types=[...]` and `themes=[...]` (saved with the page, then
    indexed again). Created live and confirmed, as if an editor had published it."""

    title = factory.Sequence(lambda n: f"Case study {n}")
    subject = "school"
    organisation = factory.Sequence(lambda n: f"Example Learning Centre {n}")
    summary = "A pupil referral unit rebuilt its leadership team and its curriculum."
    region = "east-midlands"
    local_authority = "lincolnshire"
    period_start = factory.Sequence(lambda n: 2000 + n % 25)
    period_end = None
    starting_point = factory.LazyFunction(lambda: [paragraph("The unit had no senior team.")])
    what_changed = factory.LazyFunction(lambda: [paragraph("New leaders joined in spring.")])
    impact = factory.LazyFunction(lambda: [paragraph("Attendance rose over two years.")])
    safeguarding_confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = CaseStudyPage

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        setting_types = kwargs.pop("setting_types", [])
        themes = kwargs.pop("themes", [])
        instance = model_class(**kwargs)
        instance.setting_types = setting_types
        instance.themes = themes
        parent.add_child(instance=instance)
        index.insert_or_update_object(instance)
        return instance
