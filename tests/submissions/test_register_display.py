"""What the registers show staff: capitalised labels and words on inspect, a short received date,
a local authority filter grouped by region, and exports where empty is empty and dates are
dates a spreadsheet understands."""

import csv
import datetime
import io

from django.contrib.auth.models import Group
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from submissions.applications.factories import CohortFactory, TeacherApplicationFactory
from submissions.enquiries.factories import PartnershipEnquiryFactory
from taxonomy.places import LOCAL_AUTHORITIES

pytestmark = pytest.mark.django_db

ENQUIRIES = "/admin/submissions/partnershipenquiry/"
APPLICATIONS = "/admin/submissions/teacherapplication/"


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user("pat", "pat@the-difference.test", "pw")
    user.groups.add(Group.objects.get(name="Partnerships"))
    client.force_login(user)
    return client


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.org", "pw"))
    return client


def inspect_pairs(response) -> dict[str, str]:
    page = BeautifulSoup(response.content, "html.parser")
    labels = [dt.get_text(" ", strip=True) for dt in page.select("dl dt")]
    values = [" ".join(dd.get_text(" ", strip=True).split()) for dd in page.select("dl dd")]
    return dict(zip(labels, values, strict=True))


def test_inspect_shows_capitalised_labels_and_words_not_raw_values(staff_client):
    enquiry = PartnershipEnquiryFactory(
        privacy_acknowledged=True, is_spam=False, internal_notes="", urn=""
    )
    response = staff_client.get(f"{ENQUIRIES}inspect/{enquiry.pk}/")
    pairs = inspect_pairs(response)

    assert all(label[0].isupper() for label in pairs), list(pairs)
    assert pairs["Privacy acknowledged"] == "Yes"
    assert pairs["Spam suspected"] == "No"
    assert pairs["Internal notes"] == "Not given"
    assert "True" not in pairs.values() and "False" not in pairs.values()
    received = timezone.localtime(enquiry.created_at)
    assert pairs["Created at"] == f"{received.day} {received:%B %Y, %H:%M}"


def test_inspect_of_an_application_has_no_raw_values(admin_client):
    application = TeacherApplicationFactory(cohort=CohortFactory())
    pairs = inspect_pairs(admin_client.get(f"{APPLICATIONS}inspect/{application.pk}/"))
    assert all(label[0].isupper() for label in pairs), list(pairs)
    assert "True" not in pairs.values() and "False" not in pairs.values()


def test_the_list_shows_when_each_enquiry_arrived_as_a_short_date(staff_client):
    enquiry = PartnershipEnquiryFactory()
    page = BeautifulSoup(staff_client.get(ENQUIRIES).content, "html.parser")
    headings = [th.get_text(strip=True) for th in page.select("table thead th")]
    assert "Received" in headings and "Created at" not in headings
    day = timezone.localtime(enquiry.created_at)
    assert page.select_one("td.field-received").get_text(strip=True) == (f"{day.day} {day:%b %Y}")


def test_the_local_authority_filter_is_one_list_grouped_by_region_and_keeps_other_filters(
    staff_client,
):
    lincoln = PartnershipEnquiryFactory(local_authority="lincolnshire", status="new")
    PartnershipEnquiryFactory(local_authority="kent", status="new")
    PartnershipEnquiryFactory(local_authority="lincolnshire", status="partnered")

    page = BeautifulSoup(staff_client.get(f"{ENQUIRIES}?status__exact=new").content, "html.parser")
    select = page.select_one("select#local-authority-filter")
    groups = [group["label"] for group in select.select("optgroup")]
    assert groups[0] == "North East" and "London" in groups and len(groups) == 9
    assert len(select.select("option")) == 1 + len(LOCAL_AUTHORITIES)
    # Links to 153 authorities would run down the page; there are none.
    assert not page.select(".changelist-filter a[href*='local_authority=']")
    form = select.find_parent("form")
    assert {(i["name"], i["value"]) for i in form.select("input[type=hidden]")} == {
        ("status__exact", "new")
    }

    chosen = staff_client.get(
        ENQUIRIES, {"status__exact": "new", "local_authority": "lincolnshire"}
    )
    html = chosen.content.decode()
    assert lincoln.reference in html
    page = BeautifulSoup(html, "html.parser")
    assert page.select_one("select#local-authority-filter option[selected]")["value"] == (
        "lincolnshire"
    )
    rows = page.select("table tbody tr")
    assert len(rows) == 1


def test_exports_leave_empty_cells_empty_and_write_real_dates(staff_client):
    enquiry = PartnershipEnquiryFactory(urn="", anything_else="", internal_notes="")

    body = b"".join(staff_client.get(f"{ENQUIRIES}?export=csv").streaming_content).decode()
    row = next(csv.DictReader(io.StringIO(body)))
    assert row["URN"] == ""
    assert row["Anything else"] == ""
    assert row["Assigned to"] == ""
    assert "'-" not in body and ",-," not in body
    received = timezone.localtime(enquiry.created_at)
    assert row["Received"] == f"{received:%Y-%m-%d %H:%M}"

    workbook = load_workbook(
        io.BytesIO(b"".join(staff_client.get(f"{ENQUIRIES}?export=xlsx").streaming_content))
    )
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    cells = dict(zip(header, sheet[2], strict=True))
    assert isinstance(cells["Received"].value, datetime.datetime)
    assert cells["Received"].is_date
    assert cells["Received"].value == received.replace(tzinfo=None, second=0, microsecond=0)
    assert cells["URN"].value is None
    assert cells["Assigned to"].value is None
