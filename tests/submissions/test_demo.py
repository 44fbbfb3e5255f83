"""The demo loader adds the form page, links to it and a few clearly fake enquiries, once."""

from io import StringIO

from django.core.management import call_command

import pytest

from submissions.models import ExpressionOfInterestPage, PartnershipEnquiry

pytestmark = pytest.mark.django_db


def test_demo_content_builds_the_form_links_and_examples_once(client):
    call_command("load_demo_content", stdout=StringIO())
    call_command("load_demo_content", stdout=StringIO())

    page = ExpressionOfInterestPage.objects.get()
    assert page.url == "/expression-of-interest/"
    assert page.live
    assert page.privacy_notice is not None
    enquiries = PartnershipEnquiry.objects.all()
    assert enquiries.count() == 5
    assert all(e.email.endswith("@example.com") and "Demo" in e.school_name for e in enquiries)
    assert client.get("/expression-of-interest/").status_code == 200
    for path in ("/", "/partner-with-us/"):
        html = client.get(path).content.decode()
        assert html.count('href="/expression-of-interest/"') >= 1, path
