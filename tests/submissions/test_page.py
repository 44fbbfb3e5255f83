"""The Expression of Interest page as a visitor uses it: over HTTP, with the real form."""

import re

from django.core import mail

from wagtail.test.utils import WagtailPageTestCase

import pytest
from bs4 import BeautifulSoup

from home.models import HomePage, StandardPage
from submissions.models import ExpressionOfInterestPage, PartnershipEnquiry

from .conftest import EOI_URL, aged_state, valid_data

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_form_page_shows_privacy_summary_before_the_first_question(client, eoi_page):
    response = client.get(EOI_URL)

    assert response.status_code == 200
    page = soup(response)
    assert page.title.string.startswith("Expression of interest")
    privacy = page.select_one(".privacy-summary")
    first_question = page.select_one(".form-group")
    assert privacy is not None
    assert privacy.sourceline < first_question.sourceline
    # Optional questions say so; required ones carry no asterisk.
    assert "(optional)" in page.find("label", attrs={"for": "id_anything_else"}).text
    assert "(optional)" not in page.find("label", attrs={"for": "id_email"}).text
    assert "*" not in page.select_one("form").get_text()


def test_fields_have_types_autocomplete_and_hints_wired_up(client, eoi_page):
    page = soup(client.get(EOI_URL))

    email = page.find("input", attrs={"name": "email"})
    assert email["type"] == "email"
    assert email["autocomplete"] == "email"
    assert email["aria-describedby"] == "id_email-hint"
    assert page.find(id="id_email-hint").text.strip()
    assert page.find("input", attrs={"name": "telephone"})["type"] == "tel"
    assert page.find("input", attrs={"name": "telephone"})["autocomplete"] == "tel"
    assert page.find("input", attrs={"name": "contact_name"})["autocomplete"] == "name"
    assert page.find("input", attrs={"name": "school_name"})["autocomplete"] == "organization"
    assert page.find("input", attrs={"name": "urn"})["inputmode"] == "numeric"
    authorities = page.find("select", attrs={"name": "local_authority"}).find_all("option")
    assert len(authorities) == 154  # a prompt and the 153 English authorities
    # Radios sit in a fieldset with a legend; the first radio carries the field's id.
    setting = page.find("input", attrs={"name": "setting_type"})
    assert setting["id"] == "id_setting_type"
    assert setting.find_parent("fieldset").legend.text.strip() == "What kind of setting is it?"
    # The honeypot is hidden from screen readers and out of the tab order.
    honeypot = page.find("input", attrs={"name": "website"})
    assert honeypot["tabindex"] == "-1"
    assert honeypot.find_parent(attrs={"aria-hidden": "true"}) is not None


def test_empty_submission_shows_error_summary_inline_errors_and_error_title(post_form):
    response = post_form({"form_state": aged_state()})

    assert response.status_code == 200
    assert PartnershipEnquiry.objects.count() == 0
    page = soup(response)
    assert page.title.string.startswith("Error: ")
    summary = page.select_one("[data-error-summary]")
    assert summary["role"] == "alert"
    links = {a["href"]: a.text for a in summary.select("a")}
    assert links["#id_email"] == "Enter an email address"
    assert links["#id_school_name"] == "Enter the name of the school"
    assert links["#id_setting_type"] == "Select the kind of setting"
    assert links["#id_privacy_acknowledged"] == "Confirm that you have read the privacy notice"
    assert "#id_anything_else" not in links
    assert "#id_heard_about" not in links
    # Every summary link leads to an element on the page, with the same message beside it.
    for href, message in links.items():
        field_id = href[1:]
        assert page.find(id=field_id) is not None, href
        inline = page.find(id=f"{field_id}-error")
        assert message in inline.text
        assert inline.text.strip().startswith("Error:")


def test_answers_are_kept_when_there_are_errors(post_form):
    data = valid_data(email="not-an-email", contact_name="Zoë O'Hara", anything_else="<b>hi</b>")

    page = soup(post_form(data))

    assert page.find("input", attrs={"name": "contact_name"})["value"] == "Zoë O'Hara"
    assert page.find("input", attrs={"name": "email"})["value"] == "not-an-email"
    assert page.find("textarea", attrs={"name": "anything_else"}).text.strip() == "<b>hi</b>"
    assert page.find("input", attrs={"name": "setting_type", "value": "ap-academy"}).has_attr(
        "checked"
    )
    assert page.find(
        "input", attrs={"name": "improvement_areas", "value": "safeguarding"}
    ).has_attr("checked")
    assert page.find("option", attrs={"value": "lincolnshire"}).has_attr("selected")
    assert page.find("input", attrs={"name": "privacy_acknowledged"}).has_attr("checked")
    assert (
        page.find(id="id_email-error").text.strip()
        == "Error: Enter an email address in the correct format, like name@example.com"
    )
    email = page.find("input", attrs={"name": "email"})
    assert email["aria-describedby"] == "id_email-hint id_email-error"
    assert "input--error" in email["class"]


def test_valid_submission_redirects_to_a_confirmation_with_the_reference_only(post_form, client):
    response = post_form()

    enquiry = PartnershipEnquiry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{EOI_URL}confirmation/{enquiry.reference}/"
    assert re.fullmatch(r"EOI-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}", enquiry.reference)
    # Nothing personal in the address the browser is sent to.
    for value in ("Gill", "example.com", "Springwell", "123456"):
        assert value not in response["Location"]
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert enquiry.reference in confirmation.content.decode()
    assert "Gill" not in confirmation.content.decode()
    assert enquiry.status == "new"
    assert enquiry.region == "east-midlands"
    assert enquiry.improvement_areas == ["curriculum", "safeguarding"]
    assert not enquiry.is_spam


def test_confirmation_is_shown_only_to_the_browser_that_submitted(post_form, client, eoi_page):
    location = post_form()["Location"]
    from django.test import Client

    stranger = Client()

    assert stranger.get(location).status_code == 404
    assert client.get(location).status_code == 200
    assert client.get(f"{EOI_URL}confirmation/EOI-ZZZZZZ/").status_code == 404


def test_double_submit_of_the_same_form_makes_one_record_and_the_same_reference(post_form):
    data = valid_data()

    first = post_form(data)
    second = post_form(data)

    assert PartnershipEnquiry.objects.count() == 1
    assert first["Location"] == second["Location"]
    assert len(mail.outbox) == 1  # the confirmation; no staff address is configured


def test_two_separate_forms_make_two_records(post_form):
    post_form(valid_data())
    post_form(valid_data())

    assert PartnershipEnquiry.objects.count() == 2
    assert len(set(PartnershipEnquiry.objects.values_list("reference", flat=True))) == 2


def test_extra_post_fields_cannot_set_status_flags_or_staff_fields(post_form, admin_user):
    data = valid_data(
        status="partnered",
        is_spam="on",
        reference="EOI-HACKED",
        internal_notes="owned",
        assigned_to=str(admin_user.pk),
        email_attempts="9",
        region="london",
    )

    post_form(data)

    enquiry = PartnershipEnquiry.objects.get()
    assert enquiry.status == "new"
    assert enquiry.is_spam is False
    assert enquiry.reference != "EOI-HACKED"
    assert enquiry.internal_notes == ""
    assert enquiry.assigned_to is None
    assert enquiry.region == "east-midlands"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("setting_type", "castle"),
        ("phase", "<script>"),
        ("local_authority", "narnia"),
        ("local_authority", "cumbria"),  # a former authority: shown, no longer offered
        ("ofsted_judgement", "excellent"),
        ("start_term", "1999-autumn"),
        ("heard_about", "carrier-pigeon"),
        ("improvement_areas", ["curriculum", "world-domination"]),
    ],
)
def test_tampered_choice_values_are_rejected_with_a_message(post_form, field, value):
    response = post_form(valid_data(**{field: value}))

    assert response.status_code == 200
    assert PartnershipEnquiry.objects.count() == 0
    page = soup(response)
    assert page.select_one(f'[data-error-summary] a[href="#id_{field}"]') is not None


def test_html_and_script_payloads_are_shown_as_text_on_the_error_page(post_form):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'

    response = post_form(valid_data(school_name=payload, email="bad"))

    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_honeypot_post_looks_successful_but_is_flagged_and_sends_no_email(post_form, client):
    response = post_form(valid_data(website="http://spam.example"))

    enquiry = PartnershipEnquiry.objects.get()
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert enquiry.is_spam
    assert mail.outbox == []


def test_a_form_filled_faster_than_a_person_can_is_flagged(post_form, settings):
    settings.SUBMISSIONS_MIN_FILL_SECONDS = 3

    response = post_form(valid_data(form_state=aged_state(seconds=0.5)))

    assert response.status_code == 302
    assert PartnershipEnquiry.objects.get().is_spam
    assert mail.outbox == []


@pytest.mark.parametrize("state", ["", "forged", aged_state()[:-4] + "AAAA"])
def test_a_missing_or_tampered_form_state_is_flagged(post_form, state):
    post_form(valid_data(form_state=state))

    assert PartnershipEnquiry.objects.get().is_spam


def test_posts_over_the_rate_limit_get_a_clear_429_page(post_form, settings):
    settings.SUBMISSIONS_RATE_LIMITS = {**settings.SUBMISSIONS_RATE_LIMITS, "enquiry": "3/600"}
    for _ in range(3):
        assert post_form(valid_data()).status_code == 302

    response = post_form(valid_data())

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    page = soup(response)
    assert page.h1.text == "Too many attempts"
    assert page.find("a", href=EOI_URL) is not None
    assert PartnershipEnquiry.objects.count() == 3


def test_rate_limit_is_per_client_address(post_form, settings):
    settings.SUBMISSIONS_RATE_LIMITS = {**settings.SUBMISSIONS_RATE_LIMITS, "enquiry": "1/600"}
    assert post_form(valid_data(), REMOTE_ADDR="192.0.2.1").status_code == 302
    assert post_form(valid_data(), REMOTE_ADDR="192.0.2.1").status_code == 429
    assert post_form(valid_data(), REMOTE_ADDR="192.0.2.2").status_code == 302


def test_csrf_is_enforced_with_a_friendly_page_leading_back_to_the_form(eoi_page):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)

    response = client.post(EOI_URL, valid_data())

    assert response.status_code == 403
    assert PartnershipEnquiry.objects.count() == 0
    page = soup(response)
    assert page.h1.text == "Your form could not be sent"
    assert page.find("a", attrs={"data-history-back": True})["href"] == EOI_URL


def test_with_a_valid_csrf_token_the_form_is_accepted(eoi_page, django_capture_on_commit_callbacks):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    page = soup(client.get(EOI_URL))
    token = page.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(EOI_URL, valid_data(csrfmiddlewaretoken=token))

    assert response.status_code == 302


def test_other_methods_are_refused(client, eoi_page):
    assert client.put(EOI_URL).status_code == 405


class TestPageTree(WagtailPageTestCase):
    def test_lives_only_under_the_home_page(self):
        self.assertCanCreateAt(HomePage, ExpressionOfInterestPage)
        self.assertCanNotCreateAt(StandardPage, ExpressionOfInterestPage)
        self.assertAllowedSubpageTypes(ExpressionOfInterestPage, {})

    def test_renders_and_previews(self):
        from wagtail.models import Page, Site

        from home.factories import HomePageFactory
        from submissions.enquiries.factories import ExpressionOfInterestPageFactory

        home = HomePageFactory(parent=Page.get_first_root_node(), slug="home-preview")
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
        )
        page = ExpressionOfInterestPageFactory(parent=home)
        self.assertPageIsRenderable(page)
        self.assertPageIsPreviewable(page)

    def test_one_per_site(self):
        from wagtail.models import Page

        from home.factories import HomePageFactory
        from submissions.enquiries.factories import ExpressionOfInterestPageFactory

        home = HomePageFactory(parent=Page.get_first_root_node(), slug="home-tree")
        assert ExpressionOfInterestPage.can_create_at(home)
        ExpressionOfInterestPageFactory(parent=home)
        assert not ExpressionOfInterestPage.can_create_at(home)
