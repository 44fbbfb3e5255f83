"""The evidence on the programme, partner and research pages, in a real browser: the chart and
its data table without JavaScript, the questions, the structured data and the calls to act."""

import json

import pytest
from playwright.sync_api import expect

from .support import VIEWPORTS, assert_no_axe_violations, open_page

pytestmark = pytest.mark.browser

each_viewport = pytest.mark.parametrize("viewport", list(VIEWPORTS))
PARTNER = "/partner-with-us/"
PROGRAMME = "/the-programme/"


def chart(page):
    return page.locator("figure.chart").first


@each_viewport
def test_chart_data_table_opens_without_javascript_and_matches_the_bars(
    new_context, site_server, viewport
):
    page, watch = open_page(new_context, site_server.host, viewport, java_script_enabled=False)
    page.goto(PARTNER)
    figure = chart(page)
    svg = figure.locator("svg")
    expect(svg).to_be_visible()
    expect(svg).to_have_attribute("role", "img")
    bar_values = svg.locator("text.chart__value").all_text_contents()
    assert bar_values == ["4 times", "10 times", "2 times", "7 times"]
    table = figure.locator("table")
    expect(table).to_be_hidden()

    figure.get_by_text("Show the data as a table").click()

    expect(table).to_be_visible()
    assert table.locator("tbody td.table__numeric").all_inner_texts() == bar_values
    expect(figure.locator("figcaption")).to_contain_text("Making the Difference (IPPR), 2017")
    # The chart is drawn on the server: the page loads no script for it.
    assert page.locator("script[src]").evaluate_all("els => els.map(e => e.src)") == [
        f"{site_server.url}/static/js/site.js"
    ]
    watch.assert_clean()


@each_viewport
def test_open_chart_table_and_questions_have_no_axe_violations(new_context, site_server, viewport):
    page, watch = open_page(new_context, site_server.host, viewport)
    page.goto(PARTNER)
    chart(page).get_by_text("Show the data as a table").click()
    page.locator("section.faq details summary").first.click()

    expect(chart(page).locator("table")).to_be_visible()
    expect(page.locator("section.faq details").first).to_have_attribute("open", "")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the open table makes the page scroll sideways by {overflow}px"
    assert_no_axe_violations(page)
    watch.assert_clean()


def test_questions_open_from_the_keyboard_and_are_described_for_search_engines(
    new_context, site_server
):
    page, watch = open_page(new_context, site_server.host, "desktop")
    page.goto(PROGRAMME)
    faq = page.locator("section.faq")
    first = faq.locator("details").first
    answer = first.locator(".accordion__content")
    expect(answer).to_be_hidden()

    first.locator("summary").focus()
    page.keyboard.press("Enter")

    expect(answer).to_be_visible()
    scripts = page.locator('script[type="application/ld+json"]').all_text_contents()
    [data] = [d for d in map(json.loads, scripts) if d["@type"] == "FAQPage"]
    questions = faq.locator("summary").all_inner_texts()
    assert [item["name"] for item in data["mainEntity"]] == questions
    # Structured data is not a script the Content-Security-Policy has to allow.
    watch.assert_clean()


@each_viewport
def test_the_call_to_apply_leads_to_how_to_apply(new_context, site_server, viewport):
    page, watch = open_page(new_context, site_server.host, viewport)
    page.goto(PROGRAMME)

    page.locator(".page-hero").get_by_role("link", name="How to apply").click()

    expect(page).to_have_url(f"{site_server.url}{PROGRAMME}#how-to-apply")
    section = page.locator("#how-to-apply")
    expect(section.get_by_role("heading", name="How to apply")).to_be_in_viewport()
    # The submissions app's demo loader points the section at the application form.
    expect(section.get_by_role("link", name="Apply now")).to_have_attribute("href", "/apply/")
    who = page.locator("#who-can-apply")
    expect(who.locator(".criteria__item")).to_have_count(4)
    watch.assert_clean()


def test_key_figures_are_text_with_their_sources(new_context, site_server):
    page, _ = open_page(new_context, site_server.host, "desktop")
    page.goto("/")
    figures = page.locator(".key-figure")
    expect(figures).to_have_count(4)
    for index in range(4):
        expect(figures.nth(index).locator("figcaption")).to_contain_text("Source:")
    # No images of text: the figures are real text a screen reader and search engine can read.
    assert page.locator(".key-figures img").count() == 0
