"""The teacher application in a real browser: eligibility, every step, check answers, submit,
and carrying on from the emailed save-and-return link in another browser.

Walked at phone and desktop widths with JavaScript on and off; axe runs (with JavaScript on,
since axe is itself a script) on the pages a person meets on the way.
"""

import re

import pytest
from playwright.sync_api import expect

from .support import VIEWPORTS, assert_no_axe_violations, emailed_link, open_page

pytestmark = pytest.mark.browser

APPLY = "/apply/"
STATEMENT = "I have spent six years helping pupils who find school hard to find their way back. "


def answer_eligibility(page, all_yes=True):
    groups = page.locator("form fieldset")
    for index in range(groups.count()):
        answer = "Yes" if all_yes or index != 1 else "No"
        groups.nth(index).get_by_label(answer, exact=True).check()
    page.get_by_role("button", name="Continue").click()


def fill_step(page, heading: str, email: str = "zoe.browser@example.com") -> None:
    """Answer whichever step is showing, by its heading."""
    if heading == "Your details":
        page.get_by_label("Full name").fill("Zoë O'Browser")
        page.get_by_label("Email address").fill(email)
        page.get_by_label("Telephone number").fill("07700 900 982")
        page.get_by_label("Home postcode").fill("ln1 1aa")
        # A person takes longer than the first step's minimum fill time (3 seconds).
        page.wait_for_timeout(3100)
    elif heading == "Your current role":
        page.get_by_label("Your current role").fill("Head of English")
        page.get_by_label("Your current school").fill("Browser Test Academy")
        page.get_by_label("Secondary", exact=True).check()
        page.get_by_label("Subject or specialism").fill("English")
        page.get_by_label("How many years have you taught in mainstream schools?").fill("6")
        page.get_by_label("In which year were you awarded qualified teacher status").fill("2018")
        page.get_by_label(re.compile("^Middle leader")).check()
    elif heading == "Referees":
        page.locator("[name=referee_1_name]").fill("Ref One")
        page.locator("[name=referee_1_role]").fill("Headteacher, Browser Test Academy")
        page.locator("[name=referee_1_email]").fill("ref.one@example.com")
        page.locator("[name=referee_2_name]").fill("Ref Two")
        page.locator("[name=referee_2_role]").fill("Deputy head, Browser Test Academy")
        page.locator("[name=referee_2_email]").fill("ref.two@example.com")
    elif heading == "Cohort and how you heard about us":
        page.locator("[name=cohort]").first.check()
    elif heading == "Declarations":
        for checkbox in page.locator("input[type=checkbox]:not([name=website])").all():
            checkbox.check()
    else:  # a competency statement
        page.locator("textarea[name=statement]").fill(STATEMENT)


def test_not_eligible_gets_a_kind_explanation(new_context, site_server):
    page, watch = open_page(new_context, site_server.host)
    page.goto(APPLY + "eligibility/")
    answer_eligibility(page, all_yes=False)

    expect(page.locator("h1")).to_have_text("You cannot apply yet")
    expect(page.locator(".eligibility-unmet__item")).to_have_count(1)
    expect(page.locator(".eligibility-unmet__item h2")).to_have_text("Qualified teacher status")
    assert_no_axe_violations(page)
    watch.assert_clean()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_whole_journey(new_context, site_server, viewport, javascript):
    email = f"zoe.{viewport}.{'js' if javascript else 'no-js'}@example.com"
    page, watch = open_page(new_context, site_server.host, viewport, java_script_enabled=javascript)
    page.goto(APPLY)
    expect(page.locator("[data-application-status]")).to_have_attribute(
        "data-application-status", "open"
    )
    if javascript:
        assert_no_axe_violations(page)
    page.get_by_role("link", name="Check if you can apply").click()

    # An empty eligibility form explains itself.
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_title(re.compile("^Error: "))
    if javascript:
        expect(page.locator("[data-error-summary]")).to_be_focused()
        assert_no_axe_violations(page)
    answer_eligibility(page)
    expect(page.locator("h1")).to_have_text("You can apply")
    page.get_by_role("button", name="Start your application").click()

    checked_error_state = went_back = False
    for _ in range(20):
        if "/check/" in page.url:
            break
        heading = page.locator("h1").inner_text()
        if not checked_error_state:
            # Enter in an empty field means "Save and continue" (not "Back", which comes first
            # on the page): the errors show, with nothing lost.
            page.get_by_label("Full name").press("Enter")
            expect(page).to_have_title(re.compile("^Error: "))
            expect(page.locator("h1")).to_have_text(heading)
            if javascript:
                assert_no_axe_violations(page)
            checked_error_state = True
        if heading == "Your current role" and not went_back:
            # "Back" keeps unfinished answers as typed, and shows no errors for them.
            page.get_by_label("Your current role").fill("Head of")
            page.get_by_label("How many years have you taught in mainstream schools?").fill("six")
            page.get_by_role("button", name="Back", exact=True).click()
            expect(page.locator("h1")).to_have_text("Your details")
            page.get_by_role("button", name="Save and continue").click()
            expect(page.locator("h1")).to_have_text(heading)
            expect(page.locator("[data-error-summary]")).to_have_count(0)
            expect(page.get_by_label("Your current role")).to_have_value("Head of")
            expect(
                page.get_by_label("How many years have you taught in mainstream schools?")
            ).to_have_value("six")
            if javascript:
                assert_no_axe_violations(page)
        if heading == "Motivation" and not went_back:
            # A valid answer is saved by "Back", and shown again on the way forward.
            textarea = page.locator("textarea[name=statement]")
            textarea.fill("Half a thought")
            page.get_by_role("button", name="Back", exact=True).click()
            expect(page.locator("h1")).to_have_text("Your current role")
            expect(page.get_by_label("Your current school")).to_have_value("Browser Test Academy")
            page.get_by_role("button", name="Save and continue").click()
            expect(page.locator("h1")).to_have_text("Motivation")
            expect(page).not_to_have_title(re.compile("^Error: "))
            expect(page.locator("[data-error-summary]")).to_have_count(0)
            expect(textarea).to_have_value("Half a thought")
            if javascript:
                expect(page.locator("[data-word-count]")).to_have_text(
                    "You have 397 words remaining"
                )
            went_back = True
        fill_step(page, heading, email=email)
        if heading == "Motivation":
            textarea = page.locator("textarea[name=statement]")
            count = page.locator("[data-word-count]")
            if javascript:
                expect(count).to_contain_text("words remaining")
                assert_no_axe_violations(page)
            else:
                expect(count).to_have_count(0)
            # Save and come back later keeps the answers on the server, and this browser
            # forgets them: Back shows nothing; the emailed link, then the address, lead on.
            page.get_by_role("button", name="Save and come back later").click()
            expect(page.locator("h1")).to_have_text("Your application has been saved")
            expect(page.get_by_text(email)).to_be_visible()
            page.go_back()
            expect(page.locator("[data-application-status]")).to_be_visible()
            page.goto(emailed_link(site_server.email_dir, email, "/apply/resume/?token="))
            expect(page.locator("h1")).to_have_text("Carry on with your application")
            page.get_by_label("Email address").fill(email)
            page.get_by_role("button", name="Continue").click()
            expect(page).to_have_url(re.compile(r"/apply/step/statement-"))
            expect(page.locator("h1")).not_to_have_text("Motivation")
            page.get_by_role("button", name="Back", exact=True).click()
            expect(textarea).to_have_value(STATEMENT.strip())
            if javascript:
                # The count is the textarea's after a reload, and after leaving the page and
                # coming back, when the browser puts back words typed and not sent.
                words = len(STATEMENT.split())
                page.reload()
                expect(count).to_have_text(f"You have {400 - words} words remaining")
                textarea.fill(STATEMENT + "Three more words")
                page.goto(APPLY)
                page.go_back()
                expect(textarea).to_have_value(STATEMENT + "Three more words")
                expect(count).to_have_text(f"You have {400 - words - 3} words remaining")
            page.get_by_role("button", name="Save and continue").click()
            continue
        page.get_by_role("button", name="Save and continue").click()
        expect(page).not_to_have_title(re.compile("^Error: "))

    expect(page.locator("h1")).to_have_text("Check your answers before sending your application")
    expect(page.get_by_text("Browser Test Academy", exact=True)).to_be_visible()
    if javascript:
        assert_no_axe_violations(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0

    # Change one answer and come back to the check page.
    page.get_by_role("link", name="Change subject or specialism").click()
    page.get_by_label("Subject or specialism").fill("Drama")
    page.get_by_role("button", name="Save and continue").click()
    expect(page).to_have_url(re.compile(r"/apply/check/$"))
    expect(page.get_by_text("Drama", exact=True)).to_be_visible()

    page.get_by_role("button", name="Send application").click()
    expect(page).to_have_url(re.compile(r"/apply/confirmation/APP-[0-9A-Z]{6}/$"))
    expect(page.locator("h1")).to_have_text("Application sent")
    if javascript:
        assert_no_axe_violations(page)

    # The optional equal-opportunities questions, once.
    page.get_by_role("link", name="Answer the equal opportunities questions").click()
    expect(page.locator("h1")).to_have_text("Equal opportunities questions")
    if javascript:
        assert_no_axe_violations(page)
    page.get_by_role("group", name="What is your sex? (optional)").get_by_label(
        "Prefer not to say"
    ).check()
    page.get_by_role("button", name="Send answers").click()
    expect(page.locator("h1")).to_have_text("Thank you")
    watch.assert_clean()


def start_application(page) -> None:
    page.goto(APPLY + "eligibility/")
    answer_eligibility(page)
    page.get_by_role("button", name="Start your application").click()


def continue_to_check_page(page) -> None:
    for _ in range(20):
        if "/check/" in page.url:
            return
        fill_step(page, page.locator("h1").inner_text())
        page.get_by_role("button", name="Save and continue").click()
        expect(page).not_to_have_title(re.compile("^Error: "))
    raise AssertionError(f"Never reached the check page; stuck at {page.url}")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_the_emailed_link_carries_on_in_another_browser(
    new_context, site_server, viewport, javascript
):
    """Save and come back later, then open the link from the email in a browser that shares
    nothing with the first: the answers are there, and the application can be sent."""
    email = f"resume.{viewport}.{'js' if javascript else 'no-js'}@example.com"
    page, watch = open_page(new_context, site_server.host, viewport, java_script_enabled=javascript)
    start_application(page)
    expect(page.locator("h1")).to_have_text("Your details")
    fill_step(page, "Your details", email=email)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator("h1")).to_have_text("Your current role")
    fill_step(page, "Your current role")
    page.get_by_role("button", name="Save and come back later").click()
    expect(page.locator("h1")).to_have_text("Your application has been saved")
    expect(page.get_by_text(email)).to_be_visible()
    if javascript:
        assert_no_axe_violations(page)
    watch.assert_clean()

    link = emailed_link(site_server.email_dir, email, "/apply/resume/?token=")
    assert link.startswith(f"{site_server.url}/apply/resume/?token=")

    # A link altered by one character shows the clear error page, and nothing of the draft.
    token = link.rsplit("=", 1)[1]
    tampered = link[: -len(token)] + token[:-1] + ("A" if token[-1] != "A" else "B")
    stranger, stranger_watch = open_page(
        new_context, site_server.host, viewport, java_script_enabled=javascript
    )
    response = stranger.goto(tampered)
    assert response.status == 404
    expect(stranger.locator("h1")).to_have_text("This link has expired or is not valid")
    expect(stranger.get_by_text("Browser Test Academy")).to_have_count(0)
    if javascript:
        assert_no_axe_violations(stranger)
    stranger_watch.assert_clean(console=False)  # the browser logs the 404 itself

    # Another browser: no cookies, no session, only the link.
    other, other_watch = open_page(
        new_context, site_server.host, viewport, java_script_enabled=javascript
    )
    assert other.context.cookies() == []
    other.goto(link)
    # Nothing of the application shows until the address the link went to is given; the
    # address bar no longer holds the token.
    expect(other.locator("h1")).to_have_text("Carry on with your application")
    expect(other.get_by_text("Browser Test Academy")).to_have_count(0)
    assert "token=" not in other.url
    if javascript:
        assert_no_axe_violations(other)
    other.get_by_label("Email address").fill("someone.else@example.com")
    other.get_by_role("button", name="Continue").click()
    expect(other.locator("#id_email-error")).to_contain_text(
        "Enter the email address we sent this link to"
    )
    if javascript:
        assert_no_axe_violations(other)
    other.get_by_label("Email address").fill(email)
    other.get_by_role("button", name="Continue").click()
    # It carries on at the first unanswered step, with the earlier answers kept.
    expect(other.locator("h1")).to_have_text("Motivation")
    if javascript:
        assert_no_axe_violations(other)
    # The link is spent: opened again, even here, it shows nothing.
    spent, _ = open_page(new_context, site_server.host, viewport, java_script_enabled=javascript)
    assert spent.goto(link).status == 404
    expect(spent.locator("h1")).to_have_text("This link has expired or is not valid")
    other.get_by_role("button", name="Back", exact=True).click()
    expect(other.locator("h1")).to_have_text("Your current role")
    expect(other.get_by_label("Your current school")).to_have_value("Browser Test Academy")
    expect(other.get_by_label("Secondary", exact=True)).to_be_checked()
    other.get_by_role("button", name="Save and continue").click()
    continue_to_check_page(other)
    expect(other.locator("h1")).to_have_text("Check your answers before sending your application")
    expect(other.get_by_text("Zoë O'Browser", exact=True)).to_be_visible()
    expect(other.get_by_text(email, exact=True)).to_be_visible()
    other.get_by_role("button", name="Send application").click()
    expect(other.locator("h1")).to_have_text("Application sent")
    other_watch.assert_clean()
