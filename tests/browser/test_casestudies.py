"""Case studies in a real browser: filtering without JavaScript, the empty state, a case study
with its key facts and related content, at phone and desktop widths, checked with axe (axe
needs JavaScript: the pages without it are checked in test_pages.py, filtered too)."""

import re

import pytest
from playwright.sync_api import expect

from .support import VIEWPORTS, assert_no_axe_violations, open_filters, open_page

pytestmark = pytest.mark.browser

each_viewport = pytest.mark.parametrize("viewport", list(VIEWPORTS))
INDEX = "/case-studies/"
LINCOLNSHIRE = "/case-studies/lincolnshire-pru-turnaround/"


def results_heading(page):
    return page.locator(".listing-results__heading")


def count_in(heading_text: str) -> int:
    return int(heading_text.split()[0])


@each_viewport
def test_filters_combine_and_come_off_without_javascript(new_context, site_server, viewport):
    page, watch = open_page(new_context, site_server.host, viewport, java_script_enabled=False)
    page.goto(INDEX)
    total = count_in(results_heading(page).inner_text())
    filters = page.locator("form.filter-panel__form")
    open_filters(page)
    london = filters.get_by_role("group", name="Region").get_by_label(re.compile(r"^London"))
    london_count = int(re.search(r"\((\d+)", london.locator("..").inner_text()).group(1))

    london.check()
    filters.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"/case-studies/\?(q=&)?region=london#results$"))
    expect(results_heading(page)).to_have_text(re.compile(rf"^\s*{london_count} case stud"))
    cards = page.locator(".listing-results .card")
    expect(cards).to_have_count(london_count)
    for eyebrow in cards.locator(".card__eyebrow").all_inner_texts():
        assert "London" in eyebrow.title()

    # A theme on top: AND across filters; the count beside it said how many would remain.
    filters = page.locator("form.filter-panel__form")
    open_filters(page)
    theme = filters.get_by_role("group", name="Theme").get_by_label(re.compile(r"^Safeguarding"))
    theme_count = int(re.search(r"\((\d+)", theme.locator("..").inner_text()).group(1))
    assert 0 < theme_count < london_count
    theme.check()
    filters.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"region=london&theme=safeguarding"))
    expect(results_heading(page)).to_have_text(re.compile(rf"^\s*{theme_count} case stud"))

    page.get_by_role("link", name="Clear all filters").click()
    expect(results_heading(page)).to_have_text(re.compile(rf"^\s*{total} case studies"))
    watch.assert_clean()


@each_viewport
def test_a_search_with_no_results_offers_a_way_back(new_context, site_server, viewport):
    page, watch = open_page(new_context, site_server.host, viewport)
    page.goto(INDEX)
    search = page.get_by_role("searchbox", name="Search case studies")

    search.fill("xylophone")
    search.press("Enter")

    expect(page.locator(".empty-state")).to_contain_text("No case studies match")
    assert_no_axe_violations(page)
    page.get_by_role("link", name=re.compile("clear the search")).click()
    expect(page.locator(".listing-results .card").first).to_be_visible()
    watch.assert_clean()


@each_viewport
def test_a_case_study_reads_in_sections_with_key_facts_and_related_content(
    new_context, site_server, viewport
):
    page, watch = open_page(new_context, site_server.host, viewport)
    page.goto(LINCOLNSHIRE)

    headings = page.locator("main h2").all_inner_texts()
    for heading in ("The starting point", "What changed", "The impact", "Key facts"):
        assert heading in headings
    key_facts = page.get_by_role("region", name="Key facts")
    expect(key_facts).to_contain_text("Ofsted judgement")
    expect(key_facts).to_contain_text("Special measures")
    expect(page.get_by_role("region", name="Related case studies")).to_be_visible()

    page.get_by_role("navigation", name="Contents").get_by_role("link", name="The impact").click()
    expect(page).to_have_url(re.compile(r"#impact$"))
    expect(page.locator("#impact")).to_be_in_viewport()

    # A theme leads back to the index, filtered by it.
    page.locator(".article__classification .tag").first.click()
    expect(page).to_have_url(re.compile(r"/case-studies/\?theme="))
    expect(page.locator(".active-filters")).to_be_visible()
    watch.assert_clean()


def test_the_home_and_partner_pages_lead_to_featured_case_studies(new_context, site_server):
    page, watch = open_page(new_context, site_server.host, "desktop")
    for path in ("/", "/partner-with-us/"):
        page.goto(path)
        cards = page.locator("section:has(> h2:text-matches('Case studies|partnering')) .card")
        expect(cards).to_have_count(3)
    page.get_by_role("link", name="See all case studies").click()
    expect(page).to_have_url(re.compile(r"/case-studies/$"))
    watch.assert_clean()
