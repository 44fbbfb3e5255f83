"""The Expression of Interest form in a real browser: errors, keyboard, no JavaScript, axe."""

import re

import pytest
from playwright.sync_api import expect

from .support import VIEWPORTS, assert_no_axe_violations, open_page

pytestmark = pytest.mark.browser

FORM = "/expression-of-interest/"
each_viewport = pytest.mark.parametrize("viewport", list(VIEWPORTS))


def fill_valid_answers(page):
    page.get_by_label("School name").fill("Browser Test Academy")
    page.get_by_label("Unique reference number (URN)").fill("123456")
    page.get_by_label("Pupil referral unit").check()
    page.get_by_label("Secondary", exact=True).check()
    page.get_by_label("Local authority").select_option(label="Lincolnshire")
    page.get_by_label("Good", exact=True).check()
    page.get_by_label("Number of pupils on roll").fill("60")
    page.get_by_label("Full name").fill("Zoë O'Hara")
    page.get_by_label("Your role").fill("Headteacher")
    page.get_by_label("Email address").fill("zoe.browser@example.com")
    page.get_by_label("Telephone number").fill("01632 960 001")
    page.get_by_label("Contextual safeguarding").check()
    page.get_by_role("group", name="When would you like a Difference Leader to start?").get_by_role(
        "radio"
    ).first.check()
    page.get_by_label("I have read the privacy notice").check()


@each_viewport
def test_error_state_is_announced_focused_and_has_no_axe_violations(
    new_context, site_server, viewport
):
    page, watch = open_page(new_context, site_server.host, viewport)
    page.goto(FORM)

    page.get_by_label("Email address").fill("not-an-email")
    page.get_by_role("button", name="Send expression of interest").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("There is a problem")
    expect(page).to_have_title(re.compile(r"^Error: Expression of interest"))
    expect(page.locator("#id_email-error")).to_have_text(
        "Error: Enter an email address in the correct format, like name@example.com"
    )
    # What was typed is still there.
    expect(page.get_by_label("Email address")).to_have_value("not-an-email")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert_no_axe_violations(page)
    watch.assert_clean()


def test_error_summary_link_moves_focus_to_the_field(new_context, site_server):
    page, _ = open_page(new_context, site_server.host)
    page.goto(FORM)
    page.get_by_role("button", name="Send expression of interest").click()

    page.locator("[data-error-summary]").get_by_role("link", name="Enter an email address").click()

    expect(page.get_by_label("Email address")).to_be_focused()
    page.keyboard.type("typed@example.com")
    expect(page.get_by_label("Email address")).to_have_value("typed@example.com")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_school_can_send_the_form_and_gets_a_reference(new_context, site_server, javascript):
    page, watch = open_page(new_context, site_server.host, java_script_enabled=javascript)
    page.goto(FORM)
    fill_valid_answers(page)
    page.wait_for_timeout(3100)  # a person takes longer than the minimum fill time

    page.get_by_role("button", name="Send expression of interest").click()

    expect(page).to_have_url(re.compile(r"/expression-of-interest/confirmation/EOI-[0-9A-Z]{6}/$"))
    expect(page.locator("h1")).to_have_text("Expression of interest sent")
    reference = page.locator(".panel__reference").inner_text()
    assert re.fullmatch(r"EOI-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}", reference)
    assert "zoe" not in page.url.lower()
    if javascript:  # axe itself runs as a script
        assert_no_axe_violations(page)
    watch.assert_clean()

    # POST/redirect/GET: reloading the confirmation shows it again and posts nothing.
    page.reload()
    expect(page.locator(".panel__reference")).to_have_text(reference)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_two_areas_ticked_are_two_areas_stored(new_context, site_server, javascript):
    """ "Select all that apply" means checkboxes: tick two, send, and both are in the enquiry."""
    school = f"Two Areas Academy ({'js' if javascript else 'no-js'})"
    page, watch = open_page(new_context, site_server.host, java_script_enabled=javascript)
    page.goto(FORM)
    fill_valid_answers(page)
    page.get_by_label("School name").fill(school)
    areas = page.get_by_role(
        "group", name="Which areas would you like a Difference Leader to work on?"
    )
    expect(areas.get_by_role("checkbox")).to_have_count(5)
    expect(areas.get_by_role("radio")).to_have_count(0)
    areas.get_by_label("Curriculum planning towards employment").check()
    # Contextual safeguarding is ticked too (fill_valid_answers ticks it): both stay ticked.
    expect(areas.get_by_label("Contextual safeguarding")).to_be_checked()
    expect(areas.get_by_label("Curriculum planning towards employment")).to_be_checked()
    if javascript:
        assert_no_axe_violations(page)
    page.wait_for_timeout(3100)  # a person takes longer than the minimum fill time
    page.get_by_role("button", name="Send expression of interest").click()
    expect(page.locator("h1")).to_have_text("Expression of interest sent")
    watch.assert_clean()

    stored = site_server.shell(
        "from submissions.models import PartnershipEnquiry as E; "
        f"e = E.objects.get(school_name={school!r}); "
        "print(','.join(e.improvement_areas), e.is_spam)"
    )
    assert stored.split() == ["curriculum,safeguarding", "False"]


def test_honeypot_is_invisible_and_not_focusable(new_context, site_server):
    page, _ = open_page(new_context, site_server.host)
    page.goto(FORM)

    expect(page.locator("input[name=website]")).to_be_hidden()
    page.get_by_label("School name").focus()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.name") != "website"


def test_csrf_failure_page_leads_back_to_the_form(new_context, site_server):
    page, _ = open_page(new_context, site_server.host)
    page.goto(FORM)
    # The browser lost its CSRF cookie (cleared, or blocked) while the form was open.
    page.context.clear_cookies()
    fill_valid_answers(page)

    page.get_by_role("button", name="Send expression of interest").click()

    expect(page.locator("h1")).to_have_text("Your form could not be sent")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Go back to the form").click()
    expect(page).to_have_url(re.compile(r"/expression-of-interest/$"))
    # The browser kept the answers on the way back.
    expect(page.get_by_label("School name")).to_have_value("Browser Test Academy")
