"""Topics, setting types and phases: slugs, order, and one admin menu for all three."""

from django.urls import reverse

import pytest

from taxonomy.models import Phase, SettingType, Topic

pytestmark = pytest.mark.django_db


def test_slug_is_made_from_the_name_when_left_blank():
    topic = Topic.objects.create(name="Communication needs")
    assert topic.slug == "communication-needs"
    assert str(topic) == "Communication needs"


def test_ordered_terms_go_to_the_end_unless_placed():
    first = SettingType.objects.create(name="Pupil referral unit")
    second = SettingType.objects.create(name="Special school")
    assert second.sort_order == first.sort_order + 1
    assert list(SettingType.objects.values_list("name", flat=True)) == [
        "Pupil referral unit",
        "Special school",
    ]
    Phase.objects.create(name="Secondary", sort_order=5)
    Phase.objects.create(name="Primary", sort_order=1)
    assert list(Phase.objects.values_list("name", flat=True)) == ["Primary", "Secondary"]


def test_terms_are_edited_under_one_taxonomy_menu(admin_client):
    Topic.objects.create(name="Attendance")
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    menu = response.content.decode()
    assert "Taxonomy" in menu
    for model in (Topic, SettingType, Phase):
        url = reverse(f"wagtailsnippets_taxonomy_{model._meta.model_name}:list")
        assert admin_client.get(url).status_code == 200
    listing = admin_client.get(reverse("wagtailsnippets_taxonomy_topic:list"))
    assert b"Attendance" in listing.content
    chooser = admin_client.get(reverse("wagtailsnippetchoosers_taxonomy_topic:choose"))
    assert chooser.status_code == 200
