"""Every public page, at a phone width and a desktop width."""

import pytest
from playwright.sync_api import expect

from .support import PUBLIC_PAGES, VIEWPORTS, assert_no_axe_violations, open_page

pytestmark = pytest.mark.browser

each_page = pytest.mark.parametrize("site_page", PUBLIC_PAGES, ids=lambda p: p.path)
each_viewport = pytest.mark.parametrize("viewport", list(VIEWPORTS))


@each_viewport
@each_page
def test_page_loads_with_one_h1_and_no_axe_violations(
    new_context, site_server, site_page, viewport
):
    page, _ = open_page(new_context, site_server.host, viewport)

    response = page.goto(site_page.path)

    assert response is not None and response.status == 200, (
        f"{site_page.path} answered {response and response.status}"
    )
    heading = page.locator("h1")
    expect(heading).to_have_count(1)
    expect(heading).to_have_text(site_page.heading)
    expect(heading).to_be_visible()
    # Nothing is cut off or needs scrolling sideways (WCAG 1.4.10 Reflow).
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{site_page.path} scrolls sideways by {overflow}px at {viewport} width"
    assert_no_axe_violations(page)


@each_viewport
@each_page
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(
    new_context, site_server, site_page, viewport
):
    page, _ = open_page(new_context, site_server.host, viewport)
    page.goto(site_page.path)
    skip_link = page.get_by_role("link", name="Skip to main content")

    page.keyboard.press("Tab")

    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")

    expect(page.locator("main#main-content")).to_be_focused()
    assert page.url.endswith("#main-content")
    # The next Tab continues from the main content, not from the header.
    page.keyboard.press("Tab")
    assert page.evaluate(
        """() => {
            const main = document.getElementById("main-content");
            const active = document.activeElement;
            return active !== document.body && !active.closest("header") &&
                Boolean(main.compareDocumentPosition(active) &
                    (Node.DOCUMENT_POSITION_CONTAINED_BY | Node.DOCUMENT_POSITION_FOLLOWING));
        }"""
    ), "After the skip link, Tab should move into the main content, not back to the header."


@each_viewport
@each_page
def test_page_has_strict_csp_no_errors_no_broken_images_and_no_other_hosts(
    new_context, site_server, site_page, viewport
):
    page, watch = open_page(new_context, site_server.host, viewport)

    response = page.goto(site_page.path)
    # Bring any lazy-loaded images into view, and let them load.
    # Load every lazy image (cards in the middle of a long page too), then look at them all.
    page.evaluate(
        "document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')"
    )
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.wait_for_function("[...document.images].every(i => i.complete)")

    assert response is not None
    policy = response.headers.get("content-security-policy")
    assert policy, f"{site_page.path} has no Content-Security-Policy header"
    assert "'unsafe-inline'" not in policy, f"{site_page.path} allows 'unsafe-inline': {policy}"
    watch.assert_clean()
    broken_images = page.evaluate(
        "[...document.images].filter(i => !i.complete || !i.naturalWidth).map(i => i.currentSrc)"
    )
    assert not broken_images, f"{site_page.path} shows broken images: {broken_images}"
