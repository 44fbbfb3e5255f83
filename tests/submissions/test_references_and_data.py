"""References, the shipped list of local authorities, and the submission service's edges."""

import re

from django.db import IntegrityError

import pytest

from submissions import service
from submissions.enquiries.factories import PartnershipEnquiryFactory
from submissions.enquiries.forms import ExpressionOfInterestForm
from submissions.models import PartnershipEnquiry
from submissions.references import ALPHABET, generate_reference, reference_pattern
from taxonomy import places as local_authorities

from .conftest import valid_data


def test_references_are_opaque_and_unambiguous():
    references = {generate_reference("EOI") for _ in range(2000)}

    assert len(references) == 2000
    for reference in references:
        assert reference_pattern("EOI").fullmatch(reference)
    assert not set("01ILOU") & set(ALPHABET)


@pytest.mark.django_db
def test_a_reference_collision_draws_again(monkeypatch):
    taken = PartnershipEnquiryFactory(reference="EOI-222222")
    draws = iter(["EOI-222222", "EOI-222222", "EOI-333333"])
    monkeypatch.setattr(service, "generate_reference", lambda prefix: next(draws))
    form = ExpressionOfInterestForm(data=valid_data())
    assert form.is_valid()

    enquiry = service.submit(form, token="fresh-token")

    assert enquiry.reference == "EOI-333333"
    assert enquiry.pk != taken.pk
    assert PartnershipEnquiry.objects.count() == 2


@pytest.mark.django_db
def test_references_and_tokens_are_unique_in_the_database():
    first = PartnershipEnquiryFactory()
    with pytest.raises(IntegrityError):
        PartnershipEnquiryFactory(reference=first.reference)


def test_the_list_holds_the_153_english_local_authorities_with_regions():
    current = [a for a in local_authorities.LOCAL_AUTHORITIES if a.current]
    assert len(current) == 153
    assert len(local_authorities.BY_KEY) == len(local_authorities.LOCAL_AUTHORITIES)
    assert {a.region for a in local_authorities.LOCAL_AUTHORITIES} == set(
        local_authorities.REGION_NAMES
    )
    per_region = {}
    for authority in current:
        per_region[authority.region] = per_region.get(authority.region, 0) + 1
    assert per_region["london"] == 33
    assert per_region["north-east"] == 12
    assert all(re.fullmatch(r"[a-z0-9-]+", a.key) for a in local_authorities.LOCAL_AUTHORITIES)
    names = [name for _, name in local_authorities.current_choices()]
    assert names == sorted(names, key=str.lower)
    assert "Cumbria (until March 2023)" not in names


@pytest.mark.django_db
def test_region_follows_the_local_authority_and_former_authorities_still_display():
    enquiry = PartnershipEnquiryFactory(local_authority="cumbria")
    assert enquiry.region == "north-west"
    assert enquiry.get_local_authority_display() == "Cumbria (until March 2023)"
    enquiry.local_authority = "cornwall"
    enquiry.save()
    assert PartnershipEnquiry.objects.get(pk=enquiry.pk).get_region_display() == "South West"
