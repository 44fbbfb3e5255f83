"""What the browser tests check: the demo site's pages, viewports, axe and a page watcher."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import ConsoleMessage, Page, Request, Response


@dataclass(frozen=True)
class SitePage:
    path: str
    page_type: str
    heading: str  # the page's one h1


# Every public page of the demo site. Add a row here when a new page type gets demo content:
# each row is loaded at every viewport, checked with axe, the skip link, the console, the
# Content-Security-Policy and the hosts it asks for.
PUBLIC_PAGES: tuple[SitePage, ...] = (
    SitePage("/", "HomePage", "Exceptional teachers, leading where it matters most"),
    SitePage("/about/", "StandardPage", "About us"),
    SitePage("/about/our-story/", "StandardPage", "Our story"),
    SitePage("/the-programme/", "ProgrammePage", "The Difference Leadership Programme"),
    SitePage("/partner-with-us/", "PartnerPage", "Partner with us"),
    SitePage("/our-research/", "ResearchPage", "Our research"),
    SitePage("/privacy-notice/", "StandardPage", "Privacy notice"),
    SitePage("/accessibility/", "StandardPage", "Accessibility statement"),
    SitePage("/expression-of-interest/", "ExpressionOfInterestPage", "Expression of interest"),
    SitePage("/apply/", "ApplicationPage", "Apply to the programme"),
    SitePage("/apply/eligibility/", "ApplicationPage (eligibility)", "Check if you can apply"),
    SitePage("/hub/", "HubIndexPage", "Knowledge hub"),
    SitePage("/hub/?topic=send&type=talk&year=2024", "HubIndexPage (filtered)", "Knowledge hub"),
    SitePage("/hub/?q=reintegration+school", "HubIndexPage (search)", "Knowledge hub"),
    SitePage(
        "/hub/successful-reintegration-from-pru-to-mainstream/",
        "ArticlePage",
        "What makes for a successful reintegration from PRU to mainstream school?",
    ),
    SitePage("/hub/authors/", "Hub authors", "Authors"),
    SitePage("/hub/authors/mike-power/", "Hub author", "Mike Power"),
    SitePage("/hub/topics/", "Hub topics", "Topics"),
    SitePage("/hub/topics/reintegration/", "Hub topic", "Reintegration"),
    SitePage("/search/?q=science", "Site search", "Search results"),
    SitePage("/case-studies/", "CaseStudyIndexPage", "Case studies"),
    SitePage(
        "/case-studies/?region=london&theme=leadership",
        "CaseStudyIndexPage (filtered)",
        "Case studies",
    ),
    SitePage(
        "/case-studies/lincolnshire-pru-turnaround/",
        "CaseStudyPage",
        "Rebuilding Lincolnshire's pupil referral unit with leaders from mainstream schools",
    ),
    SitePage(
        "/case-studies/shaun-brown-whole-school-inclusion/",
        "CaseStudyPage (tiered approach)",
        "Three tiers of support: how Shaun Brown joined up inclusion at Thomas Tallis School",
    ),
)

HOME = PUBLIC_PAGES[0]

# The main navigation the demo content builds, in order: (link text, path).
MAIN_NAV_LINKS: tuple[tuple[str, str], ...] = (
    ("About us", "/about/"),
    ("Our story", "/about/our-story/"),
    ("The programme", "/the-programme/"),
    ("Partner with us", "/partner-with-us/"),
    ("Our research", "/our-research/"),
    ("Knowledge hub", "/hub/"),
    ("Case studies", "/case-studies/"),
    ("Apply", "/the-programme/"),
)

VIEWPORTS = {
    "phone": {"width": 375, "height": 812},
    "desktop": {"width": 1280, "height": 800},
}

NOT_FOUND_PATH = "/this-page-does-not-exist/"

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": AXE_TAGS},
    "resultTypes": ["violations"],
}
_axe = Axe()


def axe_violations(page: Page) -> list[dict]:
    return _axe.run(page, options=AXE_OPTIONS).response["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = [f"axe found {len(violations)} violation(s) ({', '.join(AXE_TAGS)}):"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']} "
            f"<{violation.get('helpUrl', '')}>"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}: {node.get('html', '')[:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


def assert_no_axe_violations(page: Page) -> None:
    violations = axe_violations(page)
    assert not violations, f"{page.url}\n{describe_violations(violations)}"


# Collects, from before the first request, every Content-Security-Policy violation the page
# reports. Playwright injects it over the DevTools protocol, so the policy does not block it.
_CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline code"}` +
        ` at ${event.sourceFile || "?"}:${event.lineNumber}`
    );
});
"""


@dataclass
class PageWatch:
    """What a page did that a user or the browser's console would notice."""

    page: Page
    server_host: str
    javascript: bool = True  # with JavaScript off, the console still reports CSP violations
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.page.on("request", self._on_request)
        self.page.on("response", self._on_response)
        if self.javascript:
            self.page.add_init_script(_CSP_LISTENER)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            location = message.location or {}
            self.console_errors.append(f"{message.text} ({location.get('url', '?')})")

    def _on_request(self, request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"data", "blob", "about"}:
            return
        if parts.scheme not in {"http", "https"} or parts.netloc != self.server_host:
            self.foreign_requests.append(request.url)

    def _on_response(self, response: Response) -> None:
        # The main document's status is each test's own business (the 404 page is meant to 404).
        if response.request.resource_type != "document" and response.status >= 400:
            self.failed_responses.append(f"{response.status} {response.url}")

    def csp_violations(self) -> list[str]:
        if not self.javascript:
            return []
        return self.page.evaluate("window.__cspViolations || []")

    def assert_clean(self, *, console: bool = True) -> None:
        """No console errors or uncaught exceptions, no CSP violations, nothing off-site."""
        problems = []
        if console and self.console_errors:
            problems.append(f"console errors: {self.console_errors}")
        if self.page_errors:
            problems.append(f"uncaught exceptions: {self.page_errors}")
        if self.failed_responses:
            problems.append(f"failed sub-resources: {self.failed_responses}")
        if self.foreign_requests:
            problems.append(f"requests to other hosts: {self.foreign_requests}")
        if csp := self.csp_violations():
            problems.append(f"Content-Security-Policy violations: {csp}")
        assert not problems, f"{self.page.url}\n" + "\n".join(problems)


def open_page(new_context, server_host: str, viewport: str = "desktop", **context_args):
    """A fresh browser context and page at the named viewport, with a watcher attached."""
    context = new_context(viewport=VIEWPORTS[viewport], **context_args)
    page = context.new_page()
    javascript = context_args.get("java_script_enabled", True)
    return page, PageWatch(page, server_host, javascript=javascript)


def emailed_link(email_dir, to: str, path: str, timeout: float = 10.0) -> str:
    """The last link containing `path` in an email the test server sent to `to`.

    The browser tests' server writes its emails to files in `email_dir` (Django's file-based
    backend: each file holds the messages of one connection, each followed by a line of 79
    dashes). Waits up to `timeout` seconds for the message, then fails saying what did arrive.
    """
    import re
    import time
    from email import message_from_bytes, policy
    from email.utils import getaddresses
    from pathlib import Path

    separator = re.compile(rb"^-{79}$", re.MULTILINE)
    deadline = time.monotonic() + timeout
    while True:
        links, recipients = [], set()
        for file in sorted(Path(email_dir).glob("*.log"), key=lambda f: f.stat().st_mtime_ns):
            # Only messages their separator has followed: the last piece may be half-written.
            for raw in separator.split(file.read_bytes())[:-1]:
                message = message_from_bytes(raw.lstrip(b"\n"), policy=policy.default)
                addresses = {a.lower() for _, a in getaddresses(message.get_all("To", []))}
                recipients |= addresses
                if to.lower() not in addresses:
                    continue
                body = message.get_body(preferencelist=("plain",)).get_content()
                links += [url for url in re.findall(r"https?://\S+", body) if path in url]
        if links:
            return links[-1]
        if time.monotonic() > deadline:
            raise AssertionError(
                f"No email to {to} with a link to {path} within {timeout}s; "
                f"emails went to: {sorted(recipients) or 'nobody'}"
            )
        time.sleep(0.1)


def open_filters(page: Page) -> None:
    """Open a listing's filters where they fold away (phones); beside the results they show."""
    summary = page.locator(".filter-panel__summary")
    closed = page.locator("details.filter-panel__disclosure:not([open])")
    if summary.is_visible() and closed.count():
        summary.click()
