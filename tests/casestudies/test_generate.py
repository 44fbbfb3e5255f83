"""The generator of load-test case studies (`manage.py generate_case_studies`)."""

import re
from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from casestudies.models import CaseStudyPage
from taxonomy import places
from taxonomy.factories import PhaseFactory

pytestmark = pytest.mark.django_db


def generate(count=5):
    out = StringIO()
    call_command("generate_case_studies", "--count", str(count), stdout=out)
    return out.getvalue()


def test_generator_adds_live_classified_findable_case_studies(client, index, topics, setting_types):
    PhaseFactory(name="Secondary", slug="secondary")
    assert "Generated 5 case studies" in generate()

    generated = CaseStudyPage.objects.child_of(index).filter(slug__startswith="bench-case-study-")
    assert generated.count() == 5
    assert set(generated.values_list("slug", flat=True)) == {
        f"bench-case-study-{n}" for n in range(1, 6)
    }
    regions = dict(places.REGIONS)
    for case_study in generated:
        assert case_study.live and case_study.safeguarding_confirmed_at is not None
        assert re.search(r"\(bench \d+\)$", case_study.title)
        assert case_study.setting_types.exists() and case_study.themes.exists()
        assert case_study.region in regions
        assert all(
            getattr(case_study, name) for name in ("starting_point", "what_changed", "impact")
        )
        assert case_study.key_facts
    # Cycled through the vocabularies: five case studies cover three subjects, five regions.
    assert set(generated.values_list("subject", flat=True)) == {"school", "leader", "area"}
    assert generated.values("region").distinct().count() == 5

    # Listed, filterable, searchable, and each has its page.
    assert client.get("/case-studies/").content.decode().count("(bench ") == 5
    found = client.get("/case-studies/?q=generated").content.decode()
    assert found.count("(bench ") == 5
    first = generated.get(slug="bench-case-study-1")
    by_region = client.get(f"/case-studies/?region={first.region}").content.decode()
    assert "(bench 1)" in by_region
    assert client.get(first.url).status_code == 200

    # Running again adds more, numbered after the last.
    generate(2)
    assert CaseStudyPage.objects.filter(slug__startswith="bench-case-study-").count() == 7


def test_generator_needs_the_index(topics, setting_types):
    with pytest.raises(CommandError, match="CaseStudyIndexPage"):
        generate()
