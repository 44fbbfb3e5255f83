"""The demo case studies: the three real stories, enough others to filter, all publishable."""

from io import StringIO

from django.core.management import call_command

import pytest

from casestudies.models import CaseStudyIndexPage, CaseStudyPage

pytestmark = pytest.mark.django_db


def test_demo_has_the_three_stories_and_enough_others_across_settings_and_regions(client):
    call_command("load_demo_content", stdout=StringIO())

    case_studies = CaseStudyPage.objects.live()
    assert case_studies.count() >= 6
    titles = " ".join(case_studies.values_list("organisation", flat=True))
    for name in ("Springwell, Lincoln City Academy", "Thomas Tallis School", "Mulberry"):
        assert name in titles
    assert case_studies.values("region").distinct().count() >= 5
    assert case_studies.values("setting_types").distinct().count() >= 5
    # All but one have a picture: that one shows the cards' design without one.
    assert [page.slug for page in case_studies if not page.image_id] == [
        "sallowfield-internal-alternative-provision"
    ]
    # Each has a recorded confirmation, so each could be published again as it is.
    assert not case_studies.filter(safeguarding_confirmed_at=None).exists()

    index = CaseStudyIndexPage.objects.get()
    assert index.featured_case_studies.count() == 3
    for page in case_studies:
        assert client.get(page.url).status_code == 200, page.url
    assert "Case studies" in client.get("/").content.decode()


def test_shaun_browns_story_shows_the_three_tiers_and_their_partners(client):
    call_command("load_demo_content", stdout=StringIO())
    page = CaseStudyPage.objects.get(organisation__contains="Thomas Tallis")

    html = client.get(page.url).content.decode()

    for partner in (
        "Chelsea&#x27;s Choice",
        "Amy Winehouse Foundation",
        "Growing Against Gang Violence",
        "Yinka Williams",
    ):
        assert partner in html
    assert html.count('class="tiers__item"') == 3
