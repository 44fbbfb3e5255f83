"""Reading the site as a reader does, measured in Chromium: bodies of text keep one rhythm on
every page type, the hub and the case studies put their results first on a phone, and the
header's links stay on one row on laptops and tablets."""

import re

import pytest
from playwright.sync_api import expect

from home.navigation_fit import ROW_WIDTH, row_width

from .support import MAIN_NAV_LINKS, PUBLIC_PAGES, assert_no_axe_violations, open_page

pytestmark = pytest.mark.browser

# The parts of a body of text, in reading order: the children of rich text, of StreamField
# blocks and of the fixed sections of the programme, partner and research pages. For each two
# neighbours with nothing between them (no question, label or other words), stacked one above
# the other: the gap between them, what they are, and whether they sit in one rich-text block.
MEASURE_FLOW = """
() => {
    const probe = document.createElement("div");
    probe.style.marginTop = "var(--flow-text)";
    document.querySelector("main").append(probe);
    const flowText = parseFloat(getComputedStyle(probe).marginTop);
    probe.remove();
    const parts = [...document.querySelector("main").querySelectorAll(
        ".prose > *, .stream-block > :not(.prose, script), .section-flow > :not(.prose), " +
        ".case-study__section > h2"
    )].filter((e) => e.getClientRects().length && e.textContent.trim());
    const isText = (e) => ["P", "UL", "OL"].includes(e.tagName);
    const between = (a, b) => {
        const range = document.createRange();
        range.setStartAfter(a);
        range.setEndBefore(b);
        return range.toString().trim();
    };
    const pairs = [];
    for (let i = 0; i + 1 < parts.length; i++) {
        const [a, b] = [parts[i], parts[i + 1]];
        if (a.contains(b) || between(a, b)) continue;
        const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
        const overlap = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        if (overlap <= 0 || rb.top < ra.bottom - 1) continue;  // side by side, not stacked
        pairs.push({
            gap: rb.top - ra.bottom,
            text: isText(a) && isText(b),
            sameBlock: a.parentElement === b.parentElement && a.parentElement.matches(".prose"),
            what: `${a.tagName} "${a.textContent.trim().slice(0, 40)}" then ` +
                `${b.tagName} "${b.textContent.trim().slice(0, 40)}"`,
        });
    }
    return { flowText, pairs };
}
"""

# Page types whose demo pages have at least two parts of text in a row, so the test measures
# something there: articles, case-study sections, standard, programme and partner pages.
BODY_PAGES = {
    "/accessibility/",
    "/the-programme/",
    "/partner-with-us/",
    "/hub/successful-reintegration-from-pru-to-mainstream/",
    "/case-studies/lincolnshire-pru-turnaround/",
    "/case-studies/shaun-brown-whole-school-inclusion/",
}
LINCOLNSHIRE = "/case-studies/lincolnshire-pru-turnaround/"


def measure(page) -> tuple[float, list[dict]]:
    result = page.evaluate(MEASURE_FLOW)
    return result["flowText"], result["pairs"]


@pytest.mark.parametrize("site_page", PUBLIC_PAGES, ids=lambda p: p.path)
def test_no_two_paragraphs_touch_and_text_keeps_one_rhythm(new_context, site_server, site_page):
    page, _ = open_page(new_context, site_server.host, "desktop")
    page.goto(site_page.path)

    flow_text, pairs = measure(page)

    # Nothing touches: at least the space under a heading between any two neighbours.
    touching = [f"{p['gap']:.1f}px: {p['what']}" for p in pairs if p["gap"] < 0.75 * flow_text]
    assert not touching, f"{site_page.path}: parts of the text touch:\n" + "\n".join(touching)
    # Paragraphs and lists one after another: the same gap, in one rich-text block or in two.
    uneven = [
        f"{p['gap']:.1f}px: {p['what']}"
        for p in pairs
        if p["text"] and abs(p["gap"] - flow_text) > 0.5
    ]
    assert not uneven, f"{site_page.path}: text is not {flow_text}px apart:\n" + "\n".join(uneven)
    if site_page.path in BODY_PAGES:
        assert any(p["text"] for p in pairs), f"{site_page.path}: no paragraphs measured"


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_paragraphs_read_the_same_in_one_block_or_in_several(new_context, site_server, viewport):
    page, _ = open_page(new_context, site_server.host, viewport)
    gaps = {}
    # The Lincolnshire story keeps each paragraph in a block of its own; the accessibility
    # statement has paragraphs within one rich-text block.
    for path in (LINCOLNSHIRE, "/accessibility/"):
        page.goto(path)
        flow_text, pairs = measure(page)
        for pair in pairs:
            if pair["text"]:
                gaps.setdefault(pair["sameBlock"], []).append(round(pair["gap"], 1))
    assert gaps.get(False) and gaps.get(True), f"both kinds measured: {gaps}"
    assert set(gaps[False]) == set(gaps[True]) == {flow_text}, gaps


# ---------- The hub and case studies on a phone ----------

LISTINGS = [("/hub/", "Search articles"), ("/case-studies/", "Search case studies")]


@pytest.mark.parametrize(("path", "search_label"), LISTINGS)
def test_on_a_phone_the_first_result_is_within_the_first_screen(
    new_context, site_server, path, search_label
):
    page, watch = open_page(new_context, site_server.host, "phone")
    page.goto(path)
    height = page.viewport_size["height"]

    first = page.locator(".listing-results .card").first
    top = first.bounding_box()["y"]
    assert top < height, f"{path}: the first result starts {top:.0f}px down, below {height}px"
    expect(first.locator(".card__link")).to_be_visible()
    # The search stays in view; the filters fold into a disclosure, closed.
    expect(page.get_by_role("searchbox", name=search_label)).to_be_in_viewport()
    summary = page.locator(".filter-panel__summary")
    expect(summary).to_be_visible()
    expect(summary).to_have_text(re.compile(r"^\s*Filters\s*$"))
    expect(page.locator(".filter-option__input").first).to_be_hidden()
    assert_no_axe_violations(page)
    watch.assert_clean()


@pytest.mark.parametrize("path", [path for path, _ in LISTINGS])
def test_filters_fold_away_on_a_phone_and_work_without_javascript(new_context, site_server, path):
    page, watch = open_page(new_context, site_server.host, "phone", java_script_enabled=False)
    page.goto(path)
    disclosure = page.locator("details.filter-panel__disclosure")
    summary = disclosure.locator("summary")
    first_option = disclosure.locator(".filter-option").first
    expect(first_option).to_be_hidden()

    summary.click()

    expect(first_option).to_be_visible()
    label = first_option.locator("label").inner_text()
    count = int(re.search(r"\((\d+)", label).group(1))
    first_option.locator("input").check()
    disclosure.get_by_role("button", name="Apply filters").click()

    # The page comes back at its results: the count, the filter as a chip, the first result.
    expect(page).to_have_url(re.compile(r"#results$"))
    heading = page.locator(".listing-results__heading")
    expect(heading).to_have_text(re.compile(rf"^\s*{count} "))
    expect(heading).to_be_in_viewport()
    chip = page.locator(".active-filters__tag")
    expect(chip).to_have_count(1)
    expect(chip).to_be_in_viewport()
    expect(page.locator(".listing-results .card").first).to_be_in_viewport()
    # The folded filters say how many are in use, and the chip takes it off.
    expect(summary).to_have_text(re.compile(r"Filters\s+1 active"))
    expect(first_option.locator("input")).to_be_checked()
    chip.click()
    expect(page.locator(".active-filters__tag")).to_have_count(0)
    expect(summary).to_have_text(re.compile(r"^\s*Filters\s*$"))
    watch.assert_clean()


def test_the_open_filters_on_a_phone_have_no_axe_violations(new_context, site_server):
    page, _ = open_page(new_context, site_server.host, "phone")
    page.goto("/hub/?topic=send&type=talk")
    summary = page.locator(".filter-panel__summary")
    expect(summary).to_have_text(re.compile(r"Filters\s+2 active"))
    summary.click()
    expect(page.locator(".filter-option__input").first).to_be_visible()
    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", [path for path, _ in LISTINGS])
def test_beside_the_results_the_filters_show_without_opening(new_context, site_server, path):
    page, _ = open_page(new_context, site_server.host, "desktop", java_script_enabled=False)
    page.goto(path)
    expect(page.locator(".filter-panel__summary")).to_be_hidden()
    expect(page.locator(".filter-option__input").first).to_be_visible()
    expect(page.get_by_role("button", name="Apply filters")).to_be_visible()


# ---------- The header ----------


@pytest.mark.parametrize("width", [1024, 1280, 1440])
def test_the_header_links_stay_on_one_row_on_laptops_and_tablets(new_context, site_server, width):
    page, watch = open_page(new_context, site_server.host, "desktop")
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/")
    links = page.locator(".site-nav__item:not(.site-nav__item--action) .site-nav__link")
    expect(links).to_have_count(len(MAIN_NAV_LINKS) - 1)

    boxes = [links.nth(i).bounding_box() for i in range(links.count())]
    tops = {round(box["y"]) for box in boxes}
    assert len(tops) == 1, f"at {width}px the links wrap onto {len(tops)} rows: {boxes}"
    heights = {round(box["height"]) for box in boxes}
    assert len(heights) == 1, f"at {width}px a link's text wraps: {boxes}"
    header = page.locator(".site-header").bounding_box()
    assert boxes[-1]["x"] + boxes[-1]["width"] <= header["width"], "the last link is cut off"
    action = page.locator(".site-nav__item--action").bounding_box()
    assert action["y"] + action["height"] <= boxes[0]["y"], "the button sits over the links"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    watch.assert_clean()


def test_the_site_settings_estimate_is_never_narrower_than_the_row_chromium_draws(
    new_context, site_server
):
    page, _ = open_page(new_context, site_server.host, "desktop")
    page.set_viewport_size({"width": 1024, "height": 800})
    page.goto("/")
    links = page.locator(".site-nav__item:not(.site-nav__item--action) .site-nav__link")
    labels = links.all_inner_texts()
    drawn = page.evaluate(
        """() => {
            const links = [...document.querySelectorAll(
                ".site-nav__item:not(.site-nav__item--action) .site-nav__link")];
            const first = links[0].getBoundingClientRect(), last = links.at(-1).getBoundingClientRect();
            return last.right - first.left;
        }"""
    )
    estimate = row_width(labels)
    # Never too hopeful (Chromium here draws the site's fonts as DejaVu Sans, the widest), and
    # not so cautious that it warns about links that fit.
    assert drawn <= estimate <= drawn * 1.05, (labels, drawn, estimate)
    assert estimate <= ROW_WIDTH
