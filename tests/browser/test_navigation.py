"""Getting around: the main navigation, breadcrumbs, the phone menu and the accordion."""

import pytest
from playwright.sync_api import expect

from .support import HOME, MAIN_NAV_LINKS, PUBLIC_PAGES, assert_no_axe_violations, open_page

pytestmark = pytest.mark.browser

HEADINGS = {site_page.path: site_page.heading for site_page in PUBLIC_PAGES}


def main_nav(page):
    return page.get_by_role("navigation", name="Main")


def nav_link(page, text):
    return main_nav(page).get_by_role("link", name=text, exact=True)


def expect_at(page, server, path):
    expect(page).to_have_url(f"{server.url}{path}")
    expect(page.locator("h1")).to_have_text(HEADINGS[path])


def test_main_navigation_and_breadcrumbs_by_clicking(new_context, site_server):
    page, watch = open_page(new_context, site_server.host, "desktop")
    page.goto(HOME.path)
    current = main_nav(page).locator('[aria-current="page"]')
    expect(current).to_have_count(0)  # the home page has no link of its own in the nav

    nav_link(page, "About us").click()

    expect_at(page, site_server, "/about/")
    expect(current).to_have_count(1)
    expect(nav_link(page, "About us")).to_have_attribute("aria-current", "page")

    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Home").click()

    expect_at(page, site_server, HOME.path)
    expect(current).to_have_count(0)

    nav_link(page, "Our story").click()

    expect_at(page, site_server, "/about/our-story/")
    expect(current).to_have_count(1)
    expect(nav_link(page, "Our story")).to_have_attribute("aria-current", "page")
    # Its section is marked for the eye, but only the page itself is "current" to a screen reader.
    expect(nav_link(page, "About us")).not_to_have_attribute("aria-current", "page")
    watch.assert_clean()


def test_phone_menu_opens_with_the_menu_button_and_closes_with_escape(new_context, site_server):
    page, watch = open_page(new_context, site_server.host, "phone")
    page.goto(HOME.path)
    menu = main_nav(page).get_by_role("button", name="Menu")
    links = [nav_link(page, text) for text, _ in MAIN_NAV_LINKS]

    expect(menu).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    for link in links:
        expect(link).to_be_hidden()

    menu.click()

    expect(menu).to_have_attribute("aria-expanded", "true")
    for link in links:
        expect(link).to_be_visible()
        expect(link).to_be_in_viewport()
    assert_no_axe_violations(page)

    page.keyboard.press("Escape")

    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    for link in links:
        expect(link).to_be_hidden()

    menu.click()
    nav_link(page, "Partner with us").click()

    expect_at(page, site_server, "/partner-with-us/")
    watch.assert_clean()


def test_phone_navigation_works_without_javascript(new_context, site_server):
    page, watch = open_page(new_context, site_server.host, "phone", java_script_enabled=False)

    for text, path in MAIN_NAV_LINKS:
        page.goto(HOME.path)
        expect(page.locator("html")).to_have_class("no-js")
        expect(main_nav(page).locator(".site-nav__toggle")).to_be_hidden()
        link = nav_link(page, text)
        expect(link).to_be_visible()
        expect(link).to_be_in_viewport()

        link.click()

        expect_at(page, site_server, path)
    watch.assert_clean()


def test_accordion_opens_from_the_keyboard(new_context, site_server):
    page, watch = open_page(new_context, site_server.host, "desktop")
    page.goto("/about/")
    item = page.locator("details.accordion__item").first
    summary = item.locator("summary")
    content = item.locator(".accordion__content")
    expect(content).to_be_hidden()

    summary.focus()
    expect(summary).to_be_focused()
    page.keyboard.press("Enter")

    expect(item).to_have_attribute("open", "")
    expect(content).to_be_visible()
    expect(content).to_contain_text("Specialist training in inclusion")
    assert_no_axe_violations(page)

    page.keyboard.press("Enter")

    expect(item).not_to_have_attribute("open", "")
    expect(content).to_be_hidden()
    watch.assert_clean()


def test_phone_navigation_without_the_site_script_has_no_axe_violations(new_context, site_server):
    # axe is itself a script, and never finishes in a page with JavaScript off, so check the
    # no-JavaScript layout (links in two columns, no Menu button) with site.js blocked instead.
    page, _ = open_page(new_context, site_server.host, "phone")
    page.route("**/static/js/site.js", lambda route: route.abort())
    page.goto(HOME.path)

    expect(page.locator("html")).to_have_class("no-js")
    expect(main_nav(page).locator(".site-nav__toggle")).to_be_hidden()
    for text, _ in MAIN_NAV_LINKS:
        expect(nav_link(page, text)).to_be_visible()
    assert_no_axe_violations(page)
