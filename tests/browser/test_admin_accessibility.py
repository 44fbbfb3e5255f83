"""The admin views staff work in have no axe violations: the registers' list, inspect and edit
views (as Partnerships and Recruitment staff see them) and every snippet list (as an Editor)."""

import pytest
from playwright.sync_api import expect

from .support import PageWatch, assert_no_axe_violations

pytestmark = pytest.mark.browser

PASSWORD = "admin-accessibility-password-5150"
ACCOUNTS = {
    "Partnerships": "a11y-partnerships",
    "Recruitment": "a11y-recruitment",
    "Editors": "a11y-editor",
}


@pytest.fixture(scope="session")
def staff_states(browser, site_server):
    """A signed-in browser state for a member of each group above."""
    lines = [
        "from django.contrib.auth import get_user_model",
        "from django.contrib.auth.models import Group",
    ]
    for group, username in ACCOUNTS.items():
        lines.append(
            f"get_user_model().objects.create_user({username!r}, '{username}@example.org', "
            f"{PASSWORD!r}).groups.add(Group.objects.get(name={group!r}))"
        )
    site_server.manage("shell", "-c", "\n".join(lines))
    states = {}
    for group, username in ACCOUNTS.items():
        context = browser.new_context(base_url=site_server.url)
        page = context.new_page()
        page.goto("/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.locator("main")).to_be_visible()
        states[group] = context.storage_state()
        context.close()
    return states


def first_object_url(page, listing: str, view: str) -> str:
    page.goto(listing)
    link = page.locator(f"a[href*='/{view}/']").first
    expect(link).to_be_visible()
    return link.get_attribute("href")


REGISTERS = [
    ("Partnerships", "/admin/submissions/partnershipenquiry/"),
    ("Recruitment", "/admin/submissions/teacherapplication/"),
]


@pytest.mark.parametrize(("group", "listing"), REGISTERS)
@pytest.mark.parametrize("view", ["list", "inspect", "edit"])
def test_register_views_have_no_axe_violations(new_context, staff_states, group, listing, view):
    page = new_context(viewport={"width": 1280, "height": 900}, storage_state=staff_states[group])
    page = page.new_page()
    if view == "list":
        page.goto(listing)
        # Nothing overlaps the filters: the table fits its column at a laptop's width.
        overflow = page.locator(".result-list").evaluate("e => e.scrollWidth - e.clientWidth")
        assert overflow <= 0, f"the register's table is {overflow}px too wide at 1280px"
    else:
        page.goto(first_object_url(page, listing, view))
    expect(page.locator("h1")).to_be_visible()
    assert_no_axe_violations(page)


SNIPPET_LISTS = [
    "/admin/snippets/home/statistic/",
    "/admin/snippets/home/statistic/?stale=true",
    "/admin/snippets/home/testimonial/",
    "/admin/snippets/home/faq/",
    "/admin/snippets/hub/person/",
    "/admin/snippets/taxonomy/topic/",
    "/admin/snippets/taxonomy/settingtype/",
    "/admin/snippets/taxonomy/phase/",
    "/admin/articles/",
    "/admin/reports/stale-statistics/",
]


@pytest.mark.parametrize("path", SNIPPET_LISTS)
def test_snippet_lists_have_no_axe_violations(new_context, staff_states, path):
    page = new_context(
        viewport={"width": 1280, "height": 900}, storage_state=staff_states["Editors"]
    )
    page = page.new_page()
    response = page.goto(path)
    assert response.status == 200
    expect(page.locator("table tbody tr").first).to_be_visible()
    assert_no_axe_violations(page)


def test_the_admin_shows_no_broken_image_and_asks_no_other_site(
    new_context, staff_states, site_server
):
    context = new_context(
        viewport={"width": 1280, "height": 900}, storage_state=staff_states["Editors"]
    )
    page = context.new_page()
    watch = PageWatch(page, site_server.host)
    page.goto("/admin/")
    expect(page.locator("main")).to_be_visible()
    broken = page.evaluate(
        "[...document.images].filter((img) => img.complete && img.naturalWidth === 0)"
        ".map((img) => img.src)"
    )
    assert not broken, f"broken images in the admin: {broken}"
    assert not watch.foreign_requests, watch.foreign_requests
    assert not watch.csp_violations(), watch.csp_violations()
