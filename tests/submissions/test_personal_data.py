"""Subject access and erasure find an address wherever it is stored, referees included; every
list, search, copy and erasure is audited with no personal data in the entry."""

import csv
import io
import json
import zipfile

from django.contrib.auth.models import Group

from wagtail.models import ModelLogEntry

import pytest
from bs4 import BeautifulSoup

from submissions.applications.factories import CohortFactory, TeacherApplicationFactory
from submissions.enquiries.factories import PartnershipEnquiryFactory
from submissions.models import ApplicationDraft, OpeningNotification, TeacherApplication
from tests.accounts.support import sign_in_verified

pytestmark = pytest.mark.django_db

ERASE = "/admin/submissions/erase/"
COPY = "/admin/submissions/personal-data/"
PERSON = "Jo.Person@Example.com"


@pytest.fixture
def recruiter(client, django_user_model):
    user = django_user_model.objects.create_user("rita", "rita@the-difference.test", "pw")
    user.groups.add(Group.objects.get(name="Recruitment"))
    sign_in_verified(client, user)
    client.user = user
    return client


@pytest.fixture
def held():
    """Jo applied once, started another application, asked to be told when applications open,
    and is named as a referee in someone else's application and someone else's draft."""
    cohort = CohortFactory()
    own = TeacherApplicationFactory(cohort=cohort, email=PERSON, full_name="Jo Person")
    named = TeacherApplicationFactory(
        cohort=cohort,
        full_name="Alex Applicant",
        referee_2_name="Jo Person",
        referee_2_role="Head of maths",
        referee_2_email="jo.person@example.com",
    )
    draft = ApplicationDraft.objects.create(
        cohort=cohort, email=PERSON, answers={"personal-details": {"full_name": "Jo Person"}}
    )
    named_in_draft = ApplicationDraft.objects.create(
        cohort=cohort,
        email="sam@example.com",
        answers={
            "personal-details": {"full_name": "Sam Other"},
            "referees": {
                "referee_1_name": "Jo Person",
                "referee_1_role": "Head",
                "referee_1_email": "JO.PERSON@example.com",
                "referee_2_name": "Kim Kept",
                "referee_2_role": "Deputy",
                "referee_2_email": "kim@example.com",
            },
        },
    )
    OpeningNotification.objects.create(email=PERSON, cohort=cohort)
    untouched = TeacherApplicationFactory(cohort=cohort, email="someone@example.com")
    return {
        "own": own,
        "named": named,
        "draft": draft,
        "named_in_draft": named_in_draft,
        "untouched": untouched,
    }


def test_the_copy_holds_everything_and_only_the_referee_parts_of_others_records(recruiter, held):
    response = recruiter.post(COPY, {"email": "jo.person@example.com"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "jo" not in response["Content-Disposition"].lower()  # no address in the file name
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    document = json.loads(archive.read("personal-data.json"))
    applications = document["held"]["teacher applications"]
    own = next(r for r in applications if r.get("full name") == "Jo Person")
    assert own["reference"] == held["own"].reference
    assert own["email"] == PERSON
    assert "form_token" not in json.dumps(document)
    # Alex's application: only what it says about Jo, and which record it is.
    mention = next(r for r in applications if r.get("Held because"))
    assert mention == {
        "Held because": "Named in this record",
        "reference": held["named"].reference,
        "created at": mention["created at"],
        "second referee's name": "Jo Person",
        "second referee's role": "Head of maths",
        "second referee's email": "jo.person@example.com",
    }
    assert "Alex Applicant" not in json.dumps(document)
    drafts = document["held"]["unfinished applications"]
    assert len(drafts) == 2
    assert not any(str(held["draft"].pk) in json.dumps(d) for d in drafts)  # the resume key
    assert "Kim Kept" not in json.dumps(document)
    assert len(document["held"]["requests to be emailed when applications open"]) == 1
    # The same, as spreadsheets.
    names = set(archive.namelist())
    assert {"personal-data.json", "teacher-applications.csv", "application-drafts.csv"} <= names
    rows = list(
        csv.DictReader(io.StringIO(archive.read("teacher-applications.csv").decode("utf-8-sig")))
    )
    assert {row["reference"] for row in rows} == {held["own"].reference, held["named"].reference}

    # Audited: which records, who, when; no address anywhere in the log.
    entries = ModelLogEntry.objects.filter(action="submissions.subject_access")
    assert {e.label for e in entries.exclude(object_id="0")} == {
        held["own"].reference,
        held["named"].reference,
    }
    assert {e.user for e in entries} == {recruiter.user}
    assert "person" not in json.dumps(list(entries.values("label", "data"))).lower()


def test_erasure_deletes_their_records_and_removes_them_from_others(recruiter, held):
    found = recruiter.post(ERASE, {"email": "jo.person@example.com"})
    page = BeautifulSoup(found.content, "html.parser")
    assert "Found 5 records" in [h.text for h in page.select("main h2")]
    assert held["named"].reference in page.text
    assert "names this address as a referee's" in page.text

    done = recruiter.post(ERASE, {"email": "jo.person@example.com", "confirm": "True"}, follow=True)

    said = [m.message.strip() for m in done.context["messages"]]
    assert f"Deleted 1 teacher applications: {held['own'].reference}" in said
    assert any(m.startswith("Removed their details from 1 teacher applications") for m in said)
    assert not TeacherApplication.objects.filter(pk=held["own"].pk).exists()
    named = TeacherApplication.objects.get(pk=held["named"].pk)
    assert (named.referee_2_name, named.referee_2_role, named.referee_2_email) == ("", "", "")
    assert named.referee_1_name == "Ref One"  # the other referee, and the application, are kept
    assert not ApplicationDraft.objects.filter(pk=held["draft"].pk).exists()
    other_draft = ApplicationDraft.objects.get(pk=held["named_in_draft"].pk)
    assert "referees" not in other_draft.answers  # Sam is asked for referees again
    assert other_draft.answers["personal-details"] == {"full_name": "Sam Other"}
    assert not OpeningNotification.objects.exists()
    assert TeacherApplication.objects.filter(pk=held["untouched"].pk).exists()

    # Nothing is left to find.
    again = recruiter.post(ERASE, {"email": "jo.person@example.com"})
    assert "Nothing is held under that address" in again.text
    # The audit trail: references and counts only.
    actions = dict(ModelLogEntry.objects.exclude(object_id="0").values_list("label", "action"))
    assert actions[held["own"].reference] == "submissions.erase"
    assert actions[held["named"].reference] == "submissions.erase_mention"
    log = json.dumps(list(ModelLogEntry.objects.values("label", "data")))
    assert "person" not in log.lower()


def test_list_and_search_views_are_audited_without_the_search_term(recruiter, held):
    recruiter.get("/admin/submissions/teacherapplication/")
    recruiter.get(
        "/admin/submissions/teacherapplication/", {"q": "Jo Person", "status__exact": "received"}
    )

    listed = ModelLogEntry.objects.get(action="submissions.list")
    searched = ModelLogEntry.objects.get(action="submissions.search")
    assert listed.user == searched.user == recruiter.user
    assert listed.data["count"] == 3
    assert searched.data == {
        "model": "submissions.TeacherApplication",
        "count": 1,
        "filters": ["status__exact"],
    }
    assert "Jo" not in json.dumps(searched.data) and "Jo" not in searched.label
    # Site history shows them, with the counts.
    history = recruiter.get("/admin/reports/site-history/")
    assert history.status_code == 200
    assert "Searched the register (1 record; filtered by status__exact)" in history.text


def test_the_other_team_cannot_copy(client, django_user_model, held):
    user = django_user_model.objects.create_user("pat", "pat@the-difference.test", "pw")
    user.groups.add(Group.objects.get(name="Partnerships"))
    sign_in_verified(client, user)
    PartnershipEnquiryFactory(email="jo.person@example.com")
    archive = zipfile.ZipFile(
        io.BytesIO(client.post(COPY, {"email": "jo.person@example.com"}).content)
    )
    document = json.loads(archive.read("personal-data.json"))
    assert list(document["held"]) == ["partnership enquiries"]


def test_a_get_or_a_bad_address_changes_nothing(recruiter):
    assert recruiter.get(COPY).status_code == 405
    response = recruiter.post(COPY, {"email": "not an address"})
    assert response.status_code == 303
    assert not ModelLogEntry.objects.filter(action="submissions.subject_access").exists()
