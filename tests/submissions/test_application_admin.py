"""The selection register: who sees applications, blind screening, export and audit."""

import csv
import io

from django.contrib.auth.models import Group

from wagtail.models import ModelLogEntry

import pytest
from bs4 import BeautifulSoup

from submissions.applications.factories import CohortFactory, TeacherApplicationFactory
from submissions.models import TeacherApplication

pytestmark = pytest.mark.django_db

INDEX = "/admin/submissions/teacherapplication/"


@pytest.fixture
def recruiter(client, django_user_model):
    user = django_user_model.objects.create_user("rita", "rita@the-difference.test", "pw")
    user.groups.add(Group.objects.get(name="Recruitment"))
    client.force_login(user)
    return client


def test_only_recruitment_sees_applications(client, django_user_model):
    application = TeacherApplicationFactory()
    for group in ["Editors", "Partnerships"]:
        user = django_user_model.objects.create_user(group, f"{group}@example.org", "pw")
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        assert client.get(INDEX).status_code in (302, 403)
        assert client.get(f"{INDEX}inspect/{application.pk}/").status_code in (302, 403)
        assert client.get(
            f"/admin/submissions/teacherapplication/screen/{application.pk}/"
        ).status_code in (302, 403)


def test_register_lists_filters_and_searches(recruiter):
    cohort = CohortFactory(name="Cohort 2030")
    mine = TeacherApplicationFactory(cohort=cohort, full_name="Findable Person", phase="primary")
    other = TeacherApplicationFactory(status="screening")

    page = recruiter.get(INDEX).text
    assert mine.reference in page and other.reference in page
    assert mine.reference not in recruiter.get(INDEX, {"status": "screening"}).text
    assert other.reference not in recruiter.get(INDEX, {"cohort": cohort.pk}).text
    assert other.reference not in recruiter.get(INDEX, {"phase": "primary"}).text
    assert other.reference not in recruiter.get(INDEX, {"q": "Findable"}).text


def test_blind_screening_hides_name_and_contact_details_and_is_audited(recruiter):
    application = TeacherApplicationFactory(
        full_name="Hidden Name",
        email="hidden@example.com",
        telephone="01632 960 123",
        current_school="Hidden School",
        postcode="LN1 1AA",
        statements={"motivation": "I want every excluded pupil to thrive."},
    )
    response = recruiter.get(f"/admin/submissions/teacherapplication/screen/{application.pk}/")
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text()
    assert "I want every excluded pupil to thrive." in text
    assert "Motivation" in text
    for secret in [
        "Hidden Name",
        "hidden@example.com",
        "01632 960 123",
        "Hidden School",
        "LN1 1AA",
        application.referee_1_email,
        application.referee_1_name,
    ]:
        assert secret not in text
    entry = ModelLogEntry.objects.get(object_id=str(application.pk), action="submissions.view")
    assert entry.data == {"blind": True}
    # The register links to it.
    assert (
        f"/admin/submissions/teacherapplication/screen/{application.pk}/"
        in recruiter.get(INDEX).text
    )


def test_status_change_with_reviewer_and_notes_is_audited(recruiter, django_user_model):
    application = TeacherApplicationFactory()
    reviewer = django_user_model.objects.get(username="rita")
    response = recruiter.post(
        f"{INDEX}edit/{application.pk}/",
        {"status": "selection-day", "assigned_to": reviewer.pk, "internal_notes": "Strong."},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "selection-day"
    assert application.assigned_to == reviewer
    assert ModelLogEntry.objects.filter(
        object_id=str(application.pk), action="submissions.status_change"
    ).exists()


def test_export_neutralises_formulas_and_is_audited(recruiter):
    application = TeacherApplicationFactory(full_name='=HYPERLINK("http://x")')
    response = recruiter.get(INDEX, {"export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    names = [row[rows[0].index("Full name")] for row in rows[1:]]
    assert names == ['\'=HYPERLINK("http://x")']
    assert ModelLogEntry.objects.filter(
        object_id=str(application.pk), action="submissions.export"
    ).exists()


def test_applications_are_covered_by_erasure():
    from submissions.base import submission_models
    from submissions.personal_data import find

    application = TeacherApplicationFactory(email="erase.me@example.com")
    [found] = find("erase.me@example.com", submission_models())
    assert (found.model, found.held, found.mentioned) == (TeacherApplication, [application], [])


def test_erasure_also_removes_unfinished_applications_and_opening_requests(recruiter):
    from submissions.models import ApplicationDraft, OpeningNotification

    cohort = CohortFactory()
    ApplicationDraft.objects.create(cohort=cohort, email="gone@example.com")
    OpeningNotification.objects.create(email="GONE@example.com", cohort=cohort)
    kept = ApplicationDraft.objects.create(cohort=cohort, email="kept@example.com")

    found = recruiter.post("/admin/submissions/erase/", {"email": "gone@example.com"})
    page = BeautifulSoup(found.content, "html.parser")
    headings = [h.text for h in page.select("main h3")]
    assert sorted(headings) == [
        "Requests to be emailed when applications open",
        "Unfinished applications",
    ]
    response = recruiter.post(
        "/admin/submissions/erase/", {"email": "gone@example.com", "confirm": "True"}
    )
    assert response.status_code == 302
    assert list(ApplicationDraft.objects.all()) == [kept]
    assert not OpeningNotification.objects.exists()


def test_each_team_erases_only_its_own_submissions(client, django_user_model):
    from submissions.admin_views import erasable_models
    from submissions.models import PartnershipEnquiry

    partnerships = django_user_model.objects.create_user("p", "p@example.org", "pw")
    partnerships.groups.add(Group.objects.get(name="Partnerships"))
    recruitment = django_user_model.objects.create_user("r", "r@example.org", "pw")
    recruitment.groups.add(Group.objects.get(name="Recruitment"))

    assert erasable_models(partnerships) == [PartnershipEnquiry]
    assert erasable_models(recruitment) == [TeacherApplication]


def test_the_other_team_neither_finds_nor_erases_unfinished_applications(client, django_user_model):
    from submissions.models import ApplicationDraft, OpeningNotification

    cohort = CohortFactory()
    ApplicationDraft.objects.create(cohort=cohort, email="draft@example.com")
    OpeningNotification.objects.create(email="draft@example.com", cohort=cohort)
    partnerships = django_user_model.objects.create_user("p", "p@example.org", "pw")
    partnerships.groups.add(Group.objects.get(name="Partnerships"))
    client.force_login(partnerships)

    found = client.post("/admin/submissions/erase/", {"email": "draft@example.com"})
    assert "<h3>Unfinished applications</h3>" not in found.text
    assert "Nothing is held under that address" in found.text
    client.post("/admin/submissions/erase/", {"email": "draft@example.com", "confirm": "True"})
    assert ApplicationDraft.objects.count() == 1
    assert OpeningNotification.objects.count() == 1
