"""The editor's live preview and content checks, as an editor uses them in Chromium.

For each page type of the demo site, an Editor opens the page in the admin and the preview
panel: the page shows inside it with the site's styles, at each of the three sizes and in a new
tab. The Checks panel then runs Wagtail's accessibility checker in the preview, and its count of
issues must equal what axe, run with the same rules on the public page, finds: zero for the
demo content. The previewable snippets (statistics, testimonials, questions, people) preview too.
"""

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .support import PUBLIC_PAGES

pytestmark = pytest.mark.browser

EDITOR = ("preview-editor", "preview-editor-password-4821")
# One public page of each page type (the table in support.py lists them all, some twice).
PAGE_TYPES = {
    "HomePage",
    "StandardPage",
    "ProgrammePage",
    "PartnerPage",
    "ResearchPage",
    "ExpressionOfInterestPage",
    "ApplicationPage",
    "HubIndexPage",
    "ArticlePage",
    "CaseStudyIndexPage",
    "CaseStudyPage",
}
PAGES = {}
for site_page in PUBLIC_PAGES:
    if site_page.page_type in PAGE_TYPES and site_page.page_type not in PAGES:
        PAGES[site_page.page_type] = site_page

# Wagtail's own checks, which its admin script defines in JavaScript, as axe checks.
WAGTAIL_CHECKS = """
(spec) => {
    const evaluate = {
        "check-image-alt-text": (node, options) =>
            !new RegExp(options.pattern, "i").test(node.getAttribute("alt") || ""),
        "check-empty-meta-description": () => {
            const meta = document.querySelector('meta[name="description"][content]');
            return !meta || meta.content.trim().length > 0;
        },
    };
    axe.configure({
        rules: spec.rules,
        checks: spec.checks.map((check) => ({ ...check, evaluate: evaluate[check.id] })),
    });
}
"""
_axe = Axe()


@pytest.fixture(scope="session")
def editor_state(browser, site_server):
    """A signed-in Editor (a member of the Editors group, not a superuser)."""
    username, password = EDITOR
    site_server.manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model;"
        "from django.contrib.auth.models import Group;"
        f"user = get_user_model().objects.create_user({username!r}, 'e@example.org', {password!r});"
        "user.groups.add(Group.objects.get(name='Editors'))",
    )
    context = browser.new_context(base_url=site_server.url)
    page = context.new_page()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("#header-title, h1").first).to_be_visible()
    state = context.storage_state()
    context.close()
    return state


@pytest.fixture(scope="session")
def page_ids(site_server):
    """{public path: page id} for the pages above."""
    paths = json.dumps([site_page.path for site_page in PAGES.values()])
    output = site_server.manage(
        "shell",
        "-c",
        "import json;from wagtail.models import Page;"
        f"paths = json.loads({paths!r});"
        "pages = {p.url: p.pk for p in Page.objects.filter(depth__gt=1)};"
        "print(json.dumps({path: pages[path] for path in paths}))",
    )
    return json.loads(output.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def snippet_edit_urls(site_server):
    """{model name: edit URL of its first record} for the previewable snippets."""
    output = site_server.manage(
        "shell",
        "-c",
        "import json;from django.urls import reverse;"
        "from home.models import FAQ, Statistic, Testimonial;from hub.models import Person;"
        "print(json.dumps({m.__name__: reverse(m.snippet_viewset.get_url_name('edit'),"
        " args=[m.objects.filter(live=True).order_by('pk').first().pk])"
        " for m in (Statistic, Testimonial, FAQ, Person)}))",
    )
    return json.loads(output.strip().splitlines()[-1])


@pytest.fixture
def editor_page(new_context, editor_state):
    context = new_context(viewport={"width": 1280, "height": 900}, storage_state=editor_state)
    return context.new_page()


def open_preview(page):
    page.locator("button[data-side-panel-toggle='preview']").click()
    return page.frame_locator("#w-preview-iframe")


def uses_site_styles(frame) -> bool:
    return frame.locator("html").evaluate(
        """() => [...document.styleSheets].some(
            (sheet) => (sheet.href || "").includes("/static/css/main") && sheet.cssRules.length > 0
        )"""
    )


def checks_panel_count(page) -> int:
    page.locator("button[data-side-panel-toggle='checks']").click()
    # The metrics and the issues come from the same run of the checker in the preview.
    expect(page.locator("[data-content-word-count]")).to_have_text(
        re.compile(r"^\d+$"), timeout=20_000
    )
    return int(page.locator("[data-content-checker-count]").inner_text())


def wagtail_checker_issues(page, configuration: dict) -> list[dict]:
    """axe on `page` with the rules, context and custom checks of Wagtail's checker."""
    _axe.run(page, options={"runOnly": ["empty-heading"]})  # injects axe into the page
    page.evaluate(WAGTAIL_CHECKS, configuration["spec"])
    results = page.evaluate(
        "([context, options]) => axe.run(context, options)",
        [configuration["context"], configuration["options"]],
    )
    return results["violations"]


@pytest.mark.parametrize("page_type", list(PAGES))
def test_preview_shows_the_page_at_each_size_and_checks_match_axe_on_the_public_page(
    editor_page, new_context, page_ids, page_type
):
    site_page = PAGES[page_type]
    page = editor_page
    page.goto(f"/admin/pages/{page_ids[site_page.path]}/edit/")

    with page.expect_response(lambda response: "in_preview_panel" in response.url) as framed:
        frame = open_preview(page)
    # The admin (the same origin) may frame the preview; nobody may frame the public page.
    headers = framed.value.headers
    assert "frame-ancestors 'self'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "SAMEORIGIN"
    heading = frame.locator("h1")
    expect(heading).to_have_text(site_page.heading)
    assert uses_site_styles(frame), "the preview is not styled with the site's CSS"

    iframe = page.locator("#w-preview-iframe")
    for size in ("mobile", "tablet", "desktop"):
        page.locator(f"input[name='preview-size'][value='{size}']").check(force=True)
        expect(page.locator(f"input[name='preview-size'][value='{size}']")).to_be_checked()
        expect(heading).to_be_visible()
        assert iframe.bounding_box()["width"] > 0

    with page.context.expect_page() as new_tab:
        page.locator("a[data-w-preview-target='newTab']").click()
    tab = new_tab.value
    expect(tab.locator("h1")).to_have_text(site_page.heading)
    tab.close()

    configuration = json.loads(page.locator("#checker-axe-configuration").text_content())
    in_panel = checks_panel_count(page)

    public = new_context(viewport={"width": 1280, "height": 900}).new_page()
    response = public.goto(site_page.path)
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    on_public_page = wagtail_checker_issues(public, configuration)
    assert in_panel == len(on_public_page) == 0, (
        f"Checks panel: {in_panel}; axe with Wagtail's rules on {site_page.path}: "
        f"{[(v['id'], [n['target'] for n in v['nodes']]) for v in on_public_page]}"
    )


@pytest.mark.parametrize("model", ["Statistic", "Testimonial", "FAQ", "Person"])
def test_snippet_previews_show_the_record_with_the_site_styles(
    editor_page, snippet_edit_urls, model
):
    page = editor_page
    page.goto(snippet_edit_urls[model])
    frame = open_preview(page)
    expect(frame.locator("main")).to_be_visible()
    expect(frame.locator("h1")).not_to_have_text("")
    assert uses_site_styles(frame)
