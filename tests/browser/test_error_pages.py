"""The error pages that need no database (400, 403, 500, 503): accessible, at every width.

The test server cannot be made to fail on demand, so each page is rendered here, from the same
templates and context the error views use, and served to the browser at the test server's own
address (Playwright's routing), where its styles and images load from the real server.
"""

from django.template import loader

import pytest
from playwright.sync_api import expect

from .support import VIEWPORTS, assert_no_axe_violations, open_page

pytestmark = pytest.mark.browser

PAGES = [
    ("400.html", 400, False, "Sorry, we could not understand that request"),
    ("403.html", 403, False, "You cannot see this page"),
    ("500.html", 500, True, "Sorry, there is a problem with the service"),
    ("503.html", 503, True, "Sorry, the service is unavailable"),
]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize(("template", "status", "posted", "heading"), PAGES)
def test_error_page_is_accessible_and_quotes_its_reference(
    new_context, site_server, viewport, template, status, posted, heading
):
    html = loader.get_template(template).render(
        {
            "request_id": "0f3c9a7e5b2d4c18a6e4f1b2c3d4e5f6",
            "contact_email": "hello@the-difference.org",
            "posted": posted,
        }
    )
    page, watch = open_page(new_context, site_server.host, viewport)
    address = f"{site_server.url}/error-page-preview/"
    page.route(
        address,
        lambda route: route.fulfill(status=status, body=html, content_type="text/html"),
    )

    response = page.goto(address)

    assert response is not None and response.status == status
    expect(page.locator("h1")).to_have_text(heading)
    expect(page.get_by_role("main")).to_contain_text("0f3c9a7e5b2d4c18a6e4f1b2c3d4e5f6")
    expect(page.get_by_role("link", name="hello@the-difference.org").first).to_be_visible()
    expect(page.get_by_role("img", name="The Difference: home")).to_be_visible()
    assert_no_axe_violations(page)
    watch.assert_clean(console=False)  # Chromium logs the document's own error status
    # Nothing wider than the screen, however long the reference.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
