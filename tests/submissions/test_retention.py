"""Retention: expired submissions are purged by a command that is safe to run again."""

import io
import logging
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

import pytest

from submissions.base import BaseSubmission, submission_models
from submissions.enquiries.factories import PartnershipEnquiryFactory
from submissions.models import PartnershipEnquiry

pytestmark = pytest.mark.django_db


def purge(*args):
    out = io.StringIO()
    call_command("purge_expired_submissions", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def enquiries(settings):
    settings.SUBMISSIONS_RETENTION_DAYS = 365
    now = timezone.now()
    return {
        "expired": PartnershipEnquiryFactory(created_at=now - timedelta(days=400)),
        "just_expired": PartnershipEnquiryFactory(created_at=now - timedelta(days=365, hours=1)),
        "kept": PartnershipEnquiryFactory(created_at=now - timedelta(days=364)),
        "new": PartnershipEnquiryFactory(),
    }


def test_dry_run_lists_and_deletes_nothing(enquiries):
    output = purge("--dry-run", "--verbosity", "2")

    assert "Would delete 2 partnership enquiries older than 365 days" in output
    assert enquiries["expired"].reference in output
    assert PartnershipEnquiry.objects.count() == 4


def test_purge_deletes_only_expired_and_is_idempotent(enquiries, caplog):
    caplog.set_level(logging.INFO)

    first = purge()
    second = purge()

    assert "Deleted 2 partnership enquiries older than 365 days" in first
    assert "Deleted 0 partnership enquiries" in second
    left = set(PartnershipEnquiry.objects.values_list("reference", flat=True))
    assert left == {enquiries["kept"].reference, enquiries["new"].reference}
    assert "Purged 2 expired partnership enquiries (kept 365 days)" in caplog.text
    assert enquiries["expired"].email not in caplog.text


def test_retention_period_is_configurable(enquiries, settings):
    settings.SUBMISSIONS_RETENTION_DAYS = 30

    purge()

    assert list(PartnershipEnquiry.objects.values_list("reference", flat=True)) == [
        enquiries["new"].reference
    ]


def test_every_concrete_submission_model_is_covered():
    models = submission_models()
    assert PartnershipEnquiry in models
    assert all(issubclass(m, BaseSubmission) and not m._meta.abstract for m in models)


def test_expiry_date_is_shown_per_record(settings):
    settings.SUBMISSIONS_RETENTION_DAYS = 10
    enquiry = PartnershipEnquiryFactory()
    assert enquiry.expires_at == enquiry.created_at + timedelta(days=10)
