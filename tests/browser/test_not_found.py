"""The page a visitor sees at an address that does not exist."""

import pytest
from playwright.sync_api import expect

from .support import HOME, NOT_FOUND_PATH, VIEWPORTS, assert_no_axe_violations, open_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_unknown_address_gets_a_helpful_accessible_404(new_context, site_server, viewport):
    page, watch = open_page(new_context, site_server.host, viewport)

    response = page.goto(NOT_FOUND_PATH)

    assert response is not None and response.status == 404
    heading = page.locator("h1")
    expect(heading).to_have_count(1)
    expect(heading).to_have_text("Page not found")
    main = page.get_by_role("main")
    expect(main).to_contain_text("check it is correct")
    # The site's header and navigation are still there to help the visitor on.
    expect(page.get_by_role("navigation", name="Main")).to_be_attached()
    policy = response.headers.get("content-security-policy", "")
    assert policy and "'unsafe-inline'" not in policy
    assert_no_axe_violations(page)
    # Chromium logs the 404 of the document itself as a console error; nothing else may fail.
    watch.assert_clean(console=False)
    assert all("404" in error and NOT_FOUND_PATH in error for error in watch.console_errors), (
        watch.console_errors
    )

    main.get_by_role("link", name="Go to the home page").click()

    expect(page).to_have_url(f"{site_server.url}{HOME.path}")
    expect(page.locator("h1")).to_have_text(HOME.heading)
