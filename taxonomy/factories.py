"""Factories for topics, setting types and phases, for the tests. (The demo vocabularies are
built by `taxonomy.demo`, not from these.)"""

import factory
from factory.django import DjangoModelFactory

from taxonomy.models import Phase, SettingType, Topic


class TopicFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))

    class Meta:
        model = Topic
        django_get_or_create = ["slug"]


class SettingTypeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Setting {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))

    class Meta:
        model = SettingType
        django_get_or_create = ["slug"]


class PhaseFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Phase {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))

    class Meta:
        model = Phase
        django_get_or_create = ["slug"]
