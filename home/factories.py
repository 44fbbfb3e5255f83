"""Factories for the site's own pages, shared by tests and the demo-content command."""

import factory
import wagtail_factories

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    hero_heading = "Exceptional teachers, leading where it matters most"
    hero_intro = "We place great teachers in the leadership of schools for excluded children."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    introduction = "A short introduction to the page."

    class Meta:
        model = StandardPage


class ImageFactory(wagtail_factories.ImageFactory):
    description = factory.Sequence(lambda n: f"Abstract illustration {n}")
