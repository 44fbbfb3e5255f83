"""The staff register: who sees it, what it shows, status workflow, export, audit, erasure."""

import csv
import io

from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import ModelLogEntry

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from submissions.enquiries.factories import PartnershipEnquiryFactory
from submissions.models import PartnershipEnquiry

pytestmark = pytest.mark.django_db

INDEX = "/admin/submissions/partnershipenquiry/"


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("pat", "pat@the-difference.test", "pw")
    user.groups.add(Group.objects.get(name="Partnerships"))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("ed", "ed@the-difference.test", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def actions_for(enquiry):
    return list(
        ModelLogEntry.objects.filter(object_id=str(enquiry.pk)).values_list("action", flat=True)
    )


def test_partnerships_staff_see_the_register_and_the_menu(staff_client):
    enquiry = PartnershipEnquiryFactory(school_name="Demo Riverside PRU")

    response = staff_client.get(INDEX)

    assert response.status_code == 200
    html = response.content.decode()
    assert enquiry.reference in html
    assert "Demo Riverside PRU" in html
    assert INDEX in staff_client.get("/admin/").content.decode()


def test_script_payloads_are_text_in_the_register(staff_client):
    PartnershipEnquiryFactory(school_name='<script>alert("x")</script> محمد ねこ')

    html = staff_client.get(INDEX).content.decode()

    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; محمد ねこ" in html


def test_editors_cannot_see_enquiries_at_all(client, editor):
    enquiry = PartnershipEnquiryFactory()
    client.force_login(editor)

    assert client.get(INDEX).status_code in (302, 403)
    assert client.get(f"{INDEX}inspect/{enquiry.pk}/").status_code in (302, 403)
    assert client.get(f"{INDEX}?export=csv").status_code in (302, 403)
    dashboard = client.get("/admin/").content.decode()
    assert INDEX not in dashboard
    assert "Partnership enquiries" not in dashboard


def test_nobody_creates_enquiries_in_the_admin_and_staff_cannot_delete(staff_client):
    enquiry = PartnershipEnquiryFactory()

    assert staff_client.get(f"{INDEX}create/").status_code in (302, 403)
    assert staff_client.get(f"{INDEX}delete/{enquiry.pk}/").status_code in (302, 403)


def test_inspect_shows_the_answers_as_text_and_is_audited(staff_client, staff):
    enquiry = PartnershipEnquiryFactory(
        contact_name="Zoë O'Hara ねこ",
        anything_else='<script>alert("x")</script>',
        local_authority="st-helens",
        improvement_areas=["family-coaching", "itt"],
    )

    response = staff_client.get(f"{INDEX}inspect/{enquiry.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Zoë O&#x27;Hara ねこ" in html or "Zoë O'Hara ねこ" in html
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html
    assert "St. Helens" in html
    assert "Family coaching for attendance and wellbeing" in html
    entry = ModelLogEntry.objects.get(action="submissions.view")
    assert entry.user == staff
    assert entry.label == enquiry.reference  # the audit log holds the reference, nothing else


def test_status_workflow_with_notes_and_assignee_is_audited(staff_client, staff):
    enquiry = PartnershipEnquiryFactory()
    form = BeautifulSoup(staff_client.get(f"{INDEX}edit/{enquiry.pk}/").content, "html.parser")
    # Staff edit the workflow only: the school's answers are not in the form.
    names = {field["name"] for field in form.select("form [name]")}
    assert {"status", "assigned_to", "internal_notes"} <= names
    assert not names & {"email", "contact_name", "school_name", "is_spam"}

    response = staff_client.post(
        f"{INDEX}edit/{enquiry.pk}/",
        {"status": "contacted", "assigned_to": str(staff.pk), "internal_notes": "Called the head."},
    )

    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.status == "contacted"
    assert enquiry.assigned_to == staff
    assert enquiry.internal_notes == "Called the head."
    change = ModelLogEntry.objects.get(action="submissions.status_change")
    assert change.data["from"] == "new" and change.data["to"] == "contacted"
    assert change.user == staff
    history = staff_client.get(f"{INDEX}history/{enquiry.pk}/").content.decode()
    assert "Status changed from New to Contacted" in history


def test_editors_cannot_be_assigned(staff_client, editor):
    enquiry = PartnershipEnquiryFactory()

    staff_client.post(
        f"{INDEX}edit/{enquiry.pk}/", {"status": "new", "assigned_to": str(editor.pk)}
    )

    enquiry.refresh_from_db()
    assert enquiry.assigned_to is None


def test_only_the_team_and_superusers_are_offered_as_assignees(
    staff_client, staff, editor, django_user_model
):
    recruiter = django_user_model.objects.create_user("rita", "rita@the-difference.test", "pw")
    recruiter.groups.add(Group.objects.get(name="Recruitment"))
    admin = django_user_model.objects.create_superuser("root", "root@the-difference.test", "pw")
    inactive = django_user_model.objects.create_user("gone", "gone@the-difference.test", "pw")
    inactive.groups.add(Group.objects.get(name="Partnerships"))
    inactive.is_active = False
    inactive.save()
    enquiry = PartnershipEnquiryFactory()

    page = BeautifulSoup(staff_client.get(f"{INDEX}edit/{enquiry.pk}/").content, "html.parser")
    offered = {o["value"] for o in page.select("select[name=assigned_to] option") if o["value"]}
    assert offered == {str(staff.pk), str(admin.pk)}

    staff_client.post(
        f"{INDEX}edit/{enquiry.pk}/", {"status": "new", "assigned_to": str(recruiter.pk)}
    )
    enquiry.refresh_from_db()
    assert enquiry.assigned_to is None


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("status__exact=contacted", {"EOI-AAAAA2"}),
        ("setting_type__exact=special", {"EOI-AAAAA3"}),
        ("region__exact=london", {"EOI-AAAAA2"}),
        ("local_authority=kent", {"EOI-AAAAA3"}),
        ("q=Riverside", {"EOI-AAAAA1"}),
        ("q=EOI-AAAAA3", {"EOI-AAAAA3"}),
        ("q=Placeholder", {"EOI-AAAAA2"}),
    ],
)
def test_filters_and_search(staff_client, query, shown):
    PartnershipEnquiryFactory(reference="EOI-AAAAA1", school_name="Riverside PRU")
    PartnershipEnquiryFactory(
        reference="EOI-AAAAA2",
        status="contacted",
        local_authority="camden",
        contact_name="Jo Placeholder",
    )
    PartnershipEnquiryFactory(
        reference="EOI-AAAAA3", setting_type="special", local_authority="kent"
    )

    html = staff_client.get(f"{INDEX}?{query}").content.decode()

    listed = {ref for ref in ("EOI-AAAAA1", "EOI-AAAAA2", "EOI-AAAAA3") if ref in html}
    assert listed == shown


DANGEROUS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"]


def test_csv_export_neutralises_formulas_keeps_unicode_and_is_audited(staff_client, staff):
    enquiries = [
        PartnershipEnquiryFactory(school_name=payload, contact_name="Zoë ねこ مرحبا")
        for payload in DANGEROUS
    ]

    response = staff_client.get(f"{INDEX}?export=csv")

    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == len(DANGEROUS)
    schools = {row["School"] for row in rows}
    assert schools == {"'" + payload for payload in DANGEROUS}
    assert {row["Contact name"] for row in rows} == {"Zoë ねこ مرحبا"}
    assert all(row["Telephone"] == "01632 960 001" for row in rows)
    exported = ModelLogEntry.objects.filter(action="submissions.export").exclude(object_id="0")
    assert exported.count() == len(enquiries)
    assert {e.user for e in exported} == {staff}
    assert exported.first().data == {"format": "csv"}
    # And one entry for the export as a whole: who, how many, which format.
    whole = ModelLogEntry.objects.get(action="submissions.export", object_id="0")
    assert whole.user == staff
    assert whole.data == {"model": "submissions.PartnershipEnquiry", "format": "csv", "count": 5}


def test_xlsx_export_has_no_formulas(staff_client):
    for payload in DANGEROUS:
        PartnershipEnquiryFactory(school_name=payload, contact_name="Zoë ねこ")

    response = staff_client.get(f"{INDEX}?export=xlsx")

    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    column = header.index("School")
    cells = [row[column] for row in sheet.iter_rows(min_row=2)]
    assert all(cell.data_type == "s" for cell in cells)
    assert {cell.value for cell in cells} == {"'" + payload for payload in DANGEROUS}


def test_export_follows_the_filters(staff_client):
    PartnershipEnquiryFactory(status="new")
    PartnershipEnquiryFactory(status="partnered")

    response = staff_client.get(f"{INDEX}?status__exact=partnered&export=csv")

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Status"] for row in rows] == ["Partnered"]


def test_dashboard_panel_counts_new_enquiries_for_staff_only(staff_client, client, editor):
    PartnershipEnquiryFactory.create_batch(3)
    PartnershipEnquiryFactory(status="contacted")
    PartnershipEnquiryFactory(is_spam=True)

    html = staff_client.get("/admin/").content.decode()
    assert "3 new enquiries" in html

    client.force_login(editor)
    assert "new enquir" not in client.get("/admin/").content.decode()


def count_queries(client, url):
    # The staff session's activity clock is written at most once a minute: let a request
    # before the measured one take that write, whenever it falls due.
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [INDEX, f"{INDEX}?status__exact=new", f"{INDEX}?q=Centre"])
def test_register_query_count_does_not_grow_with_the_number_of_enquiries(staff_client, staff, url):
    PartnershipEnquiryFactory.create_batch(3, assigned_to=staff)
    staff_client.get(url)
    few = count_queries(staff_client, url)

    PartnershipEnquiryFactory.create_batch(120, assigned_to=staff)
    many = count_queries(staff_client, url)

    assert many == few
    assert few <= 30


def test_erase_by_email_finds_then_deletes_everything_and_leaves_an_audit_trail(
    client, django_user_model
):
    user = django_user_model.objects.create_user("dpo", "dpo@the-difference.test", "pw")
    user.groups.add(Group.objects.get(name="Partnerships"))
    client.force_login(user)
    mine = PartnershipEnquiryFactory.create_batch(2, email="Person@Example.com")
    other = PartnershipEnquiryFactory(email="someone.else@example.com")

    found = client.post("/admin/submissions/erase/", {"email": "person@example.com"})

    assert found.status_code == 200
    html = found.content.decode()
    assert all(e.reference in html for e in mine)
    assert other.reference not in html
    assert PartnershipEnquiry.objects.count() == 3  # nothing deleted yet

    done = client.post(
        "/admin/submissions/erase/", {"email": "person@example.com", "confirm": "True"}
    )

    assert done.status_code == 302
    assert list(PartnershipEnquiry.objects.all()) == [other]
    erased = ModelLogEntry.objects.filter(action="submissions.erase").exclude(object_id="0")
    assert sorted(erased.values_list("label", flat=True)) == sorted(e.reference for e in mine)


def test_erase_needs_its_permission(client, editor, django_user_model):
    client.force_login(editor)
    assert client.get("/admin/submissions/erase/").status_code in (302, 403)

    viewer = django_user_model.objects.create_user("viewer", "v@the-difference.test", "pw")
    viewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_partnershipenquiry"),
    )
    client.force_login(viewer)
    assert client.get("/admin/submissions/erase/").status_code in (302, 403)
