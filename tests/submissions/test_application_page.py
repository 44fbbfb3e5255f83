"""The apply page: open or closed, the "tell me when it opens" request, the eligibility check."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from wagtail.test.utils import WagtailPageTestCase

import pytest
from bs4 import BeautifulSoup

from home.models import HomePage
from submissions.applications.factories import CohortFactory
from submissions.applications.models import purge_opening_notifications
from submissions.models import ApplicationPage, Cohort, OpeningNotification

from .conftest import APPLY_URL, aged_state

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def closed_cohort(**kwargs):
    now = timezone.now()
    return CohortFactory(
        opens_at=now - timedelta(days=400), closes_at=now - timedelta(days=300), **kwargs
    )


def future_cohort(**kwargs):
    now = timezone.now()
    return CohortFactory(
        opens_at=now + timedelta(days=30), closes_at=now + timedelta(days=90), **kwargs
    )


def notify_data(**overrides):
    data = {
        "email": "reader@example.com",
        "consent": "on",
        "website": "",
        "form_state": aged_state(),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


# --- page tree and admin --------------------------------------------------------------------


class TestPageTree(WagtailPageTestCase):
    def test_only_under_the_home_page_and_childless(self):
        self.assertAllowedParentPageTypes(ApplicationPage, {HomePage})
        self.assertAllowedSubpageTypes(ApplicationPage, set())


def test_cohort_rejects_a_window_that_closes_before_it_opens():
    from django.core.exceptions import ValidationError

    now = timezone.now()
    cohort = Cohort(
        name="Backwards",
        opens_at=now,
        closes_at=now - timedelta(days=1),
        programme_starts=(now - timedelta(days=30)).date(),
    )
    with pytest.raises(ValidationError) as error:
        cohort.full_clean()
    assert set(error.value.message_dict) == {"closes_at", "programme_starts"}


def test_staff_manage_cohorts_in_the_admin(admin_client):
    CohortFactory(name="Cohort 2031")
    response = admin_client.get("/admin/snippets/submissions/cohort/")
    assert response.status_code == 200
    assert "Cohort 2031" in response.text

    now = timezone.localtime()
    response = admin_client.post(
        "/admin/snippets/submissions/cohort/add/",
        {
            "name": "Cohort 2032",
            "opens_at": now.strftime("%Y-%m-%d %H:%M"),
            "closes_at": (now + timedelta(days=60)).strftime("%Y-%m-%d %H:%M"),
            "programme_starts": (now + timedelta(days=200)).strftime("%Y-%m-%d"),
        },
    )
    assert response.status_code == 302
    assert Cohort.objects.get(name="Cohort 2032").is_open()


# --- open and closed --------------------------------------------------------------------------


def test_open_window_shows_the_cohort_closing_date_and_the_way_in(client, apply_page):
    cohort = CohortFactory(name="Cohort 2030")
    closed_cohort(name="Cohort 2029")

    page = soup(client.get(APPLY_URL))

    status = page.select_one("[data-application-status]")
    assert status["data-application-status"] == "open"
    assert "Cohort 2030" in status.text
    assert timezone.localtime(cohort.closes_at).strftime("%-d %B %Y") in status.text
    assert page.find("a", string="Check if you can apply")["href"] == APPLY_URL + "eligibility/"
    assert page.find("input", attrs={"name": "email"}) is None


def test_closed_window_says_when_the_next_opens_and_offers_an_email(client, apply_page):
    closed_cohort(name="Cohort 2029")
    upcoming = future_cohort(name="Cohort 2031")

    page = soup(client.get(APPLY_URL))

    status = page.select_one("[data-application-status]")
    assert status["data-application-status"] == "closed"
    assert "Cohort 2031" in status.text
    assert timezone.localtime(upcoming.opens_at).strftime("%-d %B %Y") in status.text
    email = page.find("input", attrs={"name": "email"})
    assert email["type"] == "email" and email["autocomplete"] == "email"
    assert page.find("input", attrs={"name": "consent"}) is not None


def test_closed_with_no_next_window_says_so(client, apply_page):
    closed_cohort()
    assert "not set the dates of the next" in client.get(APPLY_URL).text


def test_email_request_is_stored_with_consent_for_the_next_window(client, apply_page):
    upcoming = future_cohort()

    response = client.post(APPLY_URL + "notify/", notify_data(email=" Reader@Example.com "))
    assert response.status_code == 302
    assert response["Location"] == APPLY_URL + "notify/done/"
    done = client.get(response["Location"])
    assert "We will email you when applications open" in done.text

    stored = OpeningNotification.objects.get()
    assert stored.email == "reader@example.com"
    assert stored.cohort == upcoming
    assert stored.consent_given_at is not None

    # Asking twice keeps one request.
    client.post(APPLY_URL + "notify/", notify_data(email="reader@example.com"))
    assert OpeningNotification.objects.count() == 1


@pytest.mark.parametrize(
    "data, field, message",
    [
        (notify_data(email=""), "email", "Enter an email address"),
        (notify_data(email="not-an-email"), "email", "in the correct format"),
        (notify_data(email="a" * 250 + "@example.com"), "email", "254 characters or fewer"),
        (notify_data(consent=None), "consent", "Tick the box"),
    ],
)
def test_bad_email_requests_are_refused_with_a_message(client, apply_page, data, field, message):
    response = client.post(APPLY_URL + "notify/", data)

    assert response.status_code == 200
    assert OpeningNotification.objects.count() == 0
    page = soup(response)
    assert page.title.string.startswith("Error: ")
    assert message in page.select_one("[data-error-summary]").text
    assert page.find(id=f"id_{field}-error") is not None


def test_a_bot_filling_the_honeypot_is_thanked_but_nothing_is_stored(client, apply_page):
    response = client.post(APPLY_URL + "notify/", notify_data(website="http://spam.example"))
    assert response.status_code == 302
    assert OpeningNotification.objects.count() == 0


def test_no_email_request_while_applications_are_open(client, apply_page):
    CohortFactory()
    response = client.post(APPLY_URL + "notify/", notify_data())
    assert response.status_code == 302 and response["Location"] == APPLY_URL
    assert OpeningNotification.objects.count() == 0


def test_requests_are_purged_once_their_window_has_closed(client, apply_page):
    past = closed_cohort()
    upcoming = future_cohort()
    OpeningNotification.objects.create(email="old@example.com", cohort=past)
    OpeningNotification.objects.create(email="new@example.com", cohort=upcoming)
    stale = OpeningNotification.objects.create(email="stale@example.com", cohort=None)
    OpeningNotification.objects.filter(pk=stale.pk).update(
        consent_given_at=timezone.now() - timedelta(days=400)
    )
    OpeningNotification.objects.create(email="recent@example.com", cohort=None)

    assert purge_opening_notifications() == 2
    assert set(OpeningNotification.objects.values_list("email", flat=True)) == {
        "new@example.com",
        "recent@example.com",
    }

    OpeningNotification.objects.create(email="old@example.com", cohort=past)
    call_command("purge_expired_submissions", stdout=StringIO())
    assert not OpeningNotification.objects.filter(email="old@example.com").exists()


# --- eligibility ------------------------------------------------------------------------------


def eligibility_answers(**noes):
    keys = ["right-to-work", "qts", "mainstream-experience", "not-in-ap"]
    return {key: ("no" if key in noes else "yes") for key in keys}


def test_eligibility_asks_one_question_per_published_criterion(client, apply_page, programme):
    page = soup(client.get(APPLY_URL + "eligibility/"))

    legends = [legend.text.strip() for legend in page.select("form fieldset legend")]
    assert legends == [
        "Right to work in the UK: do you meet this?",
        "Qualified teacher status: do you meet this?",
        "Three years in mainstream: do you meet this?",
        "Not working in AP now: do you meet this?",
    ]
    # The criterion's description is the hint.
    assert page.find(id="id_qts-hint").text.strip() == "What the criterion means."


def test_eligible_answers_lead_to_the_application(client, apply_page, programme):
    CohortFactory(name="Cohort 2030")
    response = client.post(APPLY_URL + "eligibility/", eligibility_answers())

    page = soup(response)
    assert page.select_one("[data-eligibility]")["data-eligibility"] == "eligible"
    assert "Cohort 2030" in page.text


def test_each_unmet_criterion_is_explained_with_what_to_do(client, apply_page, programme):
    response = client.post(
        APPLY_URL + "eligibility/", eligibility_answers(qts=True, **{"not-in-ap": True})
    )

    page = soup(response)
    assert page.select_one("[data-eligibility]")["data-eligibility"] == "not-eligible"
    items = page.select(".eligibility-unmet__item")
    assert [item.h2.text for item in items] == ["Qualified teacher status", "Not working in AP now"]
    assert "Gain QTS first, then apply." in items[0].text
    assert "What you can do" not in items[1].text  # no advice was written for it


def test_eligibility_check_stores_nothing(client, apply_page, programme):
    from django.apps import apps

    counts = {m: m.objects.count() for m in apps.get_app_config("submissions").get_models()}
    client.post(APPLY_URL + "eligibility/", eligibility_answers(qts=True))
    assert counts == {m: m.objects.count() for m in counts}


@pytest.mark.parametrize(
    "data",
    [
        {},
        {**eligibility_answers(), "qts": "maybe"},
        {**eligibility_answers(), "qts": "<script>alert(1)</script>"},
    ],
)
def test_missing_or_tampered_answers_ask_again(client, apply_page, programme, data):
    response = client.post(APPLY_URL + "eligibility/", data)

    page = soup(response)
    assert page.title.string.startswith("Error: ")
    assert "Select yes or no for qualified teacher status" in page.text
    assert "<script>alert(1)</script>" not in response.text


def test_without_a_programme_page_the_check_says_the_criteria_are_unpublished(client, apply_page):
    response = client.get(APPLY_URL + "eligibility/")
    assert response.status_code == 200
    assert "criteria are not published" in response.text


def test_the_demo_content_makes_an_open_and_a_closed_cohort_and_links_the_page(db):

    call_command("load_demo_content", stdout=StringIO())
    call_command("load_demo_content", stdout=StringIO())

    assert Cohort.objects.count() == 2
    assert Cohort.objects.open().count() == 1
    page = ApplicationPage.objects.get()
    assert page.url == APPLY_URL
    from home.models import ProgrammePage

    programme = ProgrammePage.objects.get()
    assert programme.apply_url == APPLY_URL
    from submissions.models import TeacherApplication

    statuses = set(TeacherApplication.objects.values_list("status", flat=True))
    assert len(statuses) >= 4
    assert all(
        e.endswith("@example.com")
        for e in TeacherApplication.objects.values_list("email", flat=True)
    )
    from home.models import HomePage

    home = HomePage.objects.get()
    assert f'"page": {page.pk}' in str(
        list(home.calls_to_action.raw_data) + list(home.body.raw_data)
    ).replace("'", '"')


def test_waiting_people_are_emailed_once_when_applications_open(apply_page):
    from django.core import mail

    upcoming = future_cohort(name="Cohort 2031")
    OpeningNotification.objects.create(email="a@example.com", cohort=upcoming)
    OpeningNotification.objects.create(email="b@example.com", cohort=None)
    out = StringIO()
    call_command("notify_applications_open", stdout=out)
    assert "No application window is open" in out.getvalue()
    assert mail.outbox == []

    Cohort.objects.filter(pk=upcoming.pk).update(opens_at=timezone.now() - timedelta(hours=1))
    call_command("notify_applications_open", stdout=StringIO())
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.com", "b@example.com"]
    assert "Cohort 2031" in mail.outbox[0].subject
    assert "http://testserver/apply/" in mail.outbox[0].body

    call_command("notify_applications_open", stdout=StringIO())
    assert len(mail.outbox) == 2
    # Both now belong to the window, so they are purged when it closes.
    assert set(OpeningNotification.objects.values_list("cohort", flat=True)) == {upcoming.pk}
