"""The public forms over HTTP against the running site (gunicorn, several workers, one shared
cache): floods are stopped, save-and-return emails are limited, pages with answers are never
cached, and a spent save-and-return link shows nothing.

Real HTTP requests (`requests`), as a script would send them: no browser. Each test posts from
an address of its own (the server trusts one proxy's X-Forwarded-For, as in production behind
a load balancer), so it neither uses up nor meets the others' limits.
"""

import re
import time
import uuid
from email import message_from_bytes, policy
from email.utils import getaddresses
from pathlib import Path

import pytest
import requests

pytestmark = pytest.mark.browser

APPLY = "/apply/"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STATE = re.compile(r'name="form_state" value="([^"]+)"')
COHORT = re.compile(r'name="cohort" type="radio" value="(\d+)"')
# The site's defaults (website/settings/base.py), which the README explains.
STARTS_PER_HOUR = 30
LINKS_PER_EMAIL_PER_DAY = 3

ANSWERS = {
    "personal-details": {
        "full_name": "Hattie Over-HTTP",
        "telephone": "07700 900 123",
        "postcode": "LN1 1AA",
    },
    "current-role": {
        "current_role": "Head of maths",
        "current_school": "Wire Street Academy",
        "phase": "secondary",
        "subject": "Mathematics",
        "years_teaching": "7",
        "qts_year": "2017",
        "leadership_experience": "middle",
    },
    "referees": {
        "referee_1_name": "Ref One",
        "referee_1_role": "Headteacher",
        "referee_1_email": "one.http@example.com",
        "referee_2_name": "Ref Two",
        "referee_2_role": "Deputy head",
        "referee_2_email": "two.http@example.com",
    },
    "declarations": {"accurate": "on", "eligible": "on", "privacy": "on"},
}
PERSONAL = ["Hattie Over-HTTP", "07700 900 123", "Wire Street Academy", "LN1 1AA"]


class Visitor:
    """A client with its own cookies, posting from `address`, as a script or a browser would."""

    def __init__(self, server, address: str):
        self.server = server
        self.http = requests.Session()
        self.http.headers["X-Forwarded-For"] = address

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.http.get(self.url(path), allow_redirects=False, timeout=30, **kwargs)

    def post(self, path: str, data: dict | None = None) -> requests.Response:
        # Django checks the form's token against the CSRF cookie's secret.
        data = {"csrfmiddlewaretoken": self.csrf_token(), **(data or {})}
        return self.http.post(self.url(path), data=data, allow_redirects=False, timeout=30)

    def url(self, path: str) -> str:
        return path if path.startswith("http") else self.server.url + path

    def csrf_token(self) -> str:
        if "csrftoken" not in self.http.cookies:
            self.get(APPLY + "eligibility/")
        return self.http.cookies["csrftoken"]


def first_step_state(server, address: str) -> str:
    """A signed form state from the first step's page, old enough to pass the fill time."""
    visitor = Visitor(server, address)
    start = visitor.post(APPLY + "start/")
    assert start.status_code == 302, start.status_code
    page = visitor.get(start.headers["Location"]).text
    time.sleep(3.2)
    return STATE.search(page).group(1)


def messages_to(email_dir, to: str) -> list:
    """Every email the server wrote to its folder for `to` (Django's file-based backend)."""
    separator = re.compile(rb"^-{79}$", re.MULTILINE)
    found = []
    for file in sorted(Path(email_dir).glob("*.log")):
        for raw in separator.split(file.read_bytes())[:-1]:
            message = message_from_bytes(raw.lstrip(b"\n"), policy=policy.default)
            if to in {a.lower() for _, a in getaddresses(message.get_all("To", []))}:
                found.append(message)
    return found


def link_in(message) -> str:
    body = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"https?://\S+/apply/resume/\?token=\S+", body).group(0)


def test_a_flood_of_starts_from_one_address_meets_a_429_before_the_40th(site_server):
    statuses = []
    for _ in range(40):
        bot = Visitor(site_server, "198.51.100.40")  # no cookies kept between starts
        response = bot.post(APPLY + "start/")
        statuses.append(response.status_code)
        if response.status_code == 429:
            assert 0 < int(response.headers["Retry-After"]) <= 3600
            assert "Too many attempts" in response.text
    assert statuses[:STARTS_PER_HOUR] == [302] * STARTS_PER_HOUR
    assert statuses[STARTS_PER_HOUR:] == [429] * (40 - STARTS_PER_HOUR)
    # The school next door is not held back.
    assert Visitor(site_server, "198.51.100.41").post(APPLY + "start/").status_code == 302


def test_save_and_return_posts_for_one_address_send_at_most_the_allowed_emails(site_server):
    """25 "save and come back later" posts with someone else's address, as fast as a script
    can, each on a new application: that person gets the day's allowance and no more."""
    address = "198.51.100.25"
    victim = f"victim.{uuid.uuid4().hex[:8]}@example.com"
    state = first_step_state(site_server, address)
    statuses = []
    for _ in range(25):
        bot = Visitor(site_server, address)
        start = bot.post(APPLY + "start/")
        assert start.status_code == 302, start.status_code
        saved = bot.post(
            start.headers["Location"],
            {
                **ANSWERS["personal-details"],
                "email": victim,
                "form_state": state,
                "save_and_return": "1",
            },
        )
        statuses.append(saved.status_code)
    assert statuses == [302] * 25  # every post answered; only the emails are held back
    sent = messages_to(site_server.email_dir, victim)
    assert len(sent) == LINKS_PER_EMAIL_PER_DAY
    assert all("/apply/resume/?token=" in link_in(message) for message in sent)


def answer_every_step(visitor, first_step: str, email: str, state: str) -> str:
    """Walk the steps, checking each page's Cache-Control; the check page's path."""
    path = first_step
    for _ in range(20):
        if path.endswith("/check/"):
            return path
        page = visitor.get(path)
        assert page.status_code == 200, (path, page.status_code)
        assert_private(page, path)
        slug = path.rstrip("/").rsplit("/", 1)[-1]
        if slug.startswith("statement-"):
            data = {"statement": "Over the wire, in my own words."}
        elif slug == "preferences":
            data = {"cohort": COHORT.search(page.text).group(1)}
        elif slug == "personal-details":
            data = {**ANSWERS[slug], "email": email, "form_state": state}
        else:
            data = ANSWERS[slug]
        response = visitor.post(path, data)
        assert response.status_code == 302, (slug, response.status_code)
        assert_private(response, f"POST {path}")
        path = response.headers["Location"].replace(visitor.server.url, "")
    raise AssertionError(f"never reached the check page; stuck at {path}")


def assert_private(response, what):
    directives = {d.strip() for d in response.headers.get("Cache-Control", "").split(",")}
    assert {"no-store", "private"} <= directives, (what, response.headers.get("Cache-Control"))


def test_step_and_check_pages_are_never_cached_and_public_pages_are(site_server):
    address = "198.51.100.60"
    state = first_step_state(site_server, address)
    visitor = Visitor(site_server, address)
    start = visitor.post(APPLY + "start/")
    check = answer_every_step(
        visitor, start.headers["Location"], f"private.{uuid.uuid4().hex[:8]}@example.com", state
    )
    page = visitor.get(check)
    assert page.status_code == 200
    assert "Wire Street Academy" in page.text
    assert_private(page, "check answers")
    sent = visitor.post(check)
    assert sent.status_code == 302
    confirmation = visitor.get(sent.headers["Location"])
    assert "Application sent" in confirmation.text
    assert_private(confirmation, "confirmation")

    # The public pages stay shareable for a visitor with no session; the applicant, whose
    # browser now carries one, is never served or stored a shared copy (caching.middleware).
    stranger = Visitor(site_server, "198.51.100.61")
    for path in ["/", APPLY, "/the-programme/"]:
        response = stranger.get(path)
        assert response.status_code == 200
        assert "no-store" not in response.headers.get("Cache-Control", ""), path
        assert "no-store" in visitor.get(path).headers.get("Cache-Control", ""), path


def test_a_spent_resume_link_shows_nothing(site_server):
    address = "198.51.100.70"
    email = f"spent.{uuid.uuid4().hex[:8]}@example.com"
    state = first_step_state(site_server, address)
    applicant = Visitor(site_server, address)
    start = applicant.post(APPLY + "start/")
    saved = applicant.post(
        start.headers["Location"],
        {
            **ANSWERS["personal-details"],
            "email": email,
            "form_state": state,
            "save_and_return": "1",
        },
    )
    assert saved.status_code == 302
    (message,) = messages_to(site_server.email_dir, email)
    link = link_in(message)

    # The link alone (as a mail scanner, or anyone reading an access log, has it) shows
    # nothing: it asks for the email address.
    scanner = Visitor(site_server, "198.51.100.71")
    landing = scanner.get(link)
    assert landing.status_code == 303
    ask = scanner.get(landing.headers["Location"])
    assert ask.status_code == 200
    assert "enter the email address we sent this link to" in ask.text
    assert not any(value in ask.text for value in PERSONAL)

    # The applicant opens it on another device: the address, then the application.
    other_device = Visitor(site_server, "198.51.100.72")
    other_device.get(link)
    opened = other_device.post(APPLY + "resume/", {"email": email})
    assert opened.status_code == 302
    step = other_device.get(other_device.get(opened.headers["Location"]).headers["Location"])
    assert step.status_code == 200

    # Spent: opened again, from anywhere, it shows nothing.
    for visitor in [Visitor(site_server, "198.51.100.73"), other_device, scanner]:
        again = visitor.get(link)
        assert again.status_code == 404
        assert "This link has expired or is not valid" in again.text
        assert not any(value in again.text for value in PERSONAL)
        follow = visitor.post(APPLY + "resume/", {"email": email})
        assert follow.status_code == 404

    # The token reached the access log once, on the landing line, and that line is now useless.
    token = link.split("token=", 1)[1]
    logged = [line for line in site_server.log_path.read_text().splitlines() if token in line]
    assert logged and all("GET /apply/resume/?token=" in line for line in logged)
    logged_path = re.search(r"GET (\S+) HTTP", logged[0]).group(1)
    assert Visitor(site_server, "198.51.100.74").get(logged_path).status_code == 404
