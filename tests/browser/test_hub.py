"""The knowledge hub in a real browser: filtering and searching with and without JavaScript,
pagination, citations and "Cite this", author pages and the site-wide search."""

import re

import pytest
from playwright.sync_api import expect

from .support import VIEWPORTS, assert_no_axe_violations, open_filters, open_page

pytestmark = pytest.mark.browser

each_viewport = pytest.mark.parametrize("viewport", list(VIEWPORTS))
HUB = "/hub/"
ARTICLE = "/hub/successful-reintegration-from-pru-to-mainstream/"


def results_heading(page):
    return page.locator(".listing-results__heading")


def result_titles(page):
    return page.locator(".listing-results .card__link")


@each_viewport
def test_filters_work_without_javascript_and_can_be_removed(new_context, site_server, viewport):
    page, watch = open_page(new_context, site_server.host, viewport, java_script_enabled=False)
    page.goto(HUB)
    total = int(results_heading(page).inner_text().split()[0])
    filters = page.locator("form.filter-panel__form")
    open_filters(page)

    filters.get_by_role("group", name="Topic").get_by_label(re.compile(r"^Science")).check()
    filters.get_by_role("group", name="Type").get_by_label(re.compile(r"^Talk")).check()
    filters.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"/hub/\?(?=.*topic=science)(?=.*type=talk)"))
    expect(results_heading(page)).to_have_text(re.compile(r"^\s*1 article\b"))
    expect(result_titles(page)).to_have_text(
        ["Underachievement in science: why it happens and how to overcome it"]
    )
    open_filters(page)
    expect(filters.get_by_label(re.compile(r"^Science"))).to_be_checked()

    page.get_by_role("link", name=re.compile(r"Remove filter Type")).click()

    expect(page).to_have_url(f"{site_server.url}/hub/?topic=science#results")
    expect(results_heading(page)).to_have_text(re.compile(r"^\s*2 articles"))

    page.get_by_role("link", name="Clear all filters").click()

    expect(results_heading(page)).to_have_text(re.compile(rf"^\s*{total} articles"))
    watch.assert_clean()


@each_viewport
def test_search_highlights_matches_and_sorts(new_context, site_server, viewport):
    page, watch = open_page(new_context, site_server.host, viewport)
    page.goto(HUB)
    search = page.get_by_role("searchbox", name="Search articles")

    search.fill("science")
    search.press("Enter")

    expect(page).to_have_url(f"{site_server.url}/hub/?q=science#results")
    expect(results_heading(page)).to_contain_text("for ‘science’")  # noqa: RUF001
    expect(page.locator(".listing-results mark").first).to_have_text(
        re.compile("science", re.IGNORECASE)
    )
    open_filters(page)
    sort = page.get_by_label("Sort by")
    expect(sort).to_have_value("relevance")

    sort.select_option("newest")
    page.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"q=science&sort=newest"))
    dates = page.locator(".listing-results time").evaluate_all(
        "els => els.map(e => e.getAttribute('datetime'))"
    )
    assert dates == sorted(dates, reverse=True)
    assert_no_axe_violations(page)
    watch.assert_clean()


def test_nothing_found_shows_a_helpful_empty_state(new_context, site_server):
    page, watch = open_page(new_context, site_server.host, "desktop")
    page.goto(f"{HUB}?q=zebrafish&topic=science")

    empty = page.locator(".empty-state")
    expect(empty).to_contain_text("No articles match ‘zebrafish’ with these filters.")  # noqa: RUF001
    assert_no_axe_violations(page)

    empty.get_by_role("link", name="clear the search").click()

    expect(page).to_have_url(f"{site_server.url}/hub/?topic=science")
    expect(result_titles(page).first).to_be_visible()
    watch.assert_clean()


def test_pagination_moves_through_the_articles(new_context, site_server):
    page, watch = open_page(new_context, site_server.host, "phone")
    page.goto(HUB)
    first_page = result_titles(page).all_inner_texts()
    pagination = page.get_by_role("navigation", name="Pages of results")

    pagination.get_by_role("link", name="Next page").click()

    expect(page).to_have_url(f"{site_server.url}/hub/?page=2")
    expect(pagination.locator('[aria-current="page"]')).to_have_text("Page 2")
    assert not set(result_titles(page).all_inner_texts()) & set(first_page)
    assert_no_axe_violations(page)
    watch.assert_clean()


@each_viewport
def test_citations_jump_to_references_and_cite_this_copies(new_context, site_server, viewport):
    page, watch = open_page(new_context, site_server.host, viewport)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(ARTICLE)
    contents = page.get_by_role("navigation", name="Contents")
    expect(contents.get_by_role("link", name="References")).to_be_visible()

    page.locator("sup.citation a").first.click()

    expect(page).to_have_url(re.compile(r"#ref-1$"))
    expect(page.locator("#ref-1")).to_be_in_viewport()

    cite = page.locator("details.cite")
    cite.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(cite).to_have_attribute("open", "")
    apa = cite.locator("#cite-apa-text")
    expect(apa).to_contain_text("Power, M. (2023, March 14).")
    copy = cite.get_by_role("button", name="Copy APA citation")
    expect(copy).to_be_visible()

    copy.click()

    expect(cite.get_by_role("status")).to_have_text("APA citation copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == apa.inner_text().strip()
    assert_no_axe_violations(page)
    watch.assert_clean()


def test_cite_this_without_javascript_is_plain_text_to_select(new_context, site_server):
    page, watch = open_page(new_context, site_server.host, "phone", java_script_enabled=False)
    page.goto(ARTICLE)
    cite = page.locator("details.cite")

    cite.locator("summary").click()

    expect(cite.locator("#cite-bibtex-text")).to_contain_text("@misc{power2023what,")
    expect(cite.get_by_role("button")).to_have_count(0)  # hidden: nothing to press
    watch.assert_clean()


def test_from_an_article_to_its_author_and_topic(new_context, site_server):
    page, watch = open_page(new_context, site_server.host, "desktop")
    page.goto(ARTICLE)

    page.locator(".article__byline").get_by_role("link", name="Mike Power").click()

    expect(page.locator("h1")).to_have_text("Mike Power")
    expect(result_titles(page)).to_contain_text(
        ["What makes for a successful reintegration from PRU to mainstream school?"]
    )
    breadcrumb = page.get_by_role("navigation", name="Breadcrumb")
    breadcrumb.get_by_role("link", name="Knowledge hub").click()

    expect(page).to_have_url(f"{site_server.url}/hub/")
    page.goto(ARTICLE)
    page.locator(".article__classification").get_by_role("link", name="Reintegration").click()

    expect(page.locator("h1")).to_have_text("Reintegration")
    expect(
        page.locator('link[rel="alternate"][href="/hub/topics/reintegration/feed/rss/"]')
    ).to_have_count(1)
    watch.assert_clean()


def test_site_search_from_the_search_page(new_context, site_server):
    page, watch = open_page(new_context, site_server.host, "phone")
    page.goto("/search/")
    expect(page.locator("h1")).to_have_text("Search")
    box = page.get_by_role("searchbox", name="Search the website")

    box.fill("reintegration")
    box.press("Enter")

    expect(page.locator("h1")).to_have_text("Search results")
    first = page.locator(".search-result").first
    expect(first.locator("mark").first).to_have_text(re.compile("reintegrat", re.IGNORECASE))
    first.locator(".search-result__title a").click()

    expect(page.locator("h1")).to_be_visible()
    assert_no_axe_violations(page)
    watch.assert_clean()


@pytest.mark.parametrize(
    "path",
    [f"{HUB}?page=999", f"{HUB}?page=two", "/search/?q=science&page=0"],
)
def test_pages_that_do_not_exist_are_404(new_context, site_server, path):
    page, _ = open_page(new_context, site_server.host, "desktop")
    response = page.goto(path)
    assert response.status == 404
