"""Factories for the hub, for the tests. (The demo content is built by `hub.demo`, and the
bench's articles by `manage.py generate_hub_articles`, not from these.)"""

import datetime

from wagtail.search import index

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from hub.models import ArticleAuthor, ArticlePage, HubIndexPage, Person


class PersonFactory(DjangoModelFactory):
    given_names = factory.Sequence(lambda n: f"Author{n}")
    family_name = "Example"
    role = "Assistant headteacher"
    school = "An alternative provision academy"
    show_profile_publicly = True
    live = True

    class Meta:
        model = Person


class HubIndexPageFactory(wagtail_factories.PageFactory):
    title = "Knowledge hub"
    slug = "hub"
    introduction = "Research, enquiries and talks by Difference Leaders."

    class Meta:
        model = HubIndexPage


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


class ArticlePageFactory(wagtail_factories.PageFactory):
    """An article with its authors, topics and setting types: pass `authors=[person, ...]`,
    `topics=[...]`, `setting_types=[...]`. The article is indexed once they are saved too."""

    title = factory.Sequence(lambda n: f"Article {n}")
    standfirst = "What one school learnt about bringing pupils back to mainstream."
    article_type = "research"
    first_published = factory.Sequence(
        lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n)
    )
    body = factory.LazyFunction(
        lambda: [paragraph("Pupils return to mainstream best with a plan made together.")]
    )

    class Meta:
        model = ArticlePage

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        authors = kwargs.pop("authors", None)
        topics = kwargs.pop("topics", [])
        setting_types = kwargs.pop("setting_types", [])
        instance = model_class(**kwargs)
        if authors is None:
            authors = [PersonFactory()]
        instance.authors = [
            ArticleAuthor(person=person, sort_order=number) for number, person in enumerate(authors)
        ]
        instance.topics = topics
        instance.setting_types = setting_types
        parent.add_child(instance=instance)
        # The index entry includes authors and topics, saved after the page row: index again.
        index.insert_or_update_object(instance)
        return instance
