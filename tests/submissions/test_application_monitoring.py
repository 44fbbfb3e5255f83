"""Equal-opportunities monitoring: optional, unlinked from the application, aggregates only."""

from django.contrib.auth.models import Group

import pytest
from bs4 import BeautifulSoup

from submissions.applications.factories import CohortFactory
from submissions.models import MonitoringResponse, TeacherApplication

from .conftest import APPLY_URL
from .test_application_journey import fill_all

pytestmark = pytest.mark.django_db

REPORT = "/admin/submissions/equal-opportunities/"


@pytest.fixture
def submitted(started, cohort):
    fill_all(started, cohort)
    response = started.post(APPLY_URL + "check/")
    return started, started.get(response["Location"])


def test_the_confirmation_offers_the_questions_once(submitted):
    client, confirmation = submitted
    link = BeautifulSoup(confirmation.content, "html.parser").find(
        "a", string="Answer the equal opportunities questions"
    )
    assert link["href"] == APPLY_URL + "monitoring/"

    page = BeautifulSoup(client.get(link["href"]).content, "html.parser")
    # Every question is optional and offers "Prefer not to say".
    for fieldset in page.select("form fieldset"):
        assert "(optional)" in fieldset.legend.text
        assert fieldset.find("label", string="Prefer not to say") is not None
    assert "no name, email or reference" in page.text

    response = client.post(APPLY_URL + "monitoring/", {"sex": "female", "disability": "no"})
    assert response.status_code == 200
    stored = MonitoringResponse.objects.get()
    assert stored.sex == "female" and stored.age_band == ""
    # Nothing links it to the application: no reference, email or time.
    field_names = {f.name for f in MonitoringResponse._meta.get_fields()}
    assert not field_names & {"reference", "email", "created_at", "application", "full_name"}
    assert stored.cohort == TeacherApplication.objects.get().cohort

    # Once only.
    assert client.get(APPLY_URL + "monitoring/")["Location"] == APPLY_URL
    client.post(APPLY_URL + "monitoring/", {"sex": "male"})
    assert MonitoringResponse.objects.count() == 1


def test_skipping_stores_nothing(submitted):
    client, _ = submitted
    client.post(APPLY_URL + "monitoring/", {"skip": "1"})
    assert MonitoringResponse.objects.count() == 0


def test_the_questions_need_a_sent_application(client, apply_page):
    assert client.get(APPLY_URL + "monitoring/")["Location"] == APPLY_URL
    client.post(APPLY_URL + "monitoring/", {"sex": "female"})
    assert MonitoringResponse.objects.count() == 0


def test_a_tampered_answer_is_refused(submitted):
    client, _ = submitted
    response = client.post(APPLY_URL + "monitoring/", {"sex": "robot"})
    assert "Select one of the answers, or leave it blank" in response.text
    assert MonitoringResponse.objects.count() == 0


def test_staff_see_aggregates_with_small_numbers_suppressed(client, django_user_model):
    user = django_user_model.objects.create_user("rita", "rita@the-difference.test", "pw")
    user.groups.add(Group.objects.get(name="Equal opportunities report"))
    client.force_login(user)
    cohort = CohortFactory()
    for sex, count in [("female", 12), ("male", 6), ("prefer-not-to-say", 2)]:
        for _ in range(count):
            MonitoringResponse.objects.create(cohort=cohort, sex=sex)

    page = BeautifulSoup(client.get(REPORT, {"cohort": cohort.pk}).content, "html.parser")
    sex = next(t for t in page.select("table") if "What is your sex?" in t.caption.text)
    cells = {row.th.text: row.td.text for row in sex.select("tbody tr")}
    assert cells["Female"] == "12"
    assert cells["Prefer not to say"] == "Hidden"
    assert cells["Not answered"] == "Hidden"
    # 20 responses, 12 female: shown, "male" would give away that 2 preferred not to say.
    assert cells["Male"] == "Hidden"

    # Too few responses in all: nothing at all is shown.
    other = CohortFactory()
    MonitoringResponse.objects.create(cohort=other, sex="male")
    page = client.get(REPORT, {"cohort": other.pk}).text
    assert "nothing is shown" in page
    assert "data-monitoring-question" not in page


def test_only_holders_of_the_report_permission_see_the_report(client, django_user_model):
    for group in ["Partnerships", "Recruitment"]:
        user = django_user_model.objects.create_user(group, f"{group}@the-difference.test", "pw")
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        refused = client.get(REPORT)
        # Wagtail turns a refusal into a redirect to the dashboard, with a message.
        assert (refused.status_code, refused["Location"]) == (302, "/admin/")
        assert REPORT not in client.get("/admin/").text
    user.groups.add(Group.objects.get(name="Equal opportunities report"))
    assert client.get(REPORT).status_code == 200
    assert REPORT in client.get("/admin/").text
